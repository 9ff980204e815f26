# dezero.core_simple, the first core of the book (steps 23–32): gradients are plain ndarrays,
# so a gradient-descent update works on .data directly; Functions written for it get
# ndarrays in backward. Then a decision-boundary plot as step 48 draws it (contourf).
# Expectations: by reasoning — rosenbrock's gradient at (0, 2) is (-2, 400), so one step
# of lr 0.001 gives (0.002, 1.6) (the book's step 28 starts the same way); the later iterates
# and the grid's class counts come from CPython + the reference DeZero (check_with_ref.py).
import numpy as np
import matplotlib.pyplot as plt
from dezero.core_simple import Variable, Function, setup_variable
from dezero.models import MLP
import dezero

setup_variable()


def rosenbrock(x0, x1):
    return 100 * (x1 - x0 ** 2) ** 2 + (x0 - 1) ** 2


x0 = Variable(np.array(0.0))
x1 = Variable(np.array(2.0))
for i in range(3):
    y = rosenbrock(x0, x1)
    x0.cleargrad()
    x1.cleargrad()
    y.backward()
    print(i, x0, x1, type(x0.grad).__name__, x0.grad, x1.grad)
    x0.data -= 0.001 * x0.grad
    x1.data -= 0.001 * x1.grad
# expect: 0 variable(0.0) variable(2.0) float64 -2.0 400.0
# expect: 1 variable(0.002) variable(1.6) float64 -3.2759968 319.99920000000003
# expect: 2 variable(0.0052759968) variable(1.2800008) float64 -4.690701310960037 255.99459277155327


class Cube(Function):
    def forward(self, x):
        return x ** 3

    def backward(self, gy):
        print('backward gets', type(gy).__name__)
        return 3 * self.inputs[0].data ** 2 * gy


x = Variable(np.array(2.0))
Cube()(x).backward()
print(x.grad)
# expect: backward gets ndarray
# expect: 12.0

np.random.seed(0)
model = MLP((10, 3))
xx, yy = np.meshgrid(np.arange(-1, 1, 0.05), np.arange(-1, 1, 0.05))
X = np.c_[xx.ravel(), yy.ravel()]
with dezero.no_grad():
    score = model(X)
Z = np.argmax(score.data, axis=1).reshape(xx.shape)
plt.contourf(xx, yy, Z)
plt.scatter(X[:5, 0], X[:5, 1], s=40, marker='o', c='orange')
print(X.shape, Z.shape, np.bincount(Z.ravel(), minlength=3))
# expect: (1600, 2) (40, 40) [   0    0 1600]
