# NumPy as a from-scratch DeZero uses it: a tiny autograd (steps 1-9 of the book), utilities
# like sum_to / logsumexp / im2col, and a softmax-cross-entropy training step.
import numpy as np


def as_array(x):
    if np.isscalar(x):
        return np.array(x)
    return x


class Variable:
    __array_priority__ = 200

    def __init__(self, data):
        if data is not None and not isinstance(data, np.ndarray):
            raise TypeError('%s is not supported' % type(data))
        self.data = data
        self.grad = None
        self.creator = None

    def backward(self):
        if self.grad is None:
            self.grad = np.ones_like(self.data)
        funcs = [self.creator]
        while funcs:
            f = funcs.pop()
            x, y = f.input, f.output
            x.grad = f.backward(y.grad)
            if x.creator is not None:
                funcs.append(x.creator)


class Function:
    def __call__(self, input):
        y = self.forward(input.data)
        output = Variable(as_array(y))
        output.creator = self
        self.input, self.output = input, output
        return output


class Square(Function):
    def forward(self, x):
        return x ** 2

    def backward(self, gy):
        return 2 * self.input.data * gy


class Exp(Function):
    def forward(self, x):
        return np.exp(x)

    def backward(self, gy):
        return np.exp(self.input.data) * gy


def numerical_diff(f, x, eps=1e-4):
    x0, x1 = Variable(as_array(x.data - eps)), Variable(as_array(x.data + eps))
    return (f(x1).data - f(x0).data) / (2 * eps)


x = Variable(np.array(0.5))
y = Square()(Exp()(Square()(x)))
y.backward()
print(y.data, x.grad, type(y.data).__name__, type(x.grad).__name__)
# expect: 1.648721270700128 3.297442541400256 ndarray float64
print(numerical_diff(lambda v: Square()(Square()(v)), Variable(np.array(0.5))))
# expect: 0.5000000199999535
try:
    Variable(1.0)
except TypeError as e:
    print(e)
# expect: <class 'float'> is not supported


def sum_to(x, shape):
    ndim = len(shape)
    lead = x.ndim - ndim
    lead_axis = tuple(range(lead))
    axis = tuple([i + lead for i, sx in enumerate(shape) if sx == 1])
    y = x.sum(lead_axis + axis, keepdims=True)
    if lead > 0:
        y = y.squeeze(lead_axis)
    return y


def logsumexp(x, axis=1):
    m = x.max(axis=axis, keepdims=True)
    y = x - m
    np.exp(y, out=y)
    s = y.sum(axis=axis, keepdims=True)
    np.log(s, out=s)
    m += s
    return m


def get_conv_outsize(input_size, kernel_size, stride, pad):
    return (input_size + pad * 2 - kernel_size) // stride + 1


def im2col_array(img, kernel_size, stride, pad):
    N, C, H, W = img.shape
    KH, KW = kernel_size
    OH = get_conv_outsize(H, KH, stride, pad)
    OW = get_conv_outsize(W, KW, stride, pad)
    img = np.pad(img, ((0, 0), (0, 0), (pad, pad + stride - 1), (pad, pad + stride - 1)), mode='constant', constant_values=(0,))
    col = np.ndarray((N, C, KH, KW, OH, OW), dtype=img.dtype)
    for j in range(KH):
        j_lim = j + stride * OH
        for i in range(KW):
            i_lim = i + stride * OW
            col[:, :, j, i, :, :] = img[:, :, j:j_lim:stride, i:i_lim:stride]
    return col.transpose((0, 4, 5, 1, 2, 3)).reshape((N * OH * OW, -1))


print(sum_to(np.ones((2, 3, 4)), (3, 1)))
# expect: [[8.]
# expect:  [8.]
# expect:  [8.]]
print(logsumexp(np.array([[1.0, 2.0, 3.0], [0.0, 0.0, 0.0]])))
# expect: [[3.40760596]
# expect:  [1.09861229]]
col = im2col_array(np.arange(16, dtype=np.float32).reshape(1, 1, 4, 4), (2, 2), 2, 0)
print(col, col.dtype)
# expect: [[ 0.  1.  4.  5.]
# expect:  [ 2.  3.  6.  7.]
# expect:  [ 8.  9. 12. 13.]
# expect:  [10. 11. 14. 15.]] float32
print(im2col_array(np.arange(9.0).reshape(1, 1, 3, 3), (2, 2), 1, 1).shape)
# expect: (16, 4)

# one step of softmax regression on a fixed batch
np.random.seed(0)
X = np.random.randn(6, 4)
t = np.array([0, 1, 2, 1, 0, 2])
W = 0.01 * np.random.randn(4, 3).astype(np.float32)
b = np.zeros(3, dtype=np.float32)
print(W.dtype, (X @ W).dtype, (W * np.sqrt(1 / 4)).dtype)
# expect: float32 float64 float64
for step in range(3):
    score = X.dot(W) + b
    score = score - score.max(axis=1, keepdims=True)
    p = np.exp(score) / np.exp(score).sum(axis=1, keepdims=True)
    loss = -np.log(p[np.arange(len(t)), t]).mean()
    acc = (p.argmax(axis=1) == t).mean()
    dscore = p.copy()
    dscore[np.arange(len(t)), t] -= 1
    dscore /= len(t)
    W -= 0.5 * X.T.dot(dscore)
    b -= 0.5 * dscore.sum(axis=0)
    print(step, float(loss), loss, acc, type(acc).__name__)
# expect: 0 1.0963468797666576 1.0963468797666576 0.3333333333333333 float64
# expect: 1 0.840469384789663 0.840469384789663 0.6666666666666666 float64
# expect: 2 0.7421981971973954 0.7421981971973954 0.6666666666666666 float64
print(W.dtype, b.dtype)
# expect: float32 float32
print('loss %.4f acc %.2f' % (loss, acc), f'{loss:.6f}', '{:.3f}'.format(acc))
# expect: loss 0.7422 acc 0.67 0.742198 0.667
one_hot = np.eye(3)[t]
print(one_hot)
# expect: [[1. 0. 0.]
# expect:  [0. 1. 0.]
# expect:  [0. 0. 1.]
# expect:  [0. 1. 0.]
# expect:  [1. 0. 0.]
# expect:  [0. 0. 1.]]
batch_index = np.random.permutation(6)[:4]
print(X[batch_index].shape, t[batch_index])
# expect: (4, 4) [0 1 0 2]
