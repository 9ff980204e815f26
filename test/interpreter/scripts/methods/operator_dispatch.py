# The dunder protocol when classes change after an operator was used: Gradscope keeps the
# last method resolution per operator and operand types, so each change must be seen.
class V:
    def __init__(self, x):
        self.x = x
    def __add__(self, other):
        return V(self.x + (other.x if isinstance(other, V) else other))
    def __repr__(self):
        return 'V(%r)' % self.x

a = V(1)
print(a + 2)
# expect: V(3)
V.__add__ = lambda self, other: 'replaced'
print(a + 2)
# expect: replaced
del V.__add__
try:
    a + 2
except TypeError as e:
    print(e)
# expect: unsupported operand type(s) for +: 'V' and 'int'
V.__radd__ = lambda self, other: ('radd', other)
print(5 + a)
# expect: ('radd', 5)
setattr(V, '__add__', lambda self, other: ('add', other))
print(a + 7, 2 + a)
# expect: ('add', 7) ('radd', 2)

class W(V):
    pass

w = W(0)
print(a + w)
# expect: ('add', V(0))
W.__radd__ = lambda self, other: 'W first'
print(a + w)
# expect: W first

class N:
    def __mul__(self, other):
        return NotImplemented
    def __rmul__(self, other):
        return 'rmul of %r' % (other,)

n = N()
print(3 * n, [1] * 2)
# expect: rmul of 3 [1, 1]
try:
    n * n
except TypeError as e:
    print(e)
# expect: unsupported operand type(s) for *: 'N' and 'N'
N.__mul__ = lambda self, other: 'mul now'
print(n * n, 3 * n)
# expect: mul now rmul of 3

# Attribute lookups along the MRO are remembered too, found or missing, until a class changes.
class A:
    pass

class B(A):
    pass

b = B()
print(hasattr(b, 'f'), hasattr(B, 'f'))
# expect: False False
A.f = lambda self: 'A.f'
print(b.f(), hasattr(b, 'f'))
# expect: A.f True
B.f = lambda self: 'B.f'
print(b.f())
# expect: B.f
del B.f
print(b.f())
# expect: A.f
del A.f
print(hasattr(b, 'f'))
# expect: False
A.__len__ = lambda self: 3
print(len(b))
# expect: 3
