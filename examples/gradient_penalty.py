# A WGAN-GP style gradient penalty: the critic D's input gradient ‖∇ₓD(x̂)‖ is part of the
# loss, so training needs the gradient of a gradient.
#
# What to look at: after `d.backward(create_graph=True)` x_hat.grad has its own order-1
# graph through the critic's weights; the penalty (‖g‖ − 1)² is built on it, and
# `penalty.backward()` sends order-2 gradients all the way to W1, b1 and W2. Step into that
# last backward() to walk it one function at a time; the panel highlights each function.
import numpy as np
import dezero.functions as F
import dezero.layers as L
from dezero import Model, Variable


class Critic(Model):
    def __init__(self, hidden):
        super().__init__()
        self.l1 = L.Linear(hidden)
        self.l2 = L.Linear(1)

    def forward(self, x):
        return self.l2(F.tanh(self.l1(x)))


np.random.seed(0)
critic = Critic(8)
real = np.random.randn(4, 2)
fake = np.random.randn(4, 2)
eps = np.random.rand(4, 1)
x_hat = eps * real + (1 - eps) * fake

x_hat = Variable(x_hat)
d = critic(x_hat)
d.backward(create_graph=True)
g = x_hat.grad

norm = F.sum(g * g, axis=1) ** 0.5
penalty = F.mean((norm - 1) ** 2)
critic.cleargrads()
penalty.backward()

print('penalty', penalty.data)
print('grad of W1 has shape', critic.l1.W.grad.shape)
