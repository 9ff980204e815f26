# Array creation functions.
import numpy as np

print(repr(np.array([1, 2, 3])), repr(np.array((1.5, 2))), repr(np.array([[1, 2], [3, 4]], dtype=np.float32)))
# expect: array([1, 2, 3]) array([1.5, 2. ]) array([[1., 2.],
# expect:        [3., 4.]], dtype=float32)
print(repr(np.array(range(4))), repr(np.array([np.arange(2), np.arange(2) + 2])), repr(np.array([1, 2], ndmin=3)))
# expect: array([0, 1, 2, 3]) array([[0, 1],
# expect:        [2, 3]]) array([[[1, 2]]])
src = np.arange(3)
same = np.asarray(src)
copied = np.array(src)
print(same is src, copied is src, np.asarray(src, dtype=np.float64) is src, repr(np.asarray([1, 2], dtype=np.float32)))
# expect: True False False array([1., 2.], dtype=float32)
print(repr(np.array(np.float64(2))), repr(np.asarray(np.float64(2))), repr(np.array(src, copy=False)), np.array(src, copy=False) is src)
# expect: array(2.) array(2.) array([0, 1, 2]) True
print(repr(np.zeros(3)), repr(np.zeros((2, 2), dtype=int)), repr(np.ones((2,), np.float32)), repr(np.empty(0)))
# expect: array([0., 0., 0.]) array([[0, 0],
# expect:        [0, 0]]) array([1., 1.], dtype=float32) array([], dtype=float64)
print(repr(np.full((2, 2), 7)), repr(np.full(3, 2.5)), repr(np.full(2, np.float32(1))), repr(np.full(2, True)), repr(np.full((2, 2), [1, 2])))
# expect: array([[7, 7],
# expect:        [7, 7]]) array([2.5, 2.5, 2.5]) array([1., 1.], dtype=float32) array([ True,  True]) array([[1, 2],
# expect:        [1, 2]])
print(repr(np.zeros_like(src)), repr(np.ones_like(np.zeros((2, 1)))), repr(np.full_like(src, 9)), repr(np.full_like(src, 2.7)))
# expect: array([0, 0, 0]) array([[1.],
# expect:        [1.]]) array([9, 9, 9]) array([2, 2, 2])
print(repr(np.zeros_like(src, dtype=np.float32)), repr(np.ones_like(np.float64(3))))
# expect: array([0., 0., 0.], dtype=float32) array(1.)
print(repr(np.arange(5)), repr(np.arange(2, 5)), repr(np.arange(0, 1, 0.25)), repr(np.arange(5, 0, -2)), repr(np.arange(3.0)))
# expect: array([0, 1, 2, 3, 4]) array([2, 3, 4]) array([0.  , 0.25, 0.5 , 0.75]) array([5, 3, 1]) array([0., 1., 2.])
print(repr(np.arange(0, 1, 0.1)), repr(np.arange(-1, 1, 0.3)), repr(np.arange(np.int64(4))), repr(np.arange(4, dtype=np.float32)))
# expect: array([0. , 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]) array([-1. , -0.7, -0.4, -0.1,  0.2,  0.5,  0.8]) array([0, 1, 2, 3]) array([0., 1., 2., 3.], dtype=float32)
print(repr(np.arange(10, 0)), repr(np.arange(0.5, 3)), repr(np.arange(1, 2, 0.1, dtype=np.float32)))
# expect: array([], dtype=int64) array([0.5, 1.5, 2.5]) array([1.       , 1.1      , 1.2      , 1.3000001, 1.4000001, 1.5000001,
# expect:        1.6000001, 1.7000002, 1.8000002, 1.9000002], dtype=float32)
print(repr(np.linspace(0, 1, 5)), repr(np.linspace(0, 1, 5, endpoint=False)), repr(np.linspace(-1, 1, 3, dtype=np.float32)))
# expect: array([0.  , 0.25, 0.5 , 0.75, 1.  ]) array([0. , 0.2, 0.4, 0.6, 0.8]) array([-1.,  0.,  1.], dtype=float32)
print(repr(np.linspace(2, 3, 1)), repr(np.linspace(0, 10, 4, retstep=True)), repr(np.linspace(-3, 3, 5, dtype=int)))
# expect: array([2.]) (array([ 0.        ,  3.33333333,  6.66666667, 10.        ]), np.float64(3.3333333333333335)) array([-3, -2,  0,  1,  3])
print(repr(np.linspace(0, 1, 7)))
# expect: array([0.        , 0.16666667, 0.33333333, 0.5       , 0.66666667,
# expect:        0.83333333, 1.        ])
print(repr(np.logspace(0, 3, 4)), repr(np.logspace(0, 1, 3, base=2)))
# expect: array([   1.,   10.,  100., 1000.]) array([1.        , 1.41421356, 2.        ])
print(repr(np.eye(3)), repr(np.eye(2, 3, k=1)), repr(np.eye(2, dtype=int)), repr(np.identity(2)))
# expect: array([[1., 0., 0.],
# expect:        [0., 1., 0.],
# expect:        [0., 0., 1.]]) array([[0., 1., 0.],
# expect:        [0., 0., 1.]]) array([[1, 0],
# expect:        [0, 1]]) array([[1., 0.],
# expect:        [0., 1.]])
xs, ys = np.meshgrid(np.arange(3), np.array([0.5, 1.5]))
print(repr(xs), repr(ys))
# expect: array([[0, 1, 2],
# expect:        [0, 1, 2]]) array([[0.5, 0.5, 0.5],
# expect:        [1.5, 1.5, 1.5]])
print(np.meshgrid([1, 2], [3, 4], indexing='ij'))
# expect: (array([[1, 1],
# expect:        [2, 2]]), array([[3, 4],
# expect:        [3, 4]]))
print(repr(np.diag([1, 2, 3])), repr(np.diag(np.arange(9).reshape(3, 3))), repr(np.diag(np.arange(9).reshape(3, 3), k=1)), repr(np.diag([1, 2], k=-1)))
# expect: array([[1, 0, 0],
# expect:        [0, 2, 0],
# expect:        [0, 0, 3]]) array([0, 4, 8]) array([1, 5]) array([[0, 0, 0],
# expect:        [1, 0, 0],
# expect:        [0, 2, 0]])
print(repr(np.tril(np.ones((3, 3)))), repr(np.triu(np.arange(9).reshape(3, 3), 1)))
# expect: array([[1., 0., 0.],
# expect:        [1., 1., 0.],
# expect:        [1., 1., 1.]]) array([[0, 1, 2],
# expect:        [0, 0, 5],
# expect:        [0, 0, 0]])
print(repr(np.copy(src)), np.copy(src) is src, repr(np.ascontiguousarray(np.arange(6).reshape(2, 3).T)))
# expect: array([0, 1, 2]) False array([[0, 3],
# expect:        [1, 4],
# expect:        [2, 5]])
print(repr(np.random.RandomState(1).rand(2, 2).astype(np.float32)))
# expect: array([[4.17021990e-01, 7.20324516e-01],
# expect:        [1.14374816e-04, 3.02332580e-01]], dtype=float32)
print(repr(np.ndarray((2,), dtype=np.int32) * 0), isinstance(src, np.ndarray), type(src) is np.ndarray)
# expect: array([0, 0], dtype=int32) True True
