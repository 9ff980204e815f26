"""Dev check: the numbers in this folder's `# expect:` lines, recomputed with plain NumPy —
closed-form derivatives, finite differences and the models' forward passes written out —
without any autodiff. Each check prints the value NumPy gives beside the line's; a value
agrees when it is equal, or within the stated tolerance when the expected line went through a
different order of operations (autodiff multiplies the chain rule's factors in its own order).

    python3 test/interpreter/scripts/dezero/check_numpy.py
"""
import math
import os
import re
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
NUM = re.compile(r'[-+]?(?:\d+\.\d*|\.\d+|\d+)(?:[eE][-+]?\d+)?')
failures = []


def expect_lines(script):
    out = []
    for line in open(os.path.join(HERE, script), encoding='utf-8'):
        m = re.search(r'#\s*expect:(.*)$', line.rstrip('\n'))
        if m:
            out.append(m.group(1)[1:] if m.group(1).startswith(' ') else m.group(1))
    return out


def numbers(script, prefix, nth=0):
    """All the numbers of the nth expect line of `script` that starts with `prefix`."""
    hits = [line for line in expect_lines(script) if line.startswith(prefix)]
    if len(hits) <= nth:
        failures.append(f'{script}: no expect line starting with {prefix!r}')
        return [float('nan')] * 8
    return [float(v) for v in NUM.findall(hits[nth])]


def check(script, what, computed, expected, rel=0.0, abs_=0.0):
    computed = np.atleast_1d(np.asarray(computed, dtype=float)).ravel()
    expected = np.atleast_1d(np.asarray(expected, dtype=float)).ravel()
    ok = computed.shape == expected.shape and bool(np.all(np.abs(computed - expected) <= np.maximum(abs_, rel * np.abs(expected))))
    print(f'{"ok  " if ok else "FAIL"}  {script}: {what}: numpy {computed.tolist()} vs expected {expected.tolist()}')
    if not ok:
        failures.append(f'{script}: {what}')


def custom_functions():
    s = 'custom_functions.py'
    x = 0.5
    check(s, 'exp(x^2)^2 at 0.5 (same operations)', np.exp(np.array(x) ** 2) ** 2, numbers(s, '1.6'))
    check(s, 'd/dx = 4x exp(2x^2)', 4 * x * math.exp(2 * x * x), numbers(s, 'variable(3.'), rel=1e-15)
    a, b = np.array([1.0, 2.0, 3.0]), np.array([10.0, 20.0, 30.0])
    check(s, '2a - b', 2 * a - b, numbers(s, 'variable([ -8.'))
    check(s, 'grads 2 and -1', [2, 2, 2, -1, -1, -1], numbers(s, 'variable([2. 2. 2.])'))
    t = np.pi / 3
    check(s, 'sin, cos at pi/3 (12 places)', [round(math.sin(t), 12), round(math.cos(t), 12)], numbers(s, '0.866'))
    check(s, 'd/dt sin t cos t = cos 2t', round(math.cos(2 * t), 12), numbers(s, '-0.5'))
    check(s, 'd/dt sin t = cos t', round(math.cos(t), 12), numbers(s, '0.5', 0))
    check(s, '(x^2)^2 at 3 and 4x^3', [81, 108], numbers(s, '81.0'))


def operators_numpy():
    s = 'operators_numpy.py'
    x = 2.0
    rows = {'ndarray + x': (3 + x, 1), 'ndarray - x': (1 - x, -1), 'ndarray / x': (8 / x, -8 / x ** 2),
            'float64 * x': (1.5 * x, 1.5), 'x ** 3': (x ** 3, 3 * x ** 2), '-x': (-x, -1)}
    for prefix, (value, grad) in rows.items():
        check(s, prefix, [value, grad], numbers(s, prefix)[-2:])
    a, b = np.array([[1.0], [2.0], [3.0]]), np.array([10.0, 20.0])
    check(s, 'd(a*b)/da = sum b', np.broadcast_to(b.sum(), (3, 1)).ravel(), [30, 30, 30])
    check(s, 'd(a*b)/db = sum a', [a.sum()] * 2, numbers(s, 'variable([6. 6.])'))


