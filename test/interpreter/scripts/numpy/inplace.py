# In-place operators mutate the array and keep its dtype (same-kind casting), views included.
import numpy as np

a = np.array([1.0, 2.0, 3.0])
alias = a
a += 1
a -= np.array([0.5, 0.5, 0.5])
a *= 2
a /= 4
a **= 2
print(a, alias is a, alias)
# expect: [0.5625 1.5625 3.0625] True [0.5625 1.5625 3.0625]
v = a[1:]
v *= 10
print(a)
# expect: [ 0.5625 15.625  30.625 ]

i = np.arange(4)
i += 2
i *= np.int32(3)
i //= 2
i %= 5
print(i, i.dtype)
# expect: [3 4 1 2] int64
i -= True
print(i)
# expect: [2 3 0 1]
f32 = np.ones(2, np.float32)
f32 += 0.1
f32 *= np.float64(3)
print(repr(f32))
# expect: array([3.3000002, 3.3000002], dtype=float32)
bits = np.array([True, False])
bits |= np.array([False, True])
bits &= True
print(bits)
# expect: [ True  True]
u = np.arange(3)
u += u
print(u)
# expect: [0 2 4]
m = np.ones((2, 3))
m += np.array([1, 2, 3])
m /= m.sum(axis=1, keepdims=True)
print(m)
# expect: [[0.22222222 0.33333333 0.44444444]
# expect:  [0.22222222 0.33333333 0.44444444]]

def attempt(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)

def add_float():
    x = np.arange(3)
    x += 1.5
def div_int():
    x = np.arange(3)
    x /= 2
def bad_shape():
    x = np.zeros(3)
    x += np.ones((2, 3))
def bool_sub():
    x = np.array([True])
    x -= True
attempt(add_float)
# expect: UFuncTypeError Cannot cast ufunc 'add' output from dtype('float64') to dtype('int64') with casting rule 'same_kind'
attempt(div_int)
# expect: UFuncTypeError Cannot cast ufunc 'divide' output from dtype('float64') to dtype('int64') with casting rule 'same_kind'
attempt(bad_shape)
# expect: ValueError non-broadcastable output operand with shape (3,) doesn't match the broadcast shape (2,3)
attempt(bool_sub)
# expect: TypeError numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, the `^` operator, or the logical_xor function instead.

# an in-place op on a scalar rebinds the name (scalars are immutable)
s = np.float64(1.5)
t = s
s += 1
print(repr(s), repr(t))
# expect: np.float64(2.5) np.float64(1.5)
# augmented assignment through an index writes back into the array
g = np.zeros((2, 2))
g[0] += 1
g[:, 1] *= 3
g[1, 1] -= 2
g[np.array([True, False])] += 5
print(g)
# expect: [[ 6.  8.]
# expect:  [ 0. -2.]]
w = {'W': np.ones(2)}
w['W'] -= 0.1 * np.array([1.0, 2.0])
print(w['W'])
# expect: [0.9 0.8]
