# Newton's method with double backprop: minimise y = x⁴ − 2x² from x = 2.
#
# What to look at: step through with "Gradscope: Step Through File". After
# `y.backward(create_graph=True)` the graph panel grows a second, order-1 graph — the
# computation of dy/dx itself (in a different colour). `gx.backward()` then differentiates
# that graph again, giving d²y/dx² in x.grad. Hover `gx` and `x` to see values and grads.
import numpy as np
from dezero import Variable


def f(x):
    y = x ** 4 - 2 * x ** 2
    return y


x = Variable(np.array(2.0))
iters = 10

for i in range(iters):
    print(i, x)

    y = f(x)
    x.cleargrad()
    y.backward(create_graph=True)

    gx = x.grad
    x.cleargrad()
    gx.backward()
    gx2 = x.grad

    x.data -= gx.data / gx2.data
