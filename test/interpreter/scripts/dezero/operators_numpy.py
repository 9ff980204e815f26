# Variable's operators with NumPy arrays and Python numbers on either side. An ndarray on the
# left defers to the Variable (__array_priority__ = 200), so `np.array(2.0) + x` is a Variable
# and its gradient reaches x; broadcasting gradients come back through sum_to.
# Expectations: by hand (each value and gradient is small arithmetic), checked with CPython +
# NumPy + the reference DeZero by check_with_ref.py (which exercises NumPy's real deferral).
import numpy as np
from dezero import Variable

x = Variable(np.array(2.0))
for name, y in [('ndarray + x', np.array(3.0) + x), ('x + ndarray', x + np.array(3.0)),
                ('ndarray * x', np.array([1.0, 2.0]) * x), ('ndarray - x', np.array(1.0) - x),
                ('ndarray / x', np.array(8.0) / x), ('float64 * x', np.float64(1.5) * x),
                ('3 + x', 3 + x), ('x ** 3', x ** 3), ('-x', -x)]:
    x.cleargrad()
    y.backward()
    print(f'{name:12} {type(y).__name__} {y} grad {x.grad}')
# expect: ndarray + x  Variable variable(5.0) grad variable(1.0)
# expect: x + ndarray  Variable variable(5.0) grad variable(1.0)
# expect: ndarray * x  Variable variable([2. 4.]) grad variable(3.0)
# expect: ndarray - x  Variable variable(-1.0) grad variable(-1.0)
# expect: ndarray / x  Variable variable(4.0) grad variable(-2.0)
# expect: float64 * x  Variable variable(3.0) grad variable(1.5)
# expect: 3 + x        Variable variable(5.0) grad variable(1.0)
# expect: x ** 3       Variable variable(8.0) grad variable(12.0)
# expect: -x           Variable variable(-2.0) grad variable(-1.0)

# Broadcasting: (3, 1) + (2,) -> (3, 2); each input's gradient has its own shape.
a = Variable(np.array([[1.0], [2.0], [3.0]]))
b = Variable(np.array([10.0, 20.0]))
c = a * b + np.array([[0.5, 0.25]])
print(c.shape, c.data.dtype)
# expect: (3, 2) float64
c.backward()
print(a.grad)
# expect: variable([[30.]
# expect:           [30.]
# expect:           [30.]])
print(b.grad)
# expect: variable([6. 6.])

# Integer data stays integer; mixing with a float promotes as NumPy does.
i = Variable(np.array([1, 2, 3]))
print(i * 2, (i / 2).data.dtype, (i + 0.5).data)
# expect: variable([2 4 6]) float64 [1.5 2.5 3.5]

# Indexing, reshape, transpose and sum are graph operations too.
m = Variable(np.arange(6.0).reshape(2, 3))
m.name = 'm'
s = m[1, 1:] * 2 + m.T.reshape(6)[0]
print(s)
# expect: variable([ 8. 10.])
s.backward()
print(m.grad)
# expect: variable([[2. 0. 0.]
# expect:           [0. 2. 2.]])
print(len(m), m.ndim, m.size, m.dtype, m.name, m.sum(axis=0))
# expect: 2 2 6 float64 m variable([3. 5. 7.])

# Operators that DeZero does not define stay Python's.
try:
    x > 1
except TypeError as e:
    print('TypeError:', e)
# expect: TypeError: '>' not supported between instances of 'Variable' and 'int'
try:
    Variable(1.0)
except TypeError as e:
    print('TypeError:', e)
# expect: TypeError: <class 'float'> is not supported
try:
    Variable([1, 2])
except TypeError as e:
    print('TypeError:', e)
# expect: TypeError: <class 'list'> is not supported
