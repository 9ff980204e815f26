# Hessian-vector product by double backprop: H·v for f(x) = sum(x²) without forming H.
#
# What to look at: the gradient gx = 2x is itself a graph (order 1, built because of
# create_graph=True); z = v·gx is one more node on it, and z.backward() sends gradients
# through that order-1 graph back to x. The panel's "higher order" view shows both orders;
# hide order 1 with its chip to see the forward graph alone. Expected: [ 8. 10.].
import numpy as np
from dezero import Variable
import dezero.functions as F

x = Variable(np.array([1.0, 2.0]))
v = Variable(np.array([4.0, 5.0]))


def f(x):
    t = x ** 2
    y = F.sum(t)
    return y


y = f(x)
y.backward(create_graph=True)

gx = x.grad
x.cleargrad()

z = F.matmul(v, gx)
z.backward()
print(x.grad)
