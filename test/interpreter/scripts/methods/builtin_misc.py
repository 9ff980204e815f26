# exceptions' args, super() in user classes, StopIteration.value, method reprs, iterator protocol
e = ValueError("bad", 2)
print(repr(e), e.args, str(e), repr(KeyError("k")), str(KeyError("k")), repr(Exception()), str(Exception()))
# expect: ValueError('bad', 2) ('bad', 2) ('bad', 2) KeyError('k') 'k' Exception() 


class AppError(Exception):
    def __init__(self, code, msg="failed"):
        super().__init__(msg)
        self.code = code


class Quiet(Exception):
    def __init__(self, x):
        self.x = x


err = AppError(42)
print(repr(err), err.args, err.code, str(err), Quiet(5).args, Quiet(5).x, repr(StopIteration(7)), StopIteration(7).value)
# expect: AppError('failed') ('failed',) 42 failed (5,) 5 StopIteration(7) 7
s = StopIteration()
print(s.value, s.args)  # expect: None ()
s.value = 3
print(s.value)  # expect: 3
try:
    raise AppError(1, "boom")
except AppError as caught:
    print(type(caught).__name__, caught, caught.code)  # expect: AppError boom 1
try:
    raise ValueError
except ValueError as caught:
    print(repr(caught), caught.args)  # expect: ValueError() ()


class Base:
    def __init__(self, name):
        self.name = name

    def describe(self):
        return "Base(" + self.name + ")"

    def __eq__(self, other):
        return super().__eq__(other)

    __hash__ = object.__hash__


class Child(Base):
    def __init__(self, name, extra):
        super().__init__(name)
        self.extra = extra

    def describe(self):
        return "Child/" + super().describe()


c = Child("c", 1)
print(c.describe(), c.name, c.extra, c == c, c == 1, Base.__eq__(c, 1), type(super(Child, c)).__name__)
# expect: Child/Base(c) c 1 True False NotImplemented super
print(list.append, str.upper, dict.fromkeys is not None, repr(int.bit_length), repr(tuple.index))
# expect: <method 'append' of 'list' objects> <method 'upper' of 'str' objects> True <method 'bit_length' of 'int' objects> <method 'index' of 'tuple' objects>
print(repr(object.__format__), repr(list.__reversed__))
# expect: <method '__format__' of 'object' objects> <method '__reversed__' of 'list' objects>


class Countdown:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n


print(list(Countdown(3)), next(iter(Countdown(1))), sum(Countdown(4)), sorted(Countdown(3)), "-".join(str(i) for i in Countdown(2)))
# expect: [2, 1, 0] 0 6 [0, 1, 2] 1-0
it = iter([10, 20])
print(it.__next__(), it.__iter__() is it, list(it), next(it, None))  # expect: 10 True [20] None
d = {"a": 1}
dk = iter(d)
print(next(dk), next(dk, "end"))  # expect: a end
r = reversed(range(3))
print(next(r), list(r))  # expect: 2 [1, 0]
