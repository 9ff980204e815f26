# NumPy values with Python built-ins and the math module.
import math
import numpy as np

print(math.sqrt(np.float64(2)), math.exp(np.array(1.0)), math.floor(np.float64(2.7)), math.isnan(np.float32('nan')))
# expect: 1.4142135623730951 2.718281828459045 2 True
print(int(np.float32(2.5)), float(np.array(3)), int(np.array(-2.9)), complex(1) if False else 'skip', bool(np.array([0])))
# expect: 2 3.0 -2 skip False
print(sorted([np.float64(2), np.float64(1), 0.5]), sorted(np.array([3, 1, 2])), max(np.array([1, 3, 2])), min(np.arange(3) - 1))
# expect: [0.5, np.float64(1.0), np.float64(2.0)] [np.int64(1), np.int64(2), np.int64(3)] 3 -1
print(sum(np.ones(3)), sum(np.arange(4)), sum([np.array([1, 2]), np.array([3, 4])]), abs(np.array([-1.5, 2])))
# expect: 3.0 6 [4 6] [1.5 2. ]
print(round(np.float64(0.125), 2), divmod(np.arange(5), 2))
# expect: 0.12 (array([0, 0, 1, 1, 2]), array([0, 1, 0, 1, 0]))
print(list(zip(np.arange(2), np.array([0.5, 1.5]))), dict(zip(['a', 'b'], np.array([1, 2]))))
# expect: [(np.int64(0), np.float64(0.5)), (np.int64(1), np.float64(1.5))] {'a': np.int64(1), 'b': np.int64(2)}
print(list(enumerate(np.array([True, False]))), list(map(float, np.arange(2))), [x * 2 for x in np.arange(3)])
# expect: [(0, np.True_), (1, np.False_)] [0.0, 1.0] [np.int64(0), np.int64(2), np.int64(4)]
print(np.float64(0.1) + np.float64(0.2), 0.1 + 0.2, np.float32(0.1) + np.float32(0.2), str(np.float64(1) / 3))
# expect: 0.30000000000000004 0.30000000000000004 0.3 0.3333333333333333
print(any(np.array([0, 1])), all(np.array([1, 1])), len(np.zeros((4, 2))), list(reversed(np.arange(3))))
# expect: True True 4 [np.int64(2), np.int64(1), np.int64(0)]
print(isinstance(np.float64(1), (int, float)), isinstance(np.int64(1), (int, float)), type(np.float64(1) + 1) is np.float64)
# expect: True False True
print('{:>8.3f}|{:<6}|{:^7}'.format(np.float64(math.pi), np.int64(42), np.float32(1.5)), f'{np.float64(1e-5):.2e}', f'{np.int64(255):08b}')
# expect:    3.142|42    |  1.5   1.00e-05 11111111
print('%s %r %5.1f %d %x' % (np.array([1, 2]), np.float32(0.5), np.float64(2.25), np.int32(7), np.uint8(255)))
# expect: [1 2] np.float32(0.5)   2.2 7 ff
items = {np.int64(1): 'one', 2: 'two'}
print(items[1], items[np.int32(2)], np.float64(1.0) in items, 1.5 in np.array([1.5]), np.nan in np.array([np.nan]))
# expect: one two True True False
a = np.arange(3)
a_list = a.tolist()
print(a_list, type(a_list[0]).__name__, np.array([[1.5, 2]]).tolist(), np.array(True).tolist(), np.float32(0.1).tolist())
# expect: [0, 1, 2] int [[1.5, 2.0]] True 0.10000000149011612
print(np.array(range(3)), np.array([x ** 2 for x in range(4)]), np.array(tuple(range(2))), np.asarray(range(2, 5)))
# expect: [0 1 2] [0 1 4 9] [0 1] [2 3 4]
print(np.array([[1, 2], [3, 4]])[0].tolist() == [1, 2], [1, 2] == np.array([1, 2]), (np.array([1, 2]) == [1, 2]).all())
# expect: True [ True  True] True
x = np.array(5.0)
print(x + 1, x * np.ones(2), float(x) / 2, x.item() + 1, x[()], x.shape, x.ndim)
# expect: 6.0 [5. 5.] 2.5 6.0 5.0 () 0
print(np.float64(2) ** np.int64(3), np.int64(2) ** np.int64(3), 2 ** np.int64(3), np.float32(2) ** 0.5, -np.int64(2) ** 2)
# expect: 8.0 8 8 1.4142135 -4
