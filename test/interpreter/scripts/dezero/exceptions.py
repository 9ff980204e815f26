# Exceptions around DeZero code: shape errors raised inside functions (caught and printed with
# NumPy's messages), custom exception classes raised `from` another, try/except/else/finally
# ordering, implicit chaining, re-raising, and an error raised in a user Function's forward.
# Expectations: the messages are NumPy's and Python's own (checked with CPython + NumPy + the
# reference DeZero by check_with_ref.py); the order of the try/finally lines follows from
# Python's rules.
import numpy as np
from dezero import Variable, Function
import dezero.functions as F
import dezero.layers as L

x = Variable(np.ones((2, 3)))
W = Variable(np.ones((2, 3)))
cases = [
    ('matmul', lambda: F.matmul(x, W)),
    ('add', lambda: x + np.ones(4)),
    ('reshape', lambda: F.reshape(x, (4,))),
    ('sum axis', lambda: F.sum(x, axis=2)),
    ('labels', lambda: F.softmax_cross_entropy(x, np.array([0, 5]))),
]
for name, op in cases:
    try:
        op()
    except (ValueError, IndexError) as e:
        print(f'{name}: {type(e).__name__}: {e}')
# expect: matmul: ValueError: shapes (2,3) and (2,3) not aligned: 3 (dim 1) != 2 (dim 0)
# expect: add: ValueError: operands could not be broadcast together with shapes (2,3) (4,) 
# expect: reshape: ValueError: cannot reshape array of size 6 into shape (4,)
# expect: sum axis: AxisError: axis 2 is out of bounds for array of dimension 2
# expect: labels: IndexError: index 5 is out of bounds for axis 1 with size 3

layer = L.Linear(2)
layer(np.ones((5, 3)))
try:
    layer(np.ones((5, 4)))
except ValueError as e:
    print('second call:', e, '| W', layer.W.shape)
# expect: second call: shapes (5,4) and (3,2) not aligned: 4 (dim 1) != 3 (dim 0) | W (3, 2)


class TrainingError(Exception):
    pass


class DivergedError(TrainingError):
    def __init__(self, epoch, loss):
        super().__init__(f'loss {loss} at epoch {epoch}')
        self.epoch = epoch


def check(epoch, loss):
    try:
        if not np.isfinite(loss):
            raise FloatingPointError('not finite')
    except FloatingPointError as e:
        raise DivergedError(epoch, loss) from e


for epoch, loss in [(1, 0.5), (2, float('inf'))]:
    try:
        check(epoch, loss)
    except TrainingError as e:
        print(type(e).__name__, e, '| epoch', e.epoch, '| cause', repr(e.__cause__))
        print(isinstance(e, Exception), issubclass(DivergedError, TrainingError), e.__suppress_context__)
    else:
        print('epoch', epoch, 'ok')
    finally:
        print('checked', epoch)
# expect: epoch 1 ok
# expect: checked 1
# expect: DivergedError loss inf at epoch 2 | epoch 2 | cause FloatingPointError('not finite')
# expect: True True True
# expect: checked 2


def steps():
    log = []
    try:
        try:
            log.append('try')
            return log
        finally:
            log.append('finally')
    finally:
        log.append('outer finally')


print(steps())
# expect: ['try', 'finally', 'outer finally']

try:
    try:
        {}['lr']
    except KeyError:
        raise ValueError('bad config')
except ValueError as e:
    print(repr(e), '| context', repr(e.__context__), '| cause', e.__cause__)
# expect: ValueError('bad config') | context KeyError('lr') | cause None

try:
    try:
        1 / 0
    except ZeroDivisionError:
        print('handling, then re-raising')
        raise
except ArithmeticError as e:
    print('outer caught', type(e).__name__, e.args)
# expect: handling, then re-raising
# expect: outer caught ZeroDivisionError ('division by zero',)


class Sqrt(Function):
    def forward(self, x):
        if (x < 0).any():
            raise ValueError(f'sqrt of negative values: {x[x < 0]}')
        return np.sqrt(x)

    def backward(self, gy):
        return gy / (2 * self.outputs[0]())


try:
    Sqrt()(Variable(np.array([4.0, -1.0, -9.0])))
except ValueError as e:
    print(e)
# expect: sqrt of negative values: [-1. -9.]
y = Sqrt()(Variable(np.array([4.0, 9.0])))
y.backward()
print(y, y.creator.inputs[0].grad)
# expect: variable([2. 3.]) variable([0.25       0.16666667])

try:
    assert y.shape == (3,), f'unexpected shape {y.shape}'
except AssertionError as e:
    print('AssertionError:', e)
# expect: AssertionError: unexpected shape (2,)
