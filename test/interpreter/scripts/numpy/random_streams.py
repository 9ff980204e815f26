# np.random: NumPy's legacy RandomState gives the same numbers for the same seed.
import numpy as np

np.random.seed(0)
print(np.random.rand(3))
# expect: [0.5488135  0.71518937 0.60276338]
print(np.random.rand(2, 2))
# expect: [[0.54488318 0.4236548 ]
# expect:  [0.64589411 0.43758721]]
print(repr(np.random.rand()), type(np.random.rand()).__name__)
# expect: 0.8917730007820798 float
print(np.random.randn(4))
# expect: [ 1.26611853 -0.50587654  2.54520078  1.08081191]
print(repr(np.random.randn()))
# expect: 0.48431215412066475
print(np.random.randint(10, size=5), np.random.randint(5, 10, size=(2, 3)), repr(np.random.randint(3)), type(np.random.randint(3)).__name__)
# expect: [0 2 3 8 1] [[8 8 8]
# expect:  [5 6 6]] 1 int
print(repr(np.random.randint(0, 100, 4, dtype=np.int32)), repr(np.random.randint(-5, 5)))
# expect: array([31, 74, 23, 35], dtype=int32) -3
print(np.random.random(3), np.random.random_sample((1, 2)), repr(np.random.random()), np.random.ranf(2), np.random.sample(1))
# expect: [0.45615033 0.56843395 0.0187898 ] [[0.6176355  0.61209572]] 0.6169339968747569 [0.94374808 0.6818203 ] [0.3595079]
print(np.random.uniform(size=3), np.random.uniform(-1, 1, (2,)), repr(np.random.uniform(2, 3)))
# expect: [0.43703195 0.6976312  0.06022547] [0.33353343 0.34127574] 2.210382561073841
print(np.random.normal(size=2), np.random.normal(5, 0.1, 3), repr(np.random.normal()), np.random.standard_normal(2))
# expect: [ 0.57914048 -0.38586334] [4.92242376 5.09957113 4.80667952] 0.24853062742969095 [-0.03124534 -0.13947396]
print(np.random.uniform(0, [1, 10, 100]), np.random.normal([0, 100], [1, 0.01]))
# expect: [ 0.16130952  6.53108325 25.32916025] [-0.19065598 99.98386102]
print(np.random.choice(5, 3), np.random.choice(5, 3, replace=False), np.random.choice([10, 20, 30], size=(2, 2)))
# expect: [0 1 1] [2 4 1] [[10 20]
# expect:  [30 10]]
print(np.random.choice(4, 5, p=[0.1, 0.2, 0.3, 0.4]), np.random.choice(4, 2, replace=False, p=[0.1, 0.2, 0.3, 0.4]))
# expect: [0 3 2 3 3] [3 0]
print(repr(np.random.choice(5)), repr(np.random.choice([1.5, 2.5])), repr(np.random.choice(np.array([7, 8]))))
# expect: 2 np.float64(2.5) np.int64(7)
print(np.random.permutation(10), np.random.permutation([1, 2, 3]), np.random.permutation(np.arange(6).reshape(3, 2)))
# expect: [9 0 6 4 5 3 8 1 2 7] [3 2 1] [[0 1]
# expect:  [2 3]
# expect:  [4 5]]
arr = np.arange(10)
np.random.shuffle(arr)
print(arr)
# expect: [7 8 6 5 0 3 2 4 1 9]
rows = np.arange(8).reshape(4, 2)
np.random.shuffle(rows)
print(rows)
# expect: [[2 3]
# expect:  [4 5]
# expect:  [6 7]
# expect:  [0 1]]
lst = [1, 2, 3, 4, 5]
np.random.shuffle(lst)
print(lst)
# expect: [2, 5, 4, 3, 1]

# seeding again restarts the stream; RandomState objects are independent
np.random.seed(42)
first = np.random.rand(3)
np.random.seed(42)
print(np.array_equal(first, np.random.rand(3)), first)
# expect: True [0.37454012 0.95071431 0.73199394]
rs = np.random.RandomState(1)
print(rs.rand(2), rs.randn(2), rs.randint(0, 10, 3), rs.permutation(4), rs.choice(3, 2), repr(rs.uniform()))
# expect: [0.417022   0.72032449] [-0.52817175 -1.07296862] [6 9 2] [3 1 2 0] [2 0] 0.20445224973151743
rs2 = np.random.RandomState(seed=1)
print(rs2.rand(2), isinstance(rs2, np.random.RandomState))
# expect: [0.417022   0.72032449] True
np.random.seed([1, 2, 3])
print(np.random.rand(2))
# expect: [0.60986127 0.88669704]
np.random.seed(np.int64(7))
print(np.random.randn(2))
# expect: [ 1.6905257  -0.46593737]
st = np.random.get_state()
a1 = np.random.rand(3)
np.random.set_state(st)
print(st[0], np.array_equal(a1, np.random.rand(3)))
# expect: MT19937 True

# a DeZero-style spiral and mini-batch loop
np.random.seed(1)
N, C = 5, 3
x = np.zeros((N * C, 2))
t = np.zeros(N * C, dtype=int)
for j in range(C):
    for i in range(N):
        rate = i / N
        radius = 1.0 * rate
        theta = j * 4.0 + 4.0 * rate + np.random.randn() * 0.2
        ix = N * j + i
        x[ix] = np.array([radius * np.sin(theta), radius * np.cos(theta)]).flatten()
        t[ix] = j
indices = np.random.permutation(N * C)
print(x[indices][:4])
# expect: [[-0.18354155 -0.77866071]
# expect:  [-0.         -0.        ]
# expect:  [ 0.60988207  0.51772952]
# expect:  [-0.18124118  0.08456734]]
print(t[indices])
# expect: [0 1 1 1 2 2 0 1 0 2 1 2 2 0 0]
W = 0.01 * np.random.randn(2, 3)
print(W)
# expect: [[-0.01099891 -0.01304861 -0.00380575]
# expect:  [-0.00743627 -0.00437122 -0.0042645 ]]
