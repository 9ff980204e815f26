# SYNTAX TEST "source.python" "DeZero names in Python"
import numpy as np
from dezero import Variable, no_grad
#                  ^^^^^^^^ support.class.dezero
#                            ^^^^^^^ support.function.dezero
import dezero.functions as F

x = Variable(np.array(1.0))
#   ^^^^^^^^ support.class.dezero
y = F.tanh(x) + F.softmax_cross_entropy(x, t)
#   ^ - support.function.dezero
#    ^ punctuation.separator.period.python
#     ^^^^ support.function.dezero
#                 ^^^^^^^^^^^^^^^^^^^^^ support.function.dezero
#                                      ^^^^^^ - support.function.dezero
z = F.Tanh()(x) + F.tanhh(x)
#     ^^^^ support.class.dezero
#                   ^^^^^ - support.function.dezero
y.backward(create_graph=True)
# ^^^^^^^^ support.function.method.dezero
g = y.backward
#     ^^^^^^^^ - support.function.method.dezero
model = L.Linear(10) and models.MLP((10, 1))
#         ^^^^^^ support.class.dezero
#                               ^^^ support.class.dezero
opt = optimizers.SGD(lr=0.1).setup(model)
#                ^^^ support.class.dezero
#                            ^^^^^ - support.function.dezero
dezero.Variable(x) ; dezero.no_grad() ; dezero.functions.exp(x)
#      ^^^^^^^^ support.class.dezero
#                           ^^^^^^^ support.function.dezero
#                                                        ^^^ support.function.dezero
loader = dezero.DataLoader(datasets.Spiral(), 30) ; utils.plot_dot_graph(y)
#               ^^^^^^^^^^ support.class.dezero
#                                   ^^^^^^ support.class.dezero
#                                                         ^^^^^^^^^^^^^^ support.function.dezero
s = "F.tanh(x) and Variable"
#      ^^^^ - support.function.dezero
#                  ^^^^^^^^ - support.class.dezero
# F.tanh in a comment stays a comment
#   ^^^^ - support.function.dezero
class Variable:
#     ^^^^^^^^ - support.class.dezero
def no_grad():
#   ^^^^^^^ - support.function.dezero
self.Variable = other.backward
#    ^^^^^^^^ - support.class.dezero
#                     ^^^^^^^^ - support.function.method.dezero
torch.relu(x) + G.tanh(x) + Model(x) + Function()
#     ^^^^ - support.function.dezero
#                 ^^^^ - support.function.dezero
#                           ^^^^^ - support.class.dezero
#                                      ^^^^^^^^ - support.class.dezero
