# Generators around training: a mini-batch iterator written with yield, an endless stream with
# itertools.islice, yield from with a return value, send(), and a generator's finally running
# when it is closed; then a linear regression trained from the batch iterator.
# Expectations: by reasoning (batch sizes 4, 4, 2 of 10 rows; the running mean; the close
# message); the regression's parameters come from CPython + the reference DeZero and were
# checked against the closed-form least-squares fit in check_numpy.py (w -> 3, b -> 0.5 as
# the iterations go on).
import itertools
import numpy as np
from dezero import Variable
import dezero.functions as F


def batches(x, t, batch_size, shuffle=False):
    index = np.random.permutation(len(x)) if shuffle else np.arange(len(x))
    for start in range(0, len(x), batch_size):
        i = index[start:start + batch_size]
        yield x[i], t[i]


x = np.arange(10.0).reshape(10, 1) / 10
t = 3 * x + 0.5
print([bx.shape for bx, bt in batches(x, t, 4)])
# expect: [(4, 1), (4, 1), (2, 1)]
gen = batches(x, t, 8)
print(type(gen).__name__, next(gen)[0].shape, next(gen)[1].ravel())
# expect: generator (8, 1) [2.9 3.2]
try:
    next(gen)
except StopIteration:
    print('exhausted')
# expect: exhausted
np.random.seed(0)
print(sorted(int(v) for bx, bt in batches(x, t, 3, shuffle=True) for v in bx.ravel() * 10))
# expect: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]


def forever(x, t, batch_size):
    while True:
        yield from batches(x, t, batch_size)


print([bt.shape[0] for bx, bt in itertools.islice(forever(x, t, 4), 7)])
# expect: [4, 4, 2, 4, 4, 2, 4]


def running_mean():
    total, n = 0.0, 0
    value = yield
    while value is not None:
        total += value
        n += 1
        value = yield total / n
    return n


def averages(values):
    m = running_mean()
    next(m)
    out = [m.send(v) for v in values]
    try:
        m.send(None)
    except StopIteration as stop:
        out.append(('count', stop.value))
    return out


print(averages([1.0, 2.0, 6.0]))
# expect: [1.0, 1.5, 3.0, ('count', 3)]


def delegate():
    count = yield from (i * i for i in range(3))
    return count


def counted():
    result = yield from delegate()
    yield ('delegate returned', result)


print(list(counted()))
# expect: [0, 1, 4, ('delegate returned', None)]


def with_cleanup():
    try:
        yield 1
        yield 2
    finally:
        print('generator closed')


g = with_cleanup()
print(next(g))
g.close()
# expect: 1
# expect: generator closed

W = Variable(np.zeros((1, 1)))
b = Variable(np.zeros(1))
for epoch in range(200):
    for bx, bt in batches(x, t, 4):
        loss = F.mean_squared_error(F.matmul(bx, W) + b, bt)
        W.cleargrad()
        b.cleargrad()
        loss.backward()
        W.data -= 0.5 * W.grad.data
        b.data -= 0.5 * b.grad.data
    if epoch % 50 == 49:
        print('epoch %d  w %.6f  b %.6f  loss %.6f' % (epoch + 1, W.data[0, 0], b.data[0], float(loss.data)))
# expect: epoch 50  w 2.999999  b 0.500001  loss 0.000000
# expect: epoch 100  w 3.000000  b 0.500000  loss 0.000000
# expect: epoch 150  w 3.000000  b 0.500000  loss 0.000000
# expect: epoch 200  w 3.000000  b 0.500000  loss 0.000000
