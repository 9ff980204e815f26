# object's methods, user classes calling built-in dunders through super(), format protocol
class Base:
    def __init_subclass__(cls, **kw):
        super().__init_subclass__()
        cls.registered = True

class Child(Base):
    pass

print(Child.registered, object.__init_subclass__() is None)  # expect: True True

class P:
    def __init__(self, v):
        self.v = v
    def __str__(self):
        return "P<%s>" % self.v
    def __eq__(self, other):
        if isinstance(other, P):
            return self.v == other.v
        return super().__eq__(other)
    __hash__ = object.__hash__

p = P(3)
print(format(p), "{}".format(p), f"{p}", p.__format__(""), object.__format__(p, ""), p == P(3), p == 3, p != P(4))
# expect: P<3> P<3> P<3> P<3> P<3> True False True
print("v" in p.__dir__(), "__init__" in dir(p), sorted(k for k in p.__dir__() if not k.startswith("_")))
# expect: True True ['v']

class Money:
    def __init__(self, amount):
        self.amount = amount
    def __format__(self, spec):
        if not spec:
            return str(self)
        return "$" + format(self.amount, spec)
    def __str__(self):
        return "Money(%s)" % self.amount

m = Money(1234.5)
print(format(m), format(m, ",.2f"), "{:>12,.1f}|{}".format(m, m), f"{m:.0f}")
# expect: Money(1234.5) $1,234.50 $     1,234.5|Money(1234.5) $1234

class Vec:
    def __init__(self, *xs):
        self.xs = list(xs)
    def __add__(self, other):
        if isinstance(other, Vec):
            return Vec(*[a + b for a, b in zip(self.xs, other.xs)])
        return NotImplemented
    def __radd__(self, other):
        if other == 0:
            return self
        return NotImplemented
    def __repr__(self):
        return "Vec%r" % (tuple(self.xs),)
    def __len__(self):
        return len(self.xs)
    def __getitem__(self, i):
        return self.xs[i]

print(sum([Vec(1, 2), Vec(3, 4)]), Vec(1) + Vec(2), len(Vec(1, 2, 3)), list(Vec(7, 8)), Vec(5)[0])
# expect: Vec(4, 6) Vec(3,) 3 [7, 8] 5

class Num:
    def __init__(self, n):
        self.n = n
    def __radd__(self, other):
        return "radd(%r)" % (other,)
    def __rmul__(self, other):
        return "rmul(%r)" % (other,)
    def __lt__(self, other):
        return "lt"
    def __gt__(self, other):
        return "gt"
    def __eq__(self, other):
        return "eq"

print(1 + Num(0), 2.5 + Num(0), "s" + Num(0), [1] + Num(0), (1,) + Num(0), "ab" * Num(0), [0] * Num(0))
# expect: radd(1) radd(2.5) radd('s') radd([1]) radd((1,)) rmul('ab') rmul([0])
print(1 < Num(0), 1.5 > Num(0), "a" < Num(0), [1] < Num(0), 1 == Num(0), "s" == Num(0))  # expect: gt lt gt gt eq eq
for bad in [lambda: format(p, "x"), lambda: object().__format__("x"), lambda: object().__format__(1),
            lambda: object.__init_subclass__(1), lambda: format(object(), "5"), lambda: "{:d}".format(p),
            lambda: p < p, lambda: 1 + p, lambda: p + 1]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
        # expect: TypeError unsupported format string passed to P.__format__
        # expect: TypeError unsupported format string passed to object.__format__
        # expect: TypeError __format__() argument must be str, not int
        # expect: TypeError object.__init_subclass__() takes no arguments (1 given)
        # expect: TypeError unsupported format string passed to object.__format__
        # expect: TypeError unsupported format string passed to P.__format__
        # expect: TypeError '<' not supported between instances of 'P' and 'P'
        # expect: TypeError unsupported operand type(s) for +: 'int' and 'P'
        # expect: TypeError unsupported operand type(s) for +: 'P' and 'int'
