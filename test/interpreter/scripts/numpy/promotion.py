# NumPy 2 type promotion: Python numbers are weak, NumPy scalars and arrays are strong.
import numpy as np

f32 = np.ones(3, np.float32)
i64 = np.arange(3)
i32 = np.arange(3, dtype=np.int32)
u8 = np.array([250, 5, 6], dtype=np.uint8)
b = np.array([True, False, True])

print((f32 * 2.0).dtype, (f32 * 2).dtype, (f32 * np.float64(2)).dtype, (f32 * np.float32(2)).dtype)
# expect: float32 float32 float64 float32
print((f32 + i64).dtype, (f32 + i32).dtype, (f32 + u8).dtype, (f32 + b).dtype)
# expect: float64 float64 float32 float32
print((i64 / 2).dtype, (i64 // 2).dtype, (i64 * 2.0).dtype, (i32 + 1).dtype, (i32 + i64).dtype)
# expect: float64 int64 float64 int32 int64
print((i32 / i32).dtype, (u8 + 1).dtype, (u8 + i32).dtype, (b + b).dtype, (b + 1).dtype, (b * 1.5).dtype)
# expect: float64 uint8 int32 bool int64 float64
print(repr(u8 + 10), repr(i32 * 2), repr(b + b), repr(b * 2))
# expect: array([ 4, 15, 16], dtype=uint8) array([0, 2, 4], dtype=int32) array([ True, False,  True]) array([2, 0, 2])
print(repr(i64 / 2), repr(i64 // 2), repr(-i64 % 2), repr(i64 ** 2), repr(f32 ** 2), repr(i64 ** 0.5))
# expect: array([0. , 0.5, 1. ]) array([0, 0, 1]) array([0, 1, 0]) array([0, 1, 4]) array([1., 1., 1.], dtype=float32) array([0.        , 1.        , 1.41421356])
print(repr(np.array([1, 2]) + np.array([0.5, 0.25])), repr(np.array([1, 2], dtype=np.float32) / 3))
# expect: array([1.5 , 2.25]) array([0.33333334, 0.6666667 ], dtype=float32)
print(repr(np.float32(1) / 3), repr(np.float64(1) / 3), repr(np.array(1, dtype=np.float32) / 3))
# expect: np.float32(0.33333334) np.float64(0.3333333333333333) np.float32(0.33333334)
print(repr(np.array([1.5, 2.5]) > 2), repr(i64 == 1), repr(i64 != 1.0), repr(f32 >= np.float64(1)))
# expect: array([False,  True]) array([False,  True, False]) array([ True, False,  True]) array([ True,  True,  True])
print(repr(np.array([1, 2, 3]) & 1), repr(np.array([1, 2, 3]) | 4), repr(b & np.array([True, True, False])), repr(b ^ True), repr(~b))
# expect: array([1, 0, 1]) array([5, 6, 7]) array([ True, False, False]) array([False,  True, False]) array([False,  True, False])
print(repr(np.exp(i32)), repr(np.exp(f32 * 0)), repr(np.sqrt(np.array([4, 9]))), repr(np.sqrt(np.float32(4))))
# expect: array([1.        , 2.71828183, 7.3890561 ]) array([1., 1., 1.], dtype=float32) array([2., 3.]) np.float32(2.0)
print(np.array([1, 2]).astype(np.float32).dtype, np.array([1.7, -1.7]).astype(np.int64), np.array([0, 2]).astype(bool))
# expect: float32 [ 1 -1] [False  True]
print(np.array([1.5, np.nan]).astype(bool), np.array([300, -1]).astype(np.uint8), np.array([2.0**40]).astype(np.int32))
# expect: [ True  True] [ 44 255] [-2147483648]
print(np.array([1, 2.5]).dtype, np.array([1, True]).dtype, np.array([np.float32(1), 2]).dtype, np.array([np.float32(1), 2.0]).dtype)
# expect: float64 int64 float64 float64
print(np.array([np.int32(1), 2]).dtype, np.array([[1], [2]], dtype=np.float32).dtype, np.array(np.float32(1)).dtype)
# expect: int64 float32 float32
print(np.zeros(2).dtype, np.zeros(2, dtype=int).dtype, np.ones(2, dtype='float32').dtype, np.full(2, 7).dtype, np.full(2, 7.0).dtype)
# expect: float64 int64 float32 int64 float64
print(np.arange(3).dtype, np.arange(3.0).dtype, np.arange(0, 1, 0.5).dtype, np.arange(3, dtype=np.float32).dtype)
# expect: int64 float64 float64 float32
print(np.mean(np.arange(4)), repr(np.mean(np.arange(4))), repr(np.arange(4, dtype=np.float32).mean()), repr(np.sum(b)))
# expect: 1.5 np.float64(1.5) np.float32(1.5) np.int64(2)
print(repr(np.sum(i32)), repr(np.prod(i32)), repr(f32.sum()), repr(np.cumsum(i32)), repr(np.cumsum(b)))
# expect: np.int64(3) np.int64(0) np.float32(3.0) array([0, 1, 3]) array([1, 1, 2])
print(repr(np.maximum(i64, 1.5)), repr(np.minimum(f32, 0)), repr(np.where(b, 1, 2.5)), repr(np.where(b, i32, 0)))
# expect: array([1.5, 1.5, 2. ]) array([0., 0., 0.], dtype=float32) array([1. , 2.5, 1. ]) array([0, 0, 2], dtype=int32)
print(repr(np.dot(i64, i64)), repr(np.dot(f32, f32)), repr(np.dot(i64, f32)), repr(i64 @ i64))
# expect: np.int64(5) np.float32(3.0) np.float64(3.0) np.int64(5)
print(repr(np.clip(i64, 0.5, 1.5)), repr(np.clip(i64, 0, 1)), repr(np.abs(np.array([-1, 2], dtype=np.int32))))
# expect: array([0.5, 1. , 1.5]) array([0, 1, 1]) array([1, 2], dtype=int32)
