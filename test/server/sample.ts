// A DeZero script of any length, built from the kind of code the book's steps contain.

const HEADER = `if '__file__' in globals():
    import os, sys
    sys.path.append(os.path.join(os.path.dirname(__file__), '..'))
import numpy as np
import dezero
from dezero import Variable, Model, optimizers
import dezero.functions as F
import dezero.layers as L
from dezero.models import MLP
`;

const block = (k: number) => `

class TwoLayerNet${k}(Model):
    """A two-layer network for the sine-curve regression (block ${k})."""

    def __init__(self, hidden_size, out_size):
        super().__init__()
        self.l1 = L.Linear(hidden_size)
        self.l2 = L.Linear(out_size)

    def forward(self, x):
        y = F.sigmoid(self.l1(x))
        return self.l2(y)


def rosenbrock${k}(x0, x1):
    return 100 * (x1 - x0 ** 2) ** 2 + (1 - x0) ** 2


np.random.seed(${k})
x${k} = Variable(np.random.rand(100, 1), name='x')
t${k} = np.sin(2 * np.pi * x${k}.data) + np.random.rand(100, 1)
model${k} = TwoLayerNet${k}(10, 1)
optimizer${k} = optimizers.SGD(lr=0.2).setup(model${k})
for i in range(1000):
    y_pred = model${k}(x${k})
    loss = F.mean_squared_error(t${k}, y_pred)
    model${k}.cleargrads()
    loss.backward(create_graph=False)
    optimizer${k}.update()
    if i % 100 == 0:
        print(f"{i:4d} {float(loss.data):.6f}", loss.shape)
`;

/** A syntactically valid DeZero script of at least `lines` lines. */
export function dezeroScript(lines: number): string {
  let text = HEADER;
  for (let k = 0; text.split('\n').length < lines; k++) text += block(k);
  return text;
}
