# DeZero's configuration through `with`: no_grad, test_mode and using_config, restored on the
# way out even when an exception passes; and configuration of our own with
# contextlib.contextmanager (a verbosity flag, a temporary learning rate) and a class-based
# context manager that suppresses an exception.
# Expectations: by reasoning — inside the block the flag is changed, after it (or after an
# exception) it is back; no_grad outputs have no creator; dropout is the identity in test mode
# and otherwise keeps x/0.5 where np.random.rand(3) > 0.5 (seed 0: 0.549, 0.715, 0.603, all
# kept); the rest is bookkeeping. Checked with CPython + the reference DeZero.
import contextlib
import numpy as np
import dezero
import dezero.functions as F
from dezero import Config, Variable, no_grad, test_mode, using_config
from dezero import optimizers
from dezero.models import MLP

x = Variable(np.array([1.0, 2.0, 3.0]))
with no_grad():
    y = x * 2
    print('inside no_grad:', Config.enable_backprop, y.creator)
print('after no_grad:', Config.enable_backprop, type((x * 2).creator).__name__)
# expect: inside no_grad: False None
# expect: after no_grad: True Mul

with using_config('train', False):
    print('train' if Config.train else 'test')
    with using_config('enable_backprop', False):
        print(Config.enable_backprop, Config.train)
    print(Config.enable_backprop)
print(Config.train)
# expect: test
# expect: False False
# expect: True
# expect: True

np.random.seed(0)
with test_mode():
    print('test mode:', F.dropout(x).data, F.dropout(x) is x)
print('train mode:', F.dropout(x).data)
# expect: test mode: [1. 2. 3.] True
# expect: train mode: [2. 4. 6.]

try:
    with dezero.no_grad():
        raise ValueError('boom')
except ValueError as e:
    print('caught', repr(e), 'backprop restored:', Config.enable_backprop)
# expect: caught ValueError('boom') backprop restored: True


class Log:
    verbose = False


@contextlib.contextmanager
def verbose(flag=True):
    old = Log.verbose
    Log.verbose = flag
    try:
        yield Log
    finally:
        Log.verbose = old


def report(msg):
    if Log.verbose:
        print('[log]', msg)


report('hidden')
with verbose() as log:
    report('shown')
    print(log is Log, log.verbose)
    with verbose(False):
        report('hidden again')
    report('shown again')
print(Log.verbose)
# expect: [log] shown
# expect: True True
# expect: [log] shown again
# expect: False


@contextlib.contextmanager
def lr_scaled(optimizer, factor):
    old = optimizer.lr
    optimizer.lr = old * factor
    try:
        yield optimizer.lr
    finally:
        optimizer.lr = old


opt = optimizers.SGD(lr=0.1).setup(MLP((3, 1)))
with lr_scaled(opt, 0.5) as lr:
    print('scaled lr', lr, opt.lr)
print('restored lr', opt.lr)
# expect: scaled lr 0.05 0.05
# expect: restored lr 0.1


class Suppress:
    def __init__(self, *types):
        self.types = types

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc_type is not None and issubclass(exc_type, self.types):
            print('suppressed', exc_type.__name__ + ':', exc)
            return True
        return False


with Suppress(ZeroDivisionError, KeyError):
    1 / 0
with Suppress(KeyError):
    {}['missing']
try:
    with Suppress(KeyError):
        int('x')
except ValueError as e:
    print('passed through:', e)
# expect: suppressed ZeroDivisionError: division by zero
# expect: suppressed KeyError: 'missing'
# expect: passed through: invalid literal for int() with base 10: 'x'
