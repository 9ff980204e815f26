# Engine gap: float64 exp and power with a non-integer exponent use JavaScript's Math.exp /
# Math.pow, which are not correctly rounded; NumPy's results (glibc) differ in the last digit.
import numpy as np

print(repr(np.exp(0.24990001)), repr(np.exp(np.array([0.24990001]))))
# expect: np.float64(1.283897033404956) array([1.28389703])
print(repr(2 ** np.float64(2.5)), repr(np.power(2.5, 2.5)), repr(np.array([7.77]) ** 2.5))
# expect: np.float64(5.656854249492381) np.float64(9.882117688026186) array([168.28776668])


def numerical_diff(f, x, eps=1e-4):
    return (f(x + eps) - f(x - eps)) / (2 * eps)


print(numerical_diff(lambda v: np.exp(v ** 2) ** 2, np.array(0.5)))
# expect: 3.2974426293330694
