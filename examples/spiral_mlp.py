# Spiral classification with a two-layer MLP — the training loop of DeZero step 48.
#
# What to look at: Run File (Gradscope: Run File) prints the loss of each epoch; then open
# the graph panel — one training step's graph (Linear → Sigmoid → Linear → SoftmaxCrossEntropy)
# and, with "forward + backward", the gradients flowing back into W and b of both layers.
# Set a breakpoint on `loss.backward()` and use "Step Into" to walk back-propagation one
# function at a time.
import math
import numpy as np
import dezero
from dezero import optimizers
import dezero.functions as F
from dezero.models import MLP

max_epoch = 300
batch_size = 30
hidden_size = 10
lr = 1.0

x, t = dezero.datasets.get_spiral(train=True)
model = MLP((hidden_size, 3))
optimizer = optimizers.SGD(lr).setup(model)

data_size = len(x)
max_iter = math.ceil(data_size / batch_size)

for epoch in range(max_epoch):
    index = np.random.permutation(data_size)
    sum_loss = 0

    for i in range(max_iter):
        batch_index = index[i * batch_size:(i + 1) * batch_size]
        batch_x = x[batch_index]
        batch_t = t[batch_index]

        y = model(batch_x)
        loss = F.softmax_cross_entropy(y, batch_t)
        model.cleargrads()
        loss.backward()
        optimizer.update()

        sum_loss += float(loss.data) * len(batch_t)

    avg_loss = sum_loss / data_size
    print('epoch %d, loss %.2f' % (epoch + 1, avg_loss))