def double_backprop():
    s = 'double_backprop.py'
    x, iterates = 2.0, []
    for _ in range(6):
        iterates.append(x)
        x = x - (4 * x ** 3 - 4 * x) / (12 * x ** 2 - 4)
    expected = [numbers(s, f'{i} variable(')[1] for i in range(6)]
    check(s, "Newton's iterates x - f'/f''", iterates, expected, rel=1e-15)
    A, xv, v = np.array([[2.0, 1.0], [1.0, 3.0]]), np.array([1.0, 2.0]), np.array([1.0, -1.0])
    check(s, 'grad = A x', A @ xv, numbers(s, 'variable([[4.'))
    check(s, 'Hv = A v', A @ v, numbers(s, 'variable([[ 1.'))
    t = math.tanh(1.0)
    s2 = 1 - t * t
    derivs = [s2, -2 * t * s2, s2 * (6 * t * t - 2), s2 * (16 * t - 24 * t ** 3), s2 * (16 - 120 * t * t + 120 * t ** 4)]
    for n, d in enumerate(derivs, 1):
        check(s, f'tanh^({n})(1) as a polynomial in tanh(1)', round(d, 10), numbers(s, f'order {n}: ')[1])
    W1 = np.array([[0.5, -1.0, 0.25], [1.5, 0.5, -0.75]])
    w2 = np.array([[1.0], [-2.0], [0.5]])
    xs = np.array([[0.2, -0.4], [1.0, 0.3]])

    def penalty(W1, w2):
        h = np.tanh(xs @ W1)
        g = ((1 - h * h) * w2.T) @ W1.T  # dD/dx for D = sum(tanh(x W1) w2)
        return np.mean((np.sqrt((g * g).sum(axis=1)) - 1) ** 2)

    def fd(f, p, eps=1e-6):
        g = np.zeros_like(p)
        for i in np.ndindex(p.shape):
            hi, lo = p.copy(), p.copy()
            hi[i] += eps
            lo[i] -= eps
            g[i] = (f(hi) - f(lo)) / (2 * eps)
        return g

    check(s, 'gradient penalty (closed-form input gradient)', penalty(W1, w2), numbers(s, 'penalty'), abs_=5e-9)
    check(s, 'd penalty / dW1 (central differences)', fd(lambda p: penalty(p, w2), W1), numbers(s, 'dW1')[1:], abs_=1e-7)
    check(s, 'd penalty / dw2 (central differences)', fd(lambda p: penalty(W1, p), w2), numbers(s, 'dw2')[1:], abs_=1e-7)


def models_training():
    s = 'models_training.py'
    np.random.seed(0)
    x = np.random.rand(64, 1)
    y = 2 * x ** 2 - x + 0.1 * np.random.rand(64, 1)
    # Linear initialises W at its first call: l1 (in 1) then l2 (in 8); b is float32 zeros.
    W1 = np.random.randn(1, 8).astype(np.float32) * np.sqrt(1 / 1)
    W2 = np.random.randn(8, 1).astype(np.float32) * np.sqrt(1 / 8)
    b1, b2 = np.zeros(8, np.float32), np.zeros(1, np.float32)
    h = x.dot(W1)
    h += b1
    p = np.maximum(h, 0.0).dot(W2)
    p += b2
    p = p * np.array(1.0)
    diff = y - p
    check(s, 'untrained loss: relu(x W1 + b1) W2 + b2, mean squared error', (diff ** 2).sum() / len(diff), numbers(s, 'variable(0.'))
    check(s, 'parameter count 1*8+8 + 8*1+1 + 1', 1 * 8 + 8 + 8 * 1 + 1 + 1, numbers(s, '26')[0])
    t = 201
    check(s, "Adam's lr after 201 steps", round(0.05 * math.sqrt(1 - 0.999 ** t) / (1 - 0.9 ** t), 6), numbers(s, 'adam t=201 lr=')[1])


def generators_data():
    s = 'generators_data.py'
    x = np.arange(10.0).reshape(10, 1) / 10
    t = 3 * x + 0.5
    X = np.hstack([x, np.ones_like(x)])
    w, b = np.linalg.lstsq(X, t, rcond=None)[0].ravel()
    check(s, 'least squares w, b (the fit the loop converges to)', [round(w, 6), round(b, 6)], numbers(s, 'epoch 200')[1:3])


def datasets_loader():
    s = 'datasets_loader.py'
    np.random.seed(0)
    check(s, 'np.random.permutation(10) after seed 0', np.random.permutation(10), numbers(s, '[2 8'))
    squares = (np.arange(10) ** 2).tolist()
    check(s, 'labels of the first two batches', squares[:8], numbers(s, '(4, 1) float64 [0')[3:7] + numbers(s, '(4, 1) float64 [16')[3:7])


for f in (custom_functions, operators_numpy, double_backprop, models_training, generators_data, datasets_loader):
    f()
print(f'{len(failures)} failure(s)' if failures else 'all numbers agree')
sys.exit(1 if failures else 0)
