# Newton's method with double backprop, as in step 33 of the book.
if '__file__' in globals():
    import os, sys
    sys.path.append(os.path.join(os.path.dirname(__file__), '..'))
import numpy as np
from dezero import Variable, no_grad
import dezero.functions as F
import dezero.layers as L
from dezero import optimizers, models


def f(x):
    """y = x^4 - 2x^2; F.tanh in a docstring is text."""
    y = x ** 4 - 2 * x ** 2
    return y


x = Variable(np.array(2.0), name='x')
for i in range(10):
    print(i, x)
    y = f(x)
    x.cleargrad()
    y.backward(create_graph=True)

    gx = x.grad
    x.cleargrad()
    gx.backward()
    gx2 = x.grad
    x.data -= gx.data / gx2.data

model = models.MLP((10, 1), activation=F.sigmoid)
optimizer = optimizers.SGD(lr=0.2).setup(model)
layer = L.Linear(3, nobias=True)
with no_grad():
    loss = F.mean_squared_error(model(x), F.tanh(x))
model.cleargrads()
