# CIFAR10 and CIFAR100 read from the original archives beside the script (cifar.test.ts
# copies cifar-10-python.tar.gz and cifar-100-python.tar.gz from test/fixtures/cifar into
# the folder it runs this in): shapes, dtypes and labels as DeZero gives them, the default
# transform, labels(), DataLoader batches and the label_type assert.
# Expectations: checked with CPython + NumPy 2 running DeZero's CIFAR code (its sizes 50000 /
# 10000 replaced by the fixture's) over the same archives; pixels follow the generator's
# formula (k * 29 + seed + c * 80 + r * 9 + x * 5) % 256.
import numpy as np
from dezero import DataLoader
from dezero.datasets import CIFAR10, CIFAR100

train_set = CIFAR10()
print(len(train_set), train_set.data.shape, train_set.data.dtype, train_set.label.dtype)
# expect: 10 (10, 3, 32, 32) float64 int64
print(train_set.label)
# expect: [6 9 9 4 1 1 2 7 8 3]
x, t = train_set[1]
print(x.shape, x.dtype, repr(t))
# expect: (3, 32, 32) float32 np.int64(9)
print(x[0, 0, :5], x.min(), x.max())
# expect: [57. 67. 77. 87. 97.] -1.0 509.0

test_set = CIFAR10(train=False, transform=None)
print(test_set.data.shape, test_set.data.dtype, test_set.label)
# expect: (3, 3, 32, 32) uint8 [3 8 8]
print(test_set[2][0][1, 2, :4])
# expect: [167 172 177 182]
names = CIFAR10.labels()
print(names[0], names[9], [names[int(i)] for i in test_set.label])
# expect: ariplane truck ['cat', 'ship', 'ship']

loader = DataLoader(train_set, batch_size=4, shuffle=False)
for x, t in loader:
    print(x.shape, x.dtype, t)
# expect: (4, 3, 32, 32) float32 [6 9 9 4]
# expect: (4, 3, 32, 32) float32 [1 1 2 7]
# expect: (2, 3, 32, 32) float32 [8 3]

fine = CIFAR100()
coarse = CIFAR100(label_type='coarse')
print(isinstance(coarse, CIFAR10), fine.label_type, coarse.label_type, fine.data.shape, fine.data.dtype)
# expect: True fine coarse (4, 3, 32, 32) uint8
print(fine.label, coarse.label, CIFAR100(train=False).label, CIFAR100(train=False, label_type='coarse').label)
# expect: [19 29  0 11] [11 15  4 14] [49 33] [10 10]
print(CIFAR100.labels(), CIFAR100.labels('coarse')[coarse.label[1]])
# expect: [] reptiles
try:
    CIFAR100(label_type='medium')
except AssertionError as e:
    print('AssertionError', repr(e))
# expect: AssertionError AssertionError()
