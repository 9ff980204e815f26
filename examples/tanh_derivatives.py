# Higher derivatives of tanh: each backward(create_graph=True) differentiates the graph
# of the previous derivative, and the graphs grow fast.
#
# What to look at: the panel after each iteration. The 1st derivative's graph has 11 nodes;
# the 9th has 14,676 and opens as an overview that folds each derivative order into a
# summary node — click one to expand it. Colours are derivative orders.
import numpy as np
from dezero import Variable
import dezero.functions as F

x = Variable(np.array(1.0))
y = F.tanh(x)
x.name = 'x'
y.name = 'y'
y.backward(create_graph=True)

iters = 8
for i in range(iters):
    gx = x.grad
    x.cleargrad()
    gx.backward(create_graph=True)
    print(i + 2, x.grad)

gx = x.grad
gx.name = 'gx' + str(iters + 1)
