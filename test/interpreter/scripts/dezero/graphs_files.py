# The computation graph as DOT text (get_dot_graph, printed with its ids renumbered, since ids
# are addresses that differ from run to run), plot_dot_graph writing a .dot file beside the
# script, and weights saved with save_weights and loaded into a fresh model.
# Expectations: the DOT lines follow DeZero's get_dot_graph — the output variable first, then
# each function taken from the stack with its inputs and outputs, variables labelled with
# their names (and shape and dtype when verbose) — worked out by hand for y = (x0 + x1) * x0
# and checked with CPython + the reference DeZero; the file checks and the round trip follow
# from reasoning (the loaded model computes exactly what the saved one did).
import os
import numpy as np
from dezero import Variable
from dezero.utils import get_dot_graph, plot_dot_graph
from dezero.models import MLP


def renumbered(dot):
    """DOT text with each node id replaced by n1, n2, … in order of appearance."""
    ids = {}

    def name(tok):
        if tok.isdigit():
            ids.setdefault(tok, 'n%d' % (len(ids) + 1))
            return ids[tok]
        return tok

    return '\n'.join(' '.join(name(tok) for tok in line.split(' ')) for line in dot.split('\n'))


x0 = Variable(np.array(1.0), name='x0')
x1 = Variable(np.array([2.0, 3.0]), name='x1')
y = (x0 + x1) * x0
y.name = 'y'
print(renumbered(get_dot_graph(y, verbose=False)))
# expect: digraph g {
# expect: n1 [label="y", color=orange, style=filled]
# expect: n2 [label="Mul", color=lightblue, style=filled, shape=box]
# expect: n3 -> n2
# expect: n4 -> n2
# expect: n2 -> n1
# expect: n3 [label="", color=orange, style=filled]
# expect: n4 [label="x0", color=orange, style=filled]
# expect: n5 [label="Add", color=lightblue, style=filled, shape=box]
# expect: n4 -> n5
# expect: n6 -> n5
# expect: n5 -> n3
# expect: n4 [label="x0", color=orange, style=filled]
# expect: n6 [label="x1", color=orange, style=filled]
# expect: }
verbose = renumbered(get_dot_graph(y)).split('\n')
print([line for line in verbose if 'float64' in line])
# expect: ['n1 [label="y: (2,) float64", color=orange, style=filled]', 'n3 [label="(2,) float64", color=orange, style=filled]', 'n4 [label="x0: () float64", color=orange, style=filled]', 'n4 [label="x0: () float64", color=orange, style=filled]', 'n6 [label="x1: (2,) float64", color=orange, style=filled]']

print(os.path.exists('graph.dot'))
print(plot_dot_graph(y, verbose=False, to_file='graph.dot'))
print(os.path.exists('graph.dot'), os.path.exists(os.path.join('.', 'graph.dot')), os.path.exists('graph.png'))
# expect: False
# expect: None
# expect: True True False

np.random.seed(0)
model = MLP((4, 2))
data = np.random.rand(3, 5)
before = model(data)
model.save_weights('mlp_weights.npz')
print(os.path.exists('mlp_weights.npz'), os.path.splitext('mlp_weights.npz'))
# expect: True ('mlp_weights', '.npz')
fresh = MLP((4, 2))
fresh.load_weights('mlp_weights.npz')
after = fresh(data)
print(np.array_equal(before.data, after.data), after.shape, fresh.l0.W.shape, fresh.l0.W.dtype, fresh.l0.b.dtype)
# expect: True (3, 2) (5, 4) float64 float32
saved = np.load('mlp_weights.npz')
print(sorted(saved.files))
# expect: ['l0/W', 'l0/b', 'l1/W', 'l1/b']
try:
    fresh.load_weights('missing.npz')
except FileNotFoundError as e:
    print('FileNotFoundError', e)
# expect: FileNotFoundError [Errno 2] No such file or directory: 'missing.npz'
