# iterator and generator objects: __iter__, __next__, send, throw, close
it = iter([1, 2, 3])
print(it.__iter__() is it, it.__next__(), next(it), list(it))  # expect: True 1 2 [3]
try:
    it.__next__()
except StopIteration as e:
    print("StopIteration", e.args)  # expect: StopIteration ()

def counter(n):
    i = 0
    while i < n:
        got = yield i
        if got is not None:
            i = got
        else:
            i += 1
    return "finished"

g = counter(5)
print(g.__iter__() is g, next(g), g.send(None), g.send(3), g.__next__())  # expect: True 0 1 3 4
try:
    next(g)
except StopIteration as e:
    print("StopIteration", e.value, e.args)  # expect: StopIteration finished ('finished',)
print(next(g, "exhausted"))  # expect: exhausted

def echo():
    try:
        while True:
            try:
                x = yield
                print("echo", x)
            except ValueError as e:
                print("caught", type(e).__name__, e)
    finally:
        print("cleanup")

e = echo()
next(e)
e.send("hi")  # expect: echo hi
e.throw(ValueError("bad"))  # expect: caught ValueError bad
e.throw(ValueError)  # expect: caught ValueError 
e.throw(ValueError, "with value")  # expect: caught ValueError with value
e.close()  # expect: cleanup
e.close()
try:
    e.send(1)
except StopIteration:
    print("closed generator stops")  # expect: closed generator stops

def fresh():
    yield 1

f = fresh()
try:
    f.send(5)
except TypeError as err:
    print("TypeError", err)  # expect: TypeError can't send non-None value to a just-started generator
f2 = fresh()
try:
    f2.throw(KeyError("k"))
except KeyError as err:
    print("KeyError", err)  # expect: KeyError 'k'
print(list(f2))  # expect: []

def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield 2

s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as err:
    print("RuntimeError", err)  # expect: RuntimeError generator ignored GeneratorExit

def delegate():
    r = yield from counter(2)
    print("sub returned", r)
    yield "after"

print(list(delegate()))
# expect: sub returned finished
# expect: [0, 1, 'after']
g3 = (x * x for x in range(3))
print(g3.__next__(), list(g3))  # expect: 0 [1, 4]
print(type(counter(1)).__name__)  # expect: generator
for bad in [lambda: counter(1).throw(5), lambda: counter(1).throw(ValueError("x"), 1), lambda: counter(1).send()]:
    try:
        bad()
    except Exception as err:
        print(type(err).__name__, err)
        # expect: TypeError exceptions must be classes or instances deriving from BaseException, not int
        # expect: TypeError instance exception may not have a separate value
        # expect: TypeError generator.send() takes exactly one argument (0 given)
