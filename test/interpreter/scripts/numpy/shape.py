# Shape manipulation: reshape, transpose, stacking, splitting, padding, broadcasting.
import numpy as np

a = np.arange(6)
print(a.reshape(2, 3), a.reshape((3, 2)).shape, a.reshape(-1, 2).shape, a.reshape(3, -1).shape, a.reshape(1, -1).shape)
# expect: [[0 1 2]
# expect:  [3 4 5]] (3, 2) (3, 2) (3, 2) (1, 6)
print(np.reshape(a, (2, 3)).shape, np.reshape(a, 6).shape, a.reshape(2, 3).reshape(-1))
# expect: (2, 3) (6,) [0 1 2 3 4 5]
m = np.arange(24).reshape(2, 3, 4)
print(m.T.shape, m.transpose().shape, m.transpose(1, 0, 2).shape, m.transpose((2, 0, 1)).shape, np.transpose(m, (0, 2, 1)).shape)
# expect: (4, 3, 2) (4, 3, 2) (3, 2, 4) (4, 2, 3) (2, 4, 3)
print(m.swapaxes(0, 2).shape, np.swapaxes(m, 1, 2).shape, np.moveaxis(m, 0, -1).shape, np.moveaxis(m, [0, 1], [-1, -2]).shape)
# expect: (4, 3, 2) (2, 4, 3) (3, 4, 2) (4, 3, 2)
print(np.expand_dims(a, 0).shape, np.expand_dims(a, axis=1).shape, np.expand_dims(a, (0, 2)).shape, a[np.newaxis].shape)
# expect: (1, 6) (6, 1) (1, 6, 1) (1, 6)
print(np.squeeze(np.ones((1, 3, 1))).shape, np.ones((1, 3, 1)).squeeze(axis=0).shape, np.squeeze(np.ones((1, 1))).shape)
# expect: (3,) (3, 1) ()
print(m.ravel()[:5], np.ravel(m.T)[:5], m.flatten().shape, m.T.flatten()[:4])
# expect: [0 1 2 3 4] [ 0 12  4 16  8] (24,) [ 0 12  4 16]
x, y = np.array([1, 2]), np.array([3, 4])
print(np.concatenate([x, y]), np.concatenate((x.reshape(1, 2), y.reshape(1, 2)), axis=0), np.concatenate([x, y], axis=None))
# expect: [1 2 3 4] [[1 2]
# expect:  [3 4]] [1 2 3 4]
print(np.concatenate([np.ones((2, 1)), np.zeros((2, 2))], axis=1), np.concatenate([x, np.array([0.5])]))
# expect: [[1. 0. 0.]
# expect:  [1. 0. 0.]] [1.  2.  0.5]
print(np.stack([x, y]), np.stack([x, y], axis=1), np.stack((x, y), axis=-1).shape)
# expect: [[1 2]
# expect:  [3 4]] [[1 3]
# expect:  [2 4]] (2, 2)
print(np.vstack([x, y]), np.hstack([x, y]), np.hstack([x.reshape(2, 1), y.reshape(2, 1)]), np.vstack([np.ones((2, 2)), x]))
# expect: [[1 2]
# expect:  [3 4]] [1 2 3 4] [[1 3]
# expect:  [2 4]] [[1. 1.]
# expect:  [1. 1.]
# expect:  [1. 2.]]
print(np.column_stack([x, y]), np.column_stack((np.ones((2, 2)), x)))
# expect: [[1 3]
# expect:  [2 4]] [[1. 1. 1.]
# expect:  [1. 1. 2.]]
print(np.split(np.arange(6), 3), np.split(np.arange(6), [2, 3]), np.array_split(np.arange(7), 3))
# expect: [array([0, 1]), array([2, 3]), array([4, 5])] [array([0, 1]), array([2]), array([3, 4, 5])] [array([0, 1, 2]), array([3, 4]), array([5, 6])]
print(np.split(np.arange(12).reshape(3, 4), 2, axis=1))
# expect: [array([[0, 1],
# expect:        [4, 5],
# expect:        [8, 9]]), array([[ 2,  3],
# expect:        [ 6,  7],
# expect:        [10, 11]])]
print(np.repeat(x, 3), np.repeat(np.array([[1, 2], [3, 4]]), 2, axis=0), np.repeat(x, [1, 3]), x.repeat(2))
# expect: [1 1 1 2 2 2] [[1 2]
# expect:  [1 2]
# expect:  [3 4]
# expect:  [3 4]] [1 2 2 2] [1 1 2 2]
print(np.tile(x, 2), np.tile(x, (2, 2)), np.tile(np.array([[1, 2]]), (2, 1)))
# expect: [1 2 1 2] [[1 2 1 2]
# expect:  [1 2 1 2]] [[1 2]
# expect:  [1 2]]
print(np.pad(x, 1), np.pad(x, (1, 2), constant_values=9), np.pad(np.ones((2, 2)), ((1, 0), (0, 2))))
# expect: [0 1 2 0] [9 1 2 9 9] [[0. 0. 0. 0.]
# expect:  [1. 1. 0. 0.]
# expect:  [1. 1. 0. 0.]]
print(np.pad(np.ones((1, 1, 2, 2)), ((0, 0), (0, 0), (1, 1), (1, 1)), mode='constant', constant_values=(0,)))
# expect: [[[[0. 0. 0. 0.]
# expect:    [0. 1. 1. 0.]
# expect:    [0. 1. 1. 0.]
# expect:    [0. 0. 0. 0.]]]]
print(np.flip(x), np.flip(np.arange(6).reshape(2, 3), axis=1), np.fliplr(np.eye(2)), np.flipud(np.arange(4).reshape(2, 2)))
# expect: [2 1] [[2 1 0]
# expect:  [5 4 3]] [[0. 1.]
# expect:  [1. 0.]] [[2 3]
# expect:  [0 1]]
print(np.roll(np.arange(5), 2), np.roll(np.arange(5), -1), np.roll(np.arange(6).reshape(2, 3), 1, axis=1), np.roll(np.arange(6).reshape(2, 3), 1))
# expect: [3 4 0 1 2] [1 2 3 4 0] [[2 0 1]
# expect:  [5 3 4]] [[5 0 1]
# expect:  [2 3 4]]
bt = np.broadcast_to(x, (3, 2))
print(bt, bt.shape, bt.strides)
# expect: [[1 2]
# expect:  [1 2]
# expect:  [1 2]] (3, 2) (0, 8)
try:
    bt[0, 0] = 5
