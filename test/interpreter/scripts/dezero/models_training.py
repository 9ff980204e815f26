# A Model subclass with its layers (and a Parameter of its own) assigned as attributes, MLP and
# Sequential, and training loops with SGD, MomentumSGD and Adam that print their losses.
# Expectations: the losses come from CPython + NumPy + the reference DeZero
# (check_with_ref.py), printed to 8 decimals as training logs do (the gradients of a
# matrix-vector product may differ from OpenBLAS's in the last bit); the first loss of the
# subclassed model was also computed from the same weights with plain NumPy
# (check_numpy.py); by reasoning, each loss must fall, and 26 parameters = 1*8+8 + 8*1+1 + 1.
import numpy as np
import dezero
import dezero.functions as F
import dezero.layers as L
from dezero import Model, Parameter, optimizers
from dezero.models import MLP, Sequential

np.random.seed(0)
x = np.random.rand(64, 1)
y = 2 * x ** 2 - x + 0.1 * np.random.rand(64, 1)


class TwoLayerNet(Model):
    def __init__(self, hidden_size, out_size):
        super().__init__()
        self.l1 = L.Linear(hidden_size)
        self.l2 = L.Linear(out_size)
        self.scale = Parameter(np.array(1.0), name='scale')

    def forward(self, x):
        return self.l2(F.relu(self.l1(x))) * self.scale


def train(model, optimizer, iters, every):
    optimizer.setup(model)
    for i in range(iters):
        loss = F.mean_squared_error(model(x), y)
        model.cleargrads()
        loss.backward()
        optimizer.update()
        if i % every == 0:
            print('iter {:3d} loss {:.8f}'.format(i, float(loss.data)))
    return loss


model = TwoLayerNet(8, 1)
print(sorted(name for name in model.__dict__ if not name.startswith('_')))
# expect: ['l1', 'l2', 'scale']
print(F.mean_squared_error(model(x), y))  # the untrained model: forward only, exact
# expect: variable(0.9301027196316609)
last = train(model, optimizers.SGD(lr=0.1), 301, 100)
# expect: iter   0 loss 0.93010272
# expect: iter 100 loss 0.02092490
# expect: iter 200 loss 0.01380119
# expect: iter 300 loss 0.00698658
print(sum(p.size for p in model.params()), sorted(p.name for p in model.params()))
# expect: 26 ['W', 'W', 'b', 'b', 'scale']
print(model.l1.W.shape, model.l1.W.dtype, model.l1.b.dtype, '%.10f' % model.scale.data)
# expect: (1, 8) float64 float32 0.9373613541

np.random.seed(1)
mlp = MLP((10, 10, 1), activation=F.relu)
print(len(mlp.layers), [l.out_size for l in mlp.layers])
# expect: 3 [10, 10, 1]
train(mlp, optimizers.MomentumSGD(lr=0.05, momentum=0.9), 101, 25)
# expect: iter   0 loss 0.12716133
# expect: iter  25 loss 0.01995739
# expect: iter  50 loss 0.00481035
# expect: iter  75 loss 0.00224025
# expect: iter 100 loss 0.00176477

np.random.seed(2)
seq = Sequential(L.Linear(16), F.sigmoid, L.Linear(1))
adam = optimizers.Adam(alpha=0.05)
loss = train(seq, adam, 201, 50)
# expect: iter   0 loss 0.45553573
# expect: iter  50 loss 0.03303472
# expect: iter 100 loss 0.02685090
# expect: iter 150 loss 0.02411943
# expect: iter 200 loss 0.02090697
print('adam t=%d lr=%.6f loss %.5f' % (adam.t, adam.lr, float(loss.data)))
# expect: adam t=201 lr=0.021341 loss 0.02091

# With no_grad the forward pass builds no graph.
with dezero.no_grad():
    pred = seq(np.array([[0.0], [0.5], [1.0]]))
print(pred.creator, pred.shape, '%.3f %.3f %.3f' % tuple(pred.data[:, 0]))
# expect: None (3, 1) -0.249 0.189 0.714
