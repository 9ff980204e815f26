"""dezero.utils: sum_to and friends, and the DOT text of a graph."""
import os
import numpy as np


def _dot_var(v, verbose=False):
    name = '' if v.name is None else v.name
    if verbose and v.data is not None:
        if v.name is not None:
            name += ': '
        name += str(v.shape) + ' ' + str(v.dtype)
    return '{} [label="{}", color=orange, style=filled]\n'.format(id(v), name)


def _dot_func(f):
    txt = '{} [label="{}", color=lightblue, style=filled, shape=box]\n'.format(id(f), f.__class__.__name__)
    for x in f.inputs:
        txt += '{} -> {}\n'.format(id(x), id(f))
    for y in f.outputs:
        txt += '{} -> {}\n'.format(id(f), id(y()))
    return txt


def get_dot_graph(output, verbose=True):
    txt, funcs, seen = '', [], set()

    def add_func(f):
        if f not in seen:
            funcs.append(f)
            seen.add(f)

    add_func(output.creator)
    txt += _dot_var(output, verbose)
    while funcs:
        func = funcs.pop()
        txt += _dot_func(func)
        for x in func.inputs:
            txt += _dot_var(x, verbose)
            if x.creator is not None:
                add_func(x.creator)
    return 'digraph g {\n' + txt + '}'


def plot_dot_graph(output, verbose=True, to_file='graph.png'):
    dot = get_dot_graph(output, verbose)
    base, ext = os.path.splitext(to_file)
    with open(base + '.dot', 'w') as f:
        f.write(dot)


def sum_to(x, shape):
    ndim = len(shape)
    lead = x.ndim - ndim
    lead_axis = tuple(range(lead))
    axis = tuple([i + lead for i, sx in enumerate(shape) if sx == 1])
    y = x.sum(lead_axis + axis, keepdims=True)
    if lead > 0:
        y = y.squeeze(lead_axis)
    return y


def reshape_sum_backward(gy, x_shape, axis, keepdims):
    ndim = len(x_shape)
    tupled_axis = axis
    if axis is None:
        tupled_axis = None
    elif not isinstance(axis, tuple):
        tupled_axis = (axis,)
    if not (ndim == 0 or tupled_axis is None or keepdims):
        actual_axis = [a if a >= 0 else a + ndim for a in tupled_axis]
        shape = list(gy.shape)
        for a in sorted(actual_axis):
            shape.insert(a, 1)
    else:
        shape = gy.shape
    return gy.reshape(shape)


def logsumexp(x, axis=1):
    m = x.max(axis=axis, keepdims=True)
    y = x - m
    np.exp(y, out=y)
    s = y.sum(axis=axis, keepdims=True)
    np.log(s, out=s)
    m += s
    return m


def max_backward_shape(x, axis):
    if axis is None:
        axis = range(x.ndim)
    elif isinstance(axis, int):
        axis = (axis,)
    return [s if ax not in axis else 1 for ax, s in enumerate(x.shape)]


def numerical_grad(f, x, *args, **kwargs):
    eps = 1e-4
    x = x.data if hasattr(x, 'data') and not isinstance(x, np.ndarray) else x
    grad = np.zeros_like(x)
    it = np.nditer(x, flags=['multi_index'], op_flags=['readwrite'])
    while not it.finished:
        idx = it.multi_index
        tmp = x[idx].copy()
        x[idx] = tmp + eps
        y1 = f(x, *args, **kwargs)
        y1 = y1.data if hasattr(y1, 'data') else y1
        y1 = y1.copy()
        x[idx] = tmp - eps
        y2 = f(x, *args, **kwargs)
        y2 = y2.data if hasattr(y2, 'data') else y2
        y2 = y2.copy()
        grad[idx] = (y1 - y2).sum() / (2 * eps)
        x[idx] = tmp
        it.iternext()
    return grad
