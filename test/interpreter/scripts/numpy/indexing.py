# Indexing and assignment: basic indices give views, advanced ones copies, one element a scalar.
import numpy as np

a = np.arange(12).reshape(3, 4)
print(a[1], a[-1], repr(a[1, 2]), repr(a[1][2]), a[1, -1])
# expect: [4 5 6 7] [ 8  9 10 11] np.int64(6) np.int64(6) 7
print(a[:, 1], a[1:, ::2], a[::-1, 0], a[..., 1], a[None, 0].shape, a[:, None].shape, a[..., None].shape)
# expect: [1 5 9] [[ 4  6]
# expect:  [ 8 10]] [8 4 0] [1 5 9] (1, 4) (3, 1, 4) (3, 4, 1)
print(a[0:2, 1:3])
# expect: [[1 2]
# expect:  [5 6]]
print(a[[0, 2]], a[[0, 2], [1, 3]], a[[0, 2]][:, [1, 3]].shape)
# expect: [[ 0  1  2  3]
# expect:  [ 8  9 10 11]] [ 1 11] (2, 2)
print(a[a % 2 == 0], a[np.array([True, False, True])].shape, a[1, [0, 0, 3]])
# expect: [ 0  2  4  6  8 10] (2, 4) [4 4 7]
print(a[np.array([[0, 1], [2, 0]])].shape, a[np.int64(2)], a[(1, 2)], a[1, np.int32(2)])
# expect: (2, 2, 4) [ 8  9 10 11] 6 6
print(a[-3:100], a[5:], a[1:1].shape)
# expect: [[ 0  1  2  3]
# expect:  [ 4  5  6  7]
# expect:  [ 8  9 10 11]] [] (0, 4)
idx = np.array([2, 0])
print(a[idx, idx], a[:, idx])
# expect: [10  0] [[ 2  0]
# expect:  [ 6  4]
# expect:  [10  8]]

# views share memory with the array they come from
b = a[0]
b[0] = 99
print(a[0])
# expect: [99  1  2  3]
c = a[:, 1]
c[:] = -1
print(a)
# expect: [[99 -1  2  3]
# expect:  [ 4 -1  6  7]
# expect:  [ 8 -1 10 11]]
d = a[[0, 1]]
d[0, 0] = 1000
print(a[0, 0])
# expect: 99
r = a.reshape(4, 3)
r[0, 0] = 7
print(a[0, 0])
# expect: 7
t = a.T
t[0, 1] = 55
print(a[1, 0])
# expect: 55

# assignment forms
z = np.zeros((3, 4))
z[0] = 1
z[1, 2] = 5
z[2, :2] = [3, 4]
z[:, 3] = np.array([7, 8, 9])
z[z == 0] = -1
print(z)
# expect: [[ 1.  1.  1.  7.]
# expect:  [-1. -1.  5.  8.]
# expect:  [ 3.  4. -1.  9.]]
z[...] = 0.5
z[[0, 2], [1, 3]] = 9
z[1] = np.arange(4) * 10
print(z)
# expect: [[ 0.5  9.   0.5  0.5]
# expect:  [ 0.  10.  20.  30. ]
# expect:  [ 0.5  0.5  0.5  9. ]]
m = np.arange(6.0)
m[m > 2] += 100
m[[0, 0, 1]] += 1
print(m)
# expect: [  1.   2.   2. 103. 104. 105.]
i = np.arange(5)
i[1] = 2.9
i[2:4] = np.array([1.5, -1.5])
i[4] = True
print(i)
# expect: [ 0  2  1 -1  1]
flags = np.zeros(3, dtype=bool)
flags[1] = 5
print(flags)
# expect: [False  True False]
s = np.array(3.0)
s[...] = 4
print(repr(s), repr(s[()]), repr(s[...]))
# expect: array(4.) np.float64(4.0) array(4.)

# iteration, len, membership
print(' '.join(str(row) for row in np.arange(6).reshape(3, 2)))
# expect: [0 1] [2 3] [4 5]
print(' '.join(repr(v) for v in np.array([1.5, 2.5])))
# expect: np.float64(1.5) np.float64(2.5)
print(len(a), len(np.zeros((5, 2))), 3 in np.arange(5), 7 in np.arange(5), [1, 2] in np.array([[1, 2], [3, 4]]))
# expect: 3 5 True False True
print(list(np.arange(3)), [float(v) for v in np.array([0.5, 1.5])], tuple(np.array([True, False])))
# expect: [np.int64(0), np.int64(1), np.int64(2)] [0.5, 1.5] (np.True_, np.False_)
x, y = np.array([10, 20])
print(x, y, repr(x))
# expect: 10 20 np.int64(10)
print(np.arange(10)[np.arange(10) > 6], np.arange(10)[2:8:3], np.arange(10)[-2:])
# expect: [7 8 9] [2 5] [8 9]
print(np.ones((2, 3, 4))[:, 1].shape, np.ones((2, 3, 4))[0, :, [1, 2]].shape, np.ones((2, 3, 4))[:, [0, 1], [0, 1]].shape)
# expect: (2, 4) (2, 3) (2, 2)
print(np.ones((2, 3, 4))[[0, 1], :, [0, 1]].shape, np.ones((2, 3, 4))[..., [0]].shape)
# expect: (2, 3) (2, 3, 1)
print(a.take([0, 2]), np.take(a, [1, 2], axis=1), a.item(5), a.item((1, 1)), a.flatten()[:3])
# expect: [7 2] [[-1  2]
# expect:  [-1  6]
# expect:  [-1 10]] -1 -1 [ 7 -1  2]
