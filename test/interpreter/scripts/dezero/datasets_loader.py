# Dataset subclasses (prepare, transforms, unlabeled data), a plain class with __getitem__ and
# __len__, and DataLoader iteration: in order, shuffled, epoch after epoch, next(); then a short
# spiral training run with DataLoader and F.accuracy.
# Expectations: by reasoning (the labels are squares; batches of 4, 4, 2; a DataLoader resets
# after StopIteration; NumPy 2 shows scalars as np.int64(…)); the shuffled order is
# np.random.permutation(10) after seed 0 and the spiral figures come from CPython + the
# reference DeZero (check_with_ref.py); the spiral data's first labels also equal
# test/fixtures/dezero-spiral-golden.json, from the real DeZero.
import numpy as np
import dezero
import dezero.functions as F
from dezero import DataLoader, optimizers
from dezero.datasets import Dataset
from dezero.models import MLP


class Squares(Dataset):
    def prepare(self):
        self.data = np.arange(10.0).reshape(10, 1)
        self.label = (self.data[:, 0] ** 2).astype(int)


class Unlabeled(Dataset):
    def prepare(self):
        self.data = np.linspace(0, 1, 5)


ds = Squares()
print(len(ds), ds[3], ds.train)
# expect: 10 (array([3.]), np.int64(9)) True
print(Unlabeled()[2])
# expect: (np.float64(0.5), None)
odd = Squares(train=False, transform=lambda x: x / 10, target_transform=lambda t: t % 2)
print(odd[4], odd.train)
# expect: (array([0.4]), np.int64(0)) False

loader = DataLoader(ds, batch_size=4, shuffle=False)
print(loader.max_iter, loader.data_size)
# expect: 3 10
for x, t in loader:
    print(x.shape, x.dtype, t, t.dtype)
# expect: (4, 1) float64 [0 1 4 9] int64
# expect: (4, 1) float64 [16 25 36 49] int64
# expect: (2, 1) float64 [64 81] int64
print('second epoch', sum(len(t) for x, t in loader), 'rows')
# expect: second epoch 10 rows
x, t = loader.next()
print('next():', t, '| then', next(loader)[1])
# expect: next(): [0 1 4 9] | then [16 25 36 49]

np.random.seed(0)
print(np.random.permutation(10))
# expect: [2 8 4 9 1 6 7 3 0 5]
np.random.seed(0)
shuffled = DataLoader(ds, batch_size=5)
print([t.tolist() for x, t in shuffled])
# expect: [[4, 64, 16, 81, 1], [36, 49, 9, 0, 25]]


class Pairs:
    """Anything with __getitem__ and __len__ will do."""

    def __getitem__(self, i):
        return np.array([i, -i]), i % 3

    def __len__(self):
        return 7


print([t.tolist() for x, t in DataLoader(Pairs(), 3, shuffle=False)])
# expect: [[0, 1, 2], [0, 1, 2], [0]]

train_set = dezero.datasets.Spiral(train=True)
test_set = dezero.datasets.Spiral(train=False)
print(len(train_set), train_set.data.dtype, train_set.label[:10], test_set.data.shape)
# expect: 300 float32 [1 1 2 0 1 2 0 0 1 2] (300, 2)

model = MLP((10, 3))
optimizer = optimizers.SGD(lr=1.0).setup(model)
train_loader = DataLoader(train_set, 30)
for epoch in range(5):
    total_loss = total_acc = 0
    for x, t in train_loader:
        y = model(x)
        loss = F.softmax_cross_entropy(y, t)
        acc = F.accuracy(y, t)
        model.cleargrads()
        loss.backward()
        optimizer.update()
        total_loss += float(loss.data) * len(t)
        total_acc += float(acc.data) * len(t)
    print('epoch {} loss {:.4f} accuracy {:.4f}'.format(epoch + 1, total_loss / len(train_set), total_acc / len(train_set)))
# expect: epoch 1 loss 1.0944 accuracy 0.4033
# expect: epoch 2 loss 0.9882 accuracy 0.4933
# expect: epoch 3 loss 0.9403 accuracy 0.5133
# expect: epoch 4 loss 0.8820 accuracy 0.5700
# expect: epoch 5 loss 0.8617 accuracy 0.5600
