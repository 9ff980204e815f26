# Function subclasses written in Python plug into DeZero's backprop: one input (Square, Exp),
# two inputs (a weighted sum), and one returning a tuple (sin and cos of the same input).
# Expectations: derived by hand (d/dx exp(x^2) = 2x exp(x^2), the chain and product rules),
# the floats checked with NumPy formulas by check_numpy.py and the whole output with CPython
# and the reference DeZero by check_with_ref.py.
import numpy as np
from dezero import Variable, Function


class Square(Function):
    def forward(self, x):
        return x ** 2

    def backward(self, gy):
        x, = self.inputs
        return 2 * x * gy


class Exp(Function):
    def forward(self, x):
        return np.exp(x)

    def backward(self, gy):
        y = self.outputs[0]()
        return gy * y


class WeightedSum(Function):
    """y = a*x0 + b*x1 with constants a and b kept on the function."""

    def __init__(self, a, b):
        self.a, self.b = a, b

    def forward(self, x0, x1):
        return self.a * x0 + self.b * x1

    def backward(self, gy):
        return self.a * gy, self.b * gy


class SinCos(Function):
    def forward(self, x):
        return np.sin(x), np.cos(x)

    def backward(self, gs, gc):
        x, = self.inputs
        gx = 0
        if gs is not None:
            gx = gx + gs * SinCos()(x)[1]
        if gc is not None:
            gx = gx - gc * SinCos()(x)[0]
        return gx


def square(x):
    return Square()(x)


def exp(x):
    return Exp()(x)


x = Variable(np.array(0.5))
y = square(exp(square(x)))
y.backward()
print(y.data)  # exp(0.25)^2, one rounding away from exp(0.5) = 1.6487212707001282
# expect: 1.648721270700128
print(x.grad)  # d/dx exp(2x^2) = 4x exp(2x^2)
# expect: variable(3.297442541400256)
print(type(y).__name__, type(y.creator).__name__, y.creator.generation, y.generation)
# expect: Variable Square 2 3

a = Variable(np.array([1.0, 2.0, 3.0]))
b = Variable(np.array([10.0, 20.0, 30.0]))
f = WeightedSum(2.0, -1.0)
z = f(a, b)
print(z)
# expect: variable([ -8. -16. -24.])
z.backward()
print(a.grad, b.grad)
# expect: variable([2. 2. 2.]) variable([-1. -1. -1.])
print(len(f.inputs), f.inputs[1] is b, f.outputs[0]() is z)
# expect: 2 True True

t = Variable(np.array(np.pi / 3))
s, c = SinCos()(t)
print(round(float(s.data), 12), round(float(c.data), 12))
# expect: 0.866025403784 0.5
u = s * c  # d/dt (sin t cos t) = cos^2 t - sin^2 t = cos 2t
u.backward()
print(round(float(t.grad.data), 12))
# expect: -0.5
t.cleargrad()
s, c = SinCos()(t)
s.backward()  # only the first output has a gradient: gc arrives as None
print(round(float(t.grad.data), 12))
# expect: 0.5

# A Function keeps no state between calls: each call makes a new node.
sq = Square()
x1 = Variable(np.array(3.0))
y1 = sq(x1)
y2 = Square()(y1)
y2.backward()
print(y2.data, x1.grad)
# expect: 81.0 variable(108.0)
