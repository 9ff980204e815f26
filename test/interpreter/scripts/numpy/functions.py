# Assorted numpy functions: where, unique, sort, closeness tests, linear algebra, index tricks.
import numpy as np

x = np.array([3, -1, 2, -5, 4])
print(np.where(x > 0, x, 0), np.where(x > 0), np.where([[True, False], [False, True]]), repr(np.where(True, 1, 2)))
# expect: [3 0 2 0 4] (array([0, 2, 4]),) (array([0, 1]), array([0, 1])) array(1)
print(np.where(x > 0, 1.0, -1), np.where(x > 10, x, np.zeros(5)), np.nonzero(x > 0), x.nonzero(), np.argwhere(x > 0))
# expect: [ 1. -1.  1. -1.  1.] [0. 0. 0. 0. 0.] (array([0, 2, 4]),) (array([0, 1, 2, 3, 4]),) [[0]
# expect:  [2]
# expect:  [4]]
print(np.sort(x), np.argsort(x), x.argsort(), np.sort(np.array([[3, 1], [2, 4]]), axis=0), np.sort(np.array([[3, 1], [2, 4]]), axis=None))
# expect: [-5 -1  2  3  4] [3 1 2 0 4] [3 1 2 0 4] [[2 1]
# expect:  [3 4]] [1 2 3 4]
s = np.array([3.0, np.nan, 1.0])
s.sort()
print(s, np.sort(np.array([2, 1, 2, 1])), np.argsort(np.array([[0.3, 0.1, 0.2]])))
# expect: [ 1.  3. nan] [1 1 2 2] [[1 2 0]]
print(np.unique([3, 1, 2, 3, 1]), np.unique(np.array([[1, 2], [2, 3]])), np.unique([2.5, np.nan, 1.0, np.nan]))
# expect: [1 2 3] [1 2 3] [1.  2.5 nan]
print(np.unique([3, 1, 3], return_counts=True), np.unique(['b'] and [5, 4, 5], return_index=True, return_inverse=True))
# expect: (array([1, 3]), array([1, 2])) (array([4, 5]), array([1, 0]), array([1, 0, 1]))
print(np.clip(x, -2, 3), x.clip(0), np.clip(x, None, 1), np.clip(x.astype(float), -1.5, 2.5), np.clip(x, a_min=0, a_max=2))
# expect: [ 3 -1  2 -2  3] [3 0 2 0 4] [ 1 -1  1 -5  1] [ 2.5 -1.   2.  -1.5  2.5] [2 0 2 0 2]
print(np.allclose([1.0, 2.0], [1.0, 2.000001]), np.allclose([1.0], [1.1]), np.allclose(np.ones(2), 1), np.allclose([np.nan], [np.nan], equal_nan=True))
# expect: True False True True
print(np.isclose([1.0, np.inf, np.nan], [1.0000001, np.inf, np.nan]), repr(np.isclose(1.0, 1.5)), np.isclose([1, 2], [1, 3], atol=0.5))
# expect: [ True  True False] np.False_ [ True False]
print(np.array_equal([1, 2], [1, 2]), np.array_equal([1, 2], [1, 3]), np.array_equal([1, 2], [[1, 2]]), np.array_equal([np.nan], [np.nan], equal_nan=True))
# expect: True False False True
print(np.isscalar(1.0), np.isscalar(np.float64(1)), np.isscalar(np.array(1.0)), np.isscalar([1]), np.isscalar('a'), np.isscalar(None))
# expect: True True False False True False
print(np.diff(np.array([1, 4, 9, 16])), np.diff(np.array([1, 4, 9, 16]), n=2), np.diff(np.arange(6).reshape(2, 3), axis=0), np.bincount([0, 1, 1, 4]))
# expect: [3 5 7] [2 2] [[3 3 3]] [1 2 0 0 1]
print(np.bincount([0, 1, 1], weights=[0.5, 1.0, 2.0]), np.bincount([1], minlength=4), repr(np.trace(np.arange(9).reshape(3, 3))))
# expect: [0.5 3. ] [0 1 0 0] np.int64(12)
a = np.arange(6.0).reshape(2, 3)
b = np.arange(6.0).reshape(3, 2)
print(np.dot(a, b), a.dot(b), a @ b, np.matmul(a, b), repr(np.dot([1, 2], [3, 4])), np.dot(a, 2))
# expect: [[10. 13.]
# expect:  [28. 40.]] [[10. 13.]
# expect:  [28. 40.]] [[10. 13.]
# expect:  [28. 40.]] [[10. 13.]
# expect:  [28. 40.]] np.int64(11) [[ 0.  2.  4.]
# expect:  [ 6.  8. 10.]]
print(np.matmul(np.ones((2, 2, 3)), np.ones((3, 4))).shape, np.matmul(np.ones(3), np.ones((3, 2))), (np.ones((4, 1, 2, 3)) @ np.ones((5, 3, 2))).shape)
# expect: (2, 2, 4) [3. 3.] (4, 5, 2, 2)
print(np.outer([1, 2], [3, 4, 5]), repr(np.inner([1, 2], [3, 4])), np.inner(a, a), np.tensordot(a, b, axes=1), repr(np.tensordot(a, a.T, axes=([0, 1], [1, 0]))))
# expect: [[ 3  4  5]
# expect:  [ 6  8 10]] np.int64(11) [[ 5. 14.]
# expect:  [14. 50.]] [[10. 13.]
# expect:  [28. 40.]] array(55.)
print(repr(np.linalg.norm([3.0, 4.0])), repr(np.linalg.norm(a)), np.linalg.norm(a, axis=1), np.linalg.norm(a, axis=0, keepdims=True))
# expect: np.float64(5.0) np.float64(7.416198487095663) [2.23606798 7.07106781] [[3.         4.12310563 5.38516481]]
print(repr(np.linalg.norm([1, -2, 3], 1)), repr(np.linalg.norm([1, -2, 3], np.inf)), repr(np.linalg.norm(a, 'fro')), repr(np.linalg.norm(a, 1)), repr(np.linalg.norm(a, np.inf)))
# expect: np.float64(6.0) np.float64(3.0) np.float64(7.416198487095663) np.float64(7.0) np.float64(12.0)
m = np.array([[4.0, 7.0], [2.0, 6.0]])
print(np.linalg.inv(m), repr(np.linalg.det(m)), repr(np.linalg.det(np.array([[1, 2], [3, 4]]))), np.linalg.solve(m, [1.0, 2.0]))
# expect: [[ 0.6 -0.7]
# expect:  [-0.2  0.4]] np.float64(10.000000000000002) np.float64(-2.0000000000000004) [-0.8  0.6]
print(np.allclose(np.linalg.inv(m) @ m, np.eye(2)), np.linalg.inv(np.array([[[2.0, 0.0], [0.0, 4.0]]])))
# expect: True [[[0.5  0.  ]
# expect:   [0.   0.25]]]
print(np.c_[np.array([1, 2, 3]), np.array([4, 5, 6])], np.c_[1:3], np.c_[np.ones((2, 2)), np.zeros(2)])
# expect: [[1 4]
# expect:  [2 5]
# expect:  [3 6]] [[1]
# expect:  [2]] [[1. 1. 0.]
# expect:  [1. 1. 0.]]
print(np.r_[np.array([1, 2]), 3, 0:2], np.r_[0:1:0.25], np.r_[[1.5], 2], np.r_[np.ones((1, 2)), np.zeros((1, 2))])
# expect: [1 2 3 0 1] [0.   0.25 0.5  0.75] [1.5 2. ] [[1. 1.]
# expect:  [0. 0.]]
print(np.s_[1:3], np.s_[::2, None], np.index_exp[1], np.arange(10)[np.s_[2:5]])
# expect: slice(1, 3, None) (slice(None, None, 2), None) (1,) [2 3 4]
with np.errstate(divide='ignore', invalid='ignore'):
    print(np.array([1.0, 0.0]) / 0)
# expect: [inf nan]
old = np.seterr(all='ignore')
print(old, np.geterr())
# expect: {'divide': 'warn', 'over': 'warn', 'under': 'ignore', 'invalid': 'warn'} {'divide': 'ignore', 'over': 'ignore', 'under': 'ignore', 'invalid': 'ignore'}
np.seterr(**old)
print(np.geterr()['divide'])
# expect: warn
print(np.pi, np.e, np.inf, -np.inf, np.nan, np.newaxis, np.euler_gamma)
# expect: 3.141592653589793 2.718281828459045 inf -inf nan None 0.5772156649015329
print(np.nan == np.nan, np.isnan(np.nan), np.inf > 1e308, type(np.pi).__name__)
# expect: False True True float