except ValueError as e:
    print('ValueError', e)
# expect: ValueError assignment destination is read-only
p, q = np.broadcast_arrays(np.ones((2, 1)), np.arange(3))
print(p.shape, q.shape, q)
# expect: (2, 3) (2, 3) [[0 1 2]
# expect:  [0 1 2]]
print(np.atleast_1d(5), np.atleast_2d(x), np.atleast_2d(5).shape, np.atleast_3d(x).shape, np.atleast_3d(np.ones((2, 3))).shape)
# expect: [5] [[1 2]] (1, 1) (1, 2, 1) (2, 3, 1)
print(np.shape(m), np.ndim(m), np.size(m), np.size(m, 1), np.shape(5), np.ndim([[1, 2]]))
# expect: (2, 3, 4) 3 24 3 () 2
print(m.strides, m.T.strides, m.itemsize, m.nbytes, np.ones(3, np.float32).nbytes)
# expect: (96, 32, 8) (8, 32, 96) 8 192 12
c = np.arange(6).reshape(2, 3)
v = c.reshape(3, 2)
v[0, 0] = 100
print(c[0, 0], c.T.reshape(-1), c.T.ravel())
# expect: 100 [100   3   1   4   2   5] [100   3   1   4   2   5]
print(np.take(np.arange(10, 20), [1, 3]), repr(np.take(np.arange(10, 20), 2)))
# expect: [11 13] np.int64(12)
print(np.rollaxis(m, 2).shape, np.rollaxis(m, 2, 1).shape, np.rollaxis(np.ones((2, 3, 4, 5)), 3, 1).shape, np.rollaxis(m, 0, 3).shape)
# expect: (4, 2, 3) (2, 4, 3) (2, 5, 3, 4) (3, 4, 2)
