# Double backprop: backward(create_graph=True) makes the gradient a Variable with a graph of
# its own, which can be differentiated again — Newton's method, a Hessian-vector product,
# tanh's higher derivatives (the graph grows: node counts printed), a gradient penalty.
# Expectations: Newton's iterates are the book's (step 33) and follow from
# x <- x - (4x^3 - 4x)/(12x^2 - 4); Hv = A v for f = x'Ax/2; the tanh derivatives are the
# polynomials in t = tanh(1) checked by check_numpy.py; the node counts and the penalty
# gradient come from CPython + the reference DeZero (check_with_ref.py) and, for the penalty,
# from the closed-form gradient in check_numpy.py.
import numpy as np
from dezero import Variable
import dezero.functions as F


def f(x):
    return x ** 4 - 2 * x ** 2


x = Variable(np.array(2.0))
for i in range(6):
    print(i, x)
    y = f(x)
    x.cleargrad()
    y.backward(create_graph=True)
    gx = x.grad
    x.cleargrad()
    gx.backward()
    gx2 = x.grad
    x.data -= gx.data / gx2.data
# expect: 0 variable(2.0)
# expect: 1 variable(1.4545454545454546)
# expect: 2 variable(1.1510467893775467)
# expect: 3 variable(1.0253259289766978)
# expect: 4 variable(1.0009084519430513)
# expect: 5 variable(1.0000012353089454)
print(type(gx).__name__, gx.creator is not None, gx2.creator is None)
# expect: Variable True True

# Hessian-vector product without the Hessian: Hv = d/dx (grad f(x) . v).
A = np.array([[2.0, 1.0], [1.0, 3.0]])
x = Variable(np.array([[1.0], [2.0]]))
v = np.array([[1.0], [-1.0]])
fx = F.matmul(F.transpose(x), F.matmul(A, x)) / 2
fx.backward(create_graph=True)
g = x.grad
print(g.T)
# expect: variable([[4. 7.]])
x.cleargrad()
F.sum(g * v).backward()
print(x.grad.T)
# expect: variable([[ 1. -2.]])


def count_nodes(v):
    """Functions and variables reachable from v through creators."""
    funcs, seen_f, seen_v, stack = 0, set(), {id(v)}, [v]
    while stack:
        var = stack.pop()
        f = var.creator
        if f is None or id(f) in seen_f:
            continue
        seen_f.add(id(f))
        funcs += 1
        for inp in f.inputs:
            if id(inp) not in seen_v:
                seen_v.add(id(inp))
                stack.append(inp)
    return funcs, len(seen_v)


x = Variable(np.array(1.0))
y = F.tanh(x)
y.backward(create_graph=True)
for n in range(1, 6):
    gx = x.grad
    funcs, variables = count_nodes(gx)
    print(f'order {n}: {float(gx.data):+.10f}  {funcs} functions, {variables} variables')
    x.cleargrad()
    gx.backward(create_graph=True)
# expect: order 1: +0.4199743416  4 functions, 7 variables
# expect: order 2: -0.6397000084  9 functions, 13 variables
# expect: order 3: +0.6216266808  21 functions, 27 variables
# expect: order 4: +0.6650910448  51 functions, 59 variables
# expect: order 5: -5.5568935585  129 functions, 139 variables

# A gradient penalty (WGAN-GP): the penalty on the critic's input gradient is itself
# differentiated with respect to the critic's weights.
W1 = Variable(np.array([[0.5, -1.0, 0.25], [1.5, 0.5, -0.75]]))
w2 = Variable(np.array([[1.0], [-2.0], [0.5]]))
xs = Variable(np.array([[0.2, -0.4], [1.0, 0.3]]))
d = F.matmul(F.tanh(F.matmul(xs, W1)), w2)
F.sum(d).backward(create_graph=True)
gx = xs.grad
norm = F.sum(gx ** 2, axis=1) ** 0.5
penalty = F.sum((norm - 1) ** 2) / len(norm)
W1.cleargrad()
w2.cleargrad()
penalty.backward()
print('penalty %.8f' % float(penalty.data))
print('dW1', ' '.join('%.8f' % v for v in W1.grad.data.ravel()))
print('dw2', ' '.join('%.8f' % v for v in w2.grad.data.ravel()))
# expect: penalty 0.82387763
# expect: dW1 1.15527736 -1.55414144 0.72077225 -0.22897233 -0.36815064 0.00161744
# expect: dw2 0.52147067 -1.27177841 0.42232891
