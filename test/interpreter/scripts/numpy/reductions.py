# Reductions with axis / keepdims / dtype, as methods and functions; 0-d results are scalars.
import numpy as np

a = np.arange(24, dtype=np.float64).reshape(2, 3, 4) / 7
print(repr(a.sum()), repr(np.sum(a)), type(a.sum()).__name__)
# expect: np.float64(39.42857142857143) np.float64(39.42857142857143) float64
print(a.sum(axis=0))
# expect: [[1.71428571 2.         2.28571429 2.57142857]
# expect:  [2.85714286 3.14285714 3.42857143 3.71428571]
# expect:  [4.         4.28571429 4.57142857 4.85714286]]
print(a.sum(axis=(0, 2)), a.sum(axis=-1).shape, a.sum(axis=(0, 1, 2)), a.sum(axis=1, keepdims=True).shape)
# expect: [ 8.57142857 13.14285714 17.71428571] (2, 3) 39.42857142857143 (2, 1, 4)
print(a.mean(axis=1))
# expect: [[0.57142857 0.71428571 0.85714286 1.        ]
# expect:  [2.28571429 2.42857143 2.57142857 2.71428571]]
print(repr(a.mean()), repr(a.max()), repr(a.min()), repr(a.prod()), repr(np.prod(np.arange(1, 6))))
# expect: np.float64(1.642857142857143) np.float64(3.2857142857142856) np.float64(0.0) np.float64(0.0) np.int64(120)
print(a.max(axis=2), a.min(axis=0, keepdims=True).shape)
# expect: [[0.42857143 1.         1.57142857]
# expect:  [2.14285714 2.71428571 3.28571429]] (1, 3, 4)
print(repr(a.argmax()), a.argmax(axis=1), a.argmin(axis=-1), repr(np.argmax(np.array([1, 5, 5, 2]))))
# expect: np.int64(23) [[2 2 2 2]
# expect:  [2 2 2 2]] [[0 0 0]
# expect:  [0 0 0]] np.int64(1)
print(np.argmax(a, axis=0, keepdims=True).shape, np.argmax(a.reshape(6, 4), axis=1))
# expect: (1, 3, 4) [3 3 3 3 3 3]
print(repr(a.var()), repr(a.std()), a.var(axis=0).shape, repr(np.std([1.0, 2.0, 4.0], ddof=1)), a.std(axis=2, keepdims=True).shape)
# expect: np.float64(0.9778911564625851) np.float64(0.9888837932045328) (3, 4) np.float64(1.5275252316519465) (2, 3, 1)
x = np.array([[1.0, 2.0], [3.0, 4.0]])
print(x.sum(0), x.sum(1), x.mean(0), x.var(1), x.std(0), np.mean(x, axis=1, keepdims=True))
# expect: [4. 6.] [3. 7.] [2. 3.] [0.25 0.25] [1. 1.] [[1.5]
# expect:  [3.5]]
print(np.amax(x, axis=0), np.amin(x), np.max(x, 1), np.min(x, axis=1, keepdims=True))
# expect: [3. 4.] 1.0 [2. 4.] [[1.]
# expect:  [3.]]
b = np.array([[True, False], [True, True]])
print(repr(b.any()), repr(b.all()), b.any(axis=0), b.all(axis=1), np.all(b, axis=0), np.any(b > 0, axis=1), repr(np.any([0, 0])))
# expect: np.True_ np.False_ [ True  True] [False  True] [ True False] [ True  True] np.False_
print(repr(b.sum()), b.sum(axis=0), repr(np.count_nonzero(b)), np.count_nonzero(b, axis=1))
# expect: np.int64(3) [2 1] np.int64(3) [1 2]
i = np.arange(6).reshape(2, 3)
print(repr(i.sum()), i.sum(axis=0), repr(i.mean()), i.mean(axis=1), repr(i.max()), repr(i.prod()), i.cumsum(), i.cumsum(axis=1))
# expect: np.int64(15) [3 5 7] np.float64(2.5) [1. 4.] np.int64(5) np.int64(0) [ 0  1  3  6 10 15] [[ 0  1  3]
# expect:  [ 3  7 12]]
print(i.cumprod(), np.cumprod(i + 1, axis=0), np.cumsum(np.array([0.1, 0.2, 0.3])), repr(np.cumsum(b)))
# expect: [0 0 0 0 0 0] [[ 1  2  3]
# expect:  [ 4 10 18]] [0.1 0.3 0.6] array([1, 1, 2, 3])
f = np.ones((2, 3), np.float32) / 3
print(repr(f.sum()), repr(f.mean()), repr(f.sum(axis=0)), repr(f.sum(dtype=np.float64)), repr(i.sum(dtype=np.float32)))
# expect: np.float32(2.0) np.float32(0.33333334) array([0.6666667, 0.6666667, 0.6666667], dtype=float32) np.float64(2.0000000596046448) np.float32(15.0)
print(repr(f.var()), repr(i.mean(dtype=np.float32)))
# expect: np.float32(0.0) np.float32(2.5)
r = np.random.RandomState(0).rand(100)
print(repr(r.sum()), repr(r.mean()), repr(r.var()), repr(r.std()))
# expect: np.float64(47.279383951251766) np.float64(0.4727938395125177) np.float64(0.08311781545439237) np.float64(0.2883016050152901)
big = np.arange(10000) * 0.1
print(repr(big.sum()), repr(big.mean()), repr(np.sum(big.reshape(100, 100), axis=0)[:3]))
# expect: np.float64(4999500.0) np.float64(499.95) array([49500., 49510., 49520.])
print(repr(np.median([3.0, 1.0, 2.0])), repr(np.median(np.array([[1, 2], [3, 4]]))), np.median(np.arange(12).reshape(3, 4), axis=0))
# expect: np.float64(2.0) np.float64(2.5) [4. 5. 6. 7.]
print(repr(np.average([1.0, 2.0, 4.0])), repr(np.average([1.0, 2.0, 4.0], weights=[3, 1, 1])), np.average(x, axis=0))
# expect: np.float64(2.3333333333333335) np.float64(1.8) [2. 3.]
out = np.zeros(3)
r2 = np.sum(np.ones((2, 3)), axis=0, out=out)
print(out, r2 is out)
# expect: [2. 2. 2.] True
e = np.zeros((0, 3))
print(repr(e.sum()), e.sum(axis=0), e.sum(axis=1), repr(np.ones((2, 0)).prod()))
# expect: np.float64(0.0) [0. 0. 0.] [] np.float64(1.0)
print(repr(np.float64(3).sum()), repr(np.float32(2).max()), repr(np.array(5).sum()))
# expect: np.float64(3.0) np.float32(2.0) np.int64(5)
print(repr(np.nan_to_num) if False else repr(np.array([1.0, np.nan]).sum()), repr(np.array([1.0, np.nan]).max()), repr(np.array([np.nan, 1.0]).argmax()))
# expect: np.float64(nan) np.float64(nan) np.int64(0)
