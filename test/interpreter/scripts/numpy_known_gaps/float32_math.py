# Engine gap: NumPy computes float32 exp/log/sin/cos/tanh with its own SIMD float32 kernels,
# whose results are not the correctly rounded float64 result cast to float32.
import numpy as np

x = np.float32(1)
print(repr(np.exp(x)), repr(np.sin(x)), repr(np.cos(x)))
# expect: np.float32(2.718282) np.float32(0.841471) np.float32(0.5403023)
print(np.exp(np.ones(3, np.float32)), np.tanh(np.linspace(-2, 2, 5).astype(np.float32)))
# expect: [2.718282 2.718282 2.718282] [-0.9640276 -0.7615942  0.         0.7615942  0.9640276]
