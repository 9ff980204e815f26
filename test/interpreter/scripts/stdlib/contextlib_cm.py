# contextlib: contextmanager (enter, exit, exceptions in and out of the generator),
# nullcontext, suppress, closing, ExitStack, redirect_stdout; a DeZero-style using_config.
import contextlib
from contextlib import contextmanager


@contextmanager
def tag(name):
    print('enter', name)
    try:
        yield name.upper()
    finally:
        print('exit', name)


with tag('a') as t:
    print('body', t)

try:
    with tag('b'):
        raise ValueError('boom')
except ValueError as e:
    print('caught', e)


@contextmanager
def swallow():
    try:
        yield
    except KeyError as e:
        print('swallowed', repr(e))


with swallow():
    raise KeyError('k')
print('after swallow')


@contextmanager
def noyield():
    if False:
        yield


@contextmanager
def twice():
    yield 1
    yield 2


@contextmanager
def convert():
    try:
        yield
    except ValueError:
        raise KeyError('converted')


for make, exc in [(noyield, None), (twice, None), (twice, TypeError('x')), (convert, ValueError('orig'))]:
    try:
        with make():
            if exc:
                raise exc
    except (RuntimeError, KeyError, TypeError) as e:
        print(type(e).__name__, e)


class Config:
    enable_backprop = True


@contextmanager
def using_config(name, value):
    old = getattr(Config, name)
    setattr(Config, name, value)
    try:
        yield
    finally:
        setattr(Config, name, old)


def no_grad():
    return using_config('enable_backprop', False)


with no_grad():
    print('inside', Config.enable_backprop)
print('outside', Config.enable_backprop)


class Resource:
    @contextmanager
    def opened(self, x):
        yield (self, x)


r = Resource()
with r.opened(5) as (s, x):
    print(s is r, x)


@tag('deco')
def work(n):
    print('working', n)
    return n * 2


print(work(21))

with contextlib.suppress(ZeroDivisionError, KeyError):
    1 / 0
print('suppressed')
try:
    with contextlib.suppress(KeyError):
        [][1]
except IndexError:
    print('not suppressed: IndexError')
with contextlib.nullcontext(42) as v:
    print('nullcontext', v)


class Closable:
    def close(self):
        print('closed')


with contextlib.closing(Closable()) as c:
    print(type(c).__name__)

with contextlib.ExitStack() as stack:
    stack.callback(print, 'callback 1')
    stack.enter_context(tag('stacked'))
    stack.callback(print, 'callback 2')
    print('in stack')



class Capture:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)


cap = Capture()
with contextlib.redirect_stdout(cap):
    print('captured', 1)
print(repr(''.join(cap.parts)))

# expect: enter a
# expect: body A
# expect: exit a
# expect: enter b
# expect: exit b
# expect: caught boom
# expect: swallowed KeyError('k')
# expect: after swallow
# expect: RuntimeError generator didn't yield
# expect: RuntimeError generator didn't stop
# expect: TypeError x
# expect: KeyError 'converted'
# expect: inside False
# expect: outside True
# expect: True 5
# expect: enter deco
# expect: working 21
# expect: exit deco
# expect: 42
# expect: suppressed
# expect: not suppressed: IndexError
# expect: nullcontext 42
# expect: Closable
# expect: closed
# expect: enter stacked
# expect: in stack
# expect: callback 2
# expect: exit stacked
# expect: callback 1
# expect: 'captured 1\n'
