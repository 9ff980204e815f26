# NumPy scalars: types, arithmetic with Python numbers, comparisons, conversions, hashing.
import numpy as np

x = np.float64(2.5)
print(type(x), type(x).__name__, isinstance(x, float), isinstance(x, np.floating), isinstance(x, np.generic))
# expect: <class 'numpy.float64'> float64 True True True
print(isinstance(np.int64(1), int), isinstance(np.int64(1), np.integer), isinstance(np.float32(1), float))
# expect: False True False
print(type(np.float32(1)).__mro__)
# expect: (<class 'numpy.float32'>, <class 'numpy.floating'>, <class 'numpy.inexact'>, <class 'numpy.number'>, <class 'numpy.generic'>, <class 'object'>)
print(repr(x + 1), repr(1 + x), repr(x * 2), repr(x / 2), repr(x // 2), repr(x % 2), repr(x ** 2), repr(2 ** np.float64(3)))
# expect: np.float64(3.5) np.float64(3.5) np.float64(5.0) np.float64(1.25) np.float64(1.0) np.float64(0.5) np.float64(6.25) np.float64(8.0)
print(repr(-x), repr(+x), repr(abs(np.float64(-3))), repr(abs(np.int64(-3))))
# expect: np.float64(-2.5) np.float64(2.5) np.float64(3.0) np.int64(3)
print(repr(np.int64(7) // 2), repr(np.int64(7) / 2), repr(np.int64(7) % 3), repr(np.int64(2) ** 10), repr(-np.int64(5)))
# expect: np.int64(3) np.float64(3.5) np.int64(1) np.int64(1024) np.int64(-5)
print(repr(np.int32(2) * 2), repr(np.int32(2) * 2.5), repr(np.int32(2) + np.int64(1)), repr(np.uint8(250) + 10))
# expect: np.int32(4) np.float64(5.0) np.int64(3) np.uint8(4)
print(repr(np.float32(2) * 2.0), repr(np.float32(2) * 2), repr(np.float32(2) + np.float64(1)), repr(np.float32(0.1) + 0.2))
# expect: np.float32(4.0) np.float32(4.0) np.float64(3.0) np.float32(0.3)
print(repr(np.True_ + 1), repr(np.True_ & False), repr(np.True_ | np.False_), repr(~np.True_), repr(np.True_ ^ True))
# expect: np.int64(2) np.False_ np.True_ np.False_ np.False_
print(repr(np.float64(1) / 0), repr(np.int64(1) // 0), repr(np.float64(-1) / 0), repr(np.float64(0) / 0))
# expect: np.float64(inf) np.int64(0) np.float64(-inf) np.float64(nan)
print(repr(divmod(np.int64(7), 2)), repr(divmod(np.float64(7.5), 2)))
# expect: (np.int64(3), np.int64(1)) (np.float64(3.0), np.float64(1.5))

# comparisons give np.bool
print(repr(x > 2), repr(x == 2.5), repr(x != 2.5), repr(np.int64(3) <= 3), repr(np.float32(0.1) == 0.1))
# expect: np.True_ np.True_ np.False_ np.True_ np.True_
print(x > 2, x < 2, np.float64(1) == 1, np.int64(2) == 2.0)
# expect: True False True True
if np.float64(0.0):
    print('truthy')
else:
    print('falsy')
# expect: falsy
print(bool(np.float64(0.5)), bool(np.int64(0)), not np.True_)
# expect: True False False

# conversions
print(float(x), int(x), int(np.float64(-2.7)), float(np.int64(3)), int(np.True_), float(np.float32(0.1)))
# expect: 2.5 2 -2 3.0 1 0.10000000149011612
print(x.item(), type(x.item()), np.int64(5).item(), type(np.int64(5).item()), np.True_.item(), np.float32(0.5).item())
# expect: 2.5 <class 'float'> 5 <class 'int'> True 0.5
print(np.float64(2.0).is_integer(), np.float64(2.5).is_integer(), np.int64(3).is_integer())
# expect: True False True
print(round(np.float64(2.5)), round(np.float64(3.5)), round(np.float64(2.567), 2), repr(round(np.float64(2.567), 2)))
# expect: 2 4 2.57 np.float64(2.57)
print(repr(round(np.float32(2.567), 1)), round(np.int64(7)), repr(np.float64(1234.5678).round(-2)))
# expect: np.float32(2.6) 7 np.float64(1200.0)
print(x.dtype, x.shape, x.ndim, x.size, x.itemsize, np.float32(1).nbytes)
# expect: float64 () 0 1 8 4
print(repr(x.astype(np.int32)), repr(np.float64(1.5).astype(np.float32)), repr(x.sum()), repr(x.reshape(1)))
# expect: np.int32(2) np.float32(1.5) np.float64(2.5) array([2.5])
print(repr(np.float64(np.float32(0.1))), repr(np.float32(np.float64(0.1))), repr(np.int64(2.9)), repr(np.int32('12')))
# expect: np.float64(0.10000000149011612) np.float32(0.1) np.int64(2) np.int32(12)
print(repr(np.float64()), repr(np.int64()), repr(np.bool_()), repr(np.float64('1.5')))
# expect: np.float64(0.0) np.int64(0) np.False_ np.float64(1.5)
print(repr(np.float32([1, 2])), repr(np.int64(np.array(3.7))))
# expect: array([1., 2.], dtype=float32) np.int64(3)

# scalars as indices and dict keys
lst = [10, 20, 30]
print(lst[np.int64(1)], lst[np.int32(-1)], lst[np.array(2)], list(range(np.int64(3))))
# expect: 20 30 30 [0, 1, 2]
d = {np.float64(2.0): 'a', np.int64(3): 'b'}
print(d[2], d[3.0], hash(np.float64(2.0)) == hash(2), hash(np.int64(5)) == hash(5), np.float64(0.5) in {0.5: 1})
# expect: a b True True True
print([1, 2] * np.int64(2), 'ab' * np.int64(3))
# expect: [1, 2, 1, 2] ababab
print(sum([np.float64(0.5), np.float64(0.25)]), repr(sum(np.arange(4))), max(np.float64(1), 2.0), min([np.int64(3), np.int64(1)]))
# expect: 0.75 np.int64(6) 2.0 1
print(np.float64(2.5).__class__.__name__, np.dtype('float32').type, x.dtype.type)
# expect: float64 <class 'numpy.float32'> <class 'numpy.float64'>
print(repr(np.float64(3) @ np.float64(2)) if False else repr(np.float64(3) * np.float64(2)))
# expect: np.float64(6.0)
