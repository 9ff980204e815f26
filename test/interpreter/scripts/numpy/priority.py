# ndarray operators give way to operands that ask for it: a higher __array_priority__ with
# the reflected method, or __array_ufunc__ = None. DeZero's Variable relies on this.
import numpy as np


class Variable:
    __array_priority__ = 200

    def __init__(self, data):
        self.data = data

    def __repr__(self):
        return 'variable(' + str(self.data).replace('\n', '\n         ') + ')'

    def __add__(self, other):
        return Variable(self.data + as_array(other))

    def __radd__(self, other):
        return Variable(as_array(other) + self.data)

    def __mul__(self, other):
        return Variable(self.data * as_array(other))

    def __rmul__(self, other):
        return Variable(as_array(other) * self.data)

    def __rsub__(self, other):
        return Variable(as_array(other) - self.data)

    def __rtruediv__(self, other):
        return Variable(as_array(other) / self.data)

    def __rpow__(self, other):
        return Variable(as_array(other) ** self.data)

    def __rmatmul__(self, other):
        return Variable(as_array(other) @ self.data)

    def __lt__(self, other):
        return 'Variable.__lt__'

    def __gt__(self, other):
        return 'Variable.__gt__'


def as_array(x):
    if isinstance(x, Variable):
        return x.data
    if np.isscalar(x):
        return np.array(x)
    return x


v = Variable(np.array([1.0, 2.0]))
print(np.array([10.0, 20.0]) + v)
# expect: variable([11. 22.])
print(np.array(3.0) * v)
# expect: variable([3. 6.])
print(np.float64(2.0) * v, np.float32(2.0) - v, np.int64(1) / v)
# expect: variable([2. 4.]) variable([1. 0.]) variable([1.  0.5])
print(np.array([2.0, 3.0]) ** v, np.eye(2) @ v)
# expect: variable([2. 9.]) variable([1. 2.])
print(np.array([1.0]) < v, np.array([1.0]) > v)
# expect: Variable.__gt__ Variable.__lt__
print(v + np.ones(2), v * 3, 2 * v)
# expect: variable([2. 3.]) variable([3. 6.]) variable([2. 4.])


class Opaque:
    __array_ufunc__ = None

    def __rmul__(self, other):
        return 'Opaque.__rmul__'

    def __eq__(self, other):
        return 'Opaque.__eq__'


print(np.ones(2) * Opaque(), np.float64(1) * Opaque(), np.ones(2) == Opaque())
# expect: Opaque.__rmul__ Opaque.__rmul__ Opaque.__eq__


print(np.ones(2) == None, np.ones(2) != None, np.arange(3) == 'x' if False else 'skip')
# expect: [False False] [ True  True] skip
print(np.ones(1).__array_priority__, np.float64(1).__array_priority__)
# expect: 0.0 -1000000.0
