# Ufuncs: element-wise math, out=, scalar results, and the methods at / reduce / accumulate / outer.
import numpy as np

x = np.array([0.5, 1.0, 2.0, 4.0])
print(np.exp(x), np.log(x), np.log2(x), np.log10(x))
# expect: [ 1.64872127  2.71828183  7.3890561  54.59815003] [-0.69314718  0.          0.69314718  1.38629436] [-1.  0.  1.  2.] [-0.30103     0.          0.30103     0.60205999]
print(np.sqrt(x), np.square(x), np.abs(-x), np.absolute(np.array([-1, 2])), np.sign(np.array([-2.0, 0.0, 3.0])))
# expect: [0.70710678 1.         1.41421356 2.        ] [ 0.25  1.    4.   16.  ] [0.5 1.  2.  4. ] [1 2] [-1.  0.  1.]
print(np.sin(x), np.cos(x), np.tan(x))
# expect: [ 0.47942554  0.84147098  0.90929743 -0.7568025 ] [ 0.87758256  0.54030231 -0.41614684 -0.65364362] [ 0.54630249  1.55740772 -2.18503986  1.15782128]
print(np.tanh(x), np.sinh(x), np.cosh(x))
# expect: [0.46211716 0.76159416 0.96402758 0.9993293 ] [ 0.52109531  1.17520119  3.62686041 27.2899172 ] [ 1.12762597  1.54308063  3.76219569 27.30823284]
print(np.arcsin(x / 4), np.arccos(x / 4), np.arctan(x), np.arctan2(x, 2.0))
# expect: [0.12532783 0.25268026 0.52359878 1.57079633] [1.4454685  1.31811607 1.04719755 0.        ] [0.46364761 0.78539816 1.10714872 1.32581766] [0.24497866 0.46364761 0.78539816 1.10714872]
print(np.log1p(x), np.expm1(x), np.exp2(x), np.cbrt(np.array([8.0, -27.0])))
# expect: [0.40546511 0.69314718 1.09861229 1.60943791] [ 0.64872127  1.71828183  6.3890561  53.59815003] [ 1.41421356  2.          4.         16.        ] [ 2. -3.]
print(np.floor(np.array([-1.5, 1.5])), np.ceil(np.array([-1.5, 1.5])), np.trunc(np.array([-1.7, 1.7])), np.rint(np.array([0.5, 1.5, 2.5])))
# expect: [-2.  1.] [-1.  2.] [-1.  1.] [0. 2. 2.]
print(np.round(np.array([0.125, 2.675, -1.5]), 2), np.around(np.array([1234.5]), -2), np.round(np.array([1, 15, 25]), -1))
# expect: [ 0.12  2.68 -1.5 ] [1200.] [ 0 20 20]
print(np.negative(x), np.positive(x), np.reciprocal(x), np.power(x, 2), np.power(2, np.arange(4)))
# expect: [-0.5 -1.  -2.  -4. ] [0.5 1.  2.  4. ] [2.   1.   0.5  0.25] [ 0.25  1.    4.   16.  ] [1 2 4 8]
print(np.add(x, 1), np.subtract(1, x), np.multiply(x, x), np.divide(x, 2), np.true_divide(1, x), np.floor_divide(x, 0.3))
# expect: [1.5 2.  3.  5. ] [ 0.5  0.  -1.  -3. ] [ 0.25  1.    4.   16.  ] [0.25 0.5  1.   2.  ] [2.   1.   0.5  0.25] [ 1.  3.  6. 13.]
print(np.mod(np.arange(-3, 4), 3), np.remainder(-7.5, 2), np.fmax(np.array([1.0, np.nan]), 0), np.fmin(np.array([1.0, np.nan]), 0))
# expect: [0 1 2 0 1 2 0] 0.5 [1. 0.] [0. 0.]
print(np.maximum(x, 1.5), np.minimum(x, np.array([1, 1, 1, 1])), np.maximum(np.array([np.nan, 1.0]), 0), np.hypot(3.0, 4.0))
# expect: [1.5 1.5 2.  4. ] [0.5 1.  1.  1. ] [nan  1.] 5.0
print(np.isnan(np.array([np.nan, 1.0])), np.isinf(np.array([np.inf, 1.0])), np.isfinite(np.array([np.nan, np.inf, 0.0])))
# expect: [ True False] [ True False] [False False  True]
print(np.equal(x, 1.0), np.not_equal(x, 1.0), np.less(x, 1), np.less_equal(x, 1), np.greater(x, 1), np.greater_equal(x, 1))
# expect: [False  True False False] [ True False  True  True] [ True False False False] [ True  True False False] [False False  True  True] [False  True  True  True]
print(np.logical_and(x > 0.6, x < 3), np.logical_or(x < 0.6, x > 3), np.logical_not(x > 1), np.logical_xor(x > 0.6, x > 1.5))
# expect: [False  True  True False] [ True False False  True] [ True  True False False] [False  True False False]
print(np.degrees(np.pi), np.radians(180.0), np.rad2deg(np.array([np.pi / 2])), np.deg2rad(90))
# expect: 180.0 3.141592653589793 [90.] 1.5707963267948966
print(repr(np.exp(0.5)), repr(np.log(10)), repr(np.sqrt(2)), repr(np.add(1, 2)), repr(np.maximum(1.5, 2)), repr(np.sin(np.float64(1))))
# expect: np.float64(1.6487212707001282) np.float64(2.302585092994046) np.float64(1.4142135623730951) np.int64(3) np.float64(2.0) np.float64(0.8414709848078965)
print(repr(np.tanh(np.array(0.5))), repr(np.isnan(np.nan)), repr(np.abs(-3)), repr(np.sign(-2.5)), repr(np.floor(2.5)))
# expect: np.float64(0.46211715726000974) np.True_ np.int64(3) np.float64(-1.0) np.float64(2.0)
out = np.empty(4)
r = np.exp(x, out=out)
print(r is out, out)
# expect: True [ 1.64872127  2.71828183  7.3890561  54.59815003]
o2 = np.zeros(4)
np.add(x, x, o2)
print(o2)
# expect: [1. 2. 4. 8.]
np.multiply(x, 2, out=x)
print(x)
# expect: [1. 2. 4. 8.]
print(np.add, np.exp, np.add.__name__, np.exp.nin, np.add.nin, np.true_divide is np.divide, np.abs is np.absolute, type(np.add))
# expect: <ufunc 'add'> <ufunc 'exp'> add 1 2 True True <class 'numpy.ufunc'>

# ufunc methods
g = np.zeros(5)
np.add.at(g, [0, 1, 1, 4], 1)
np.add.at(g, np.array([2, 2]), np.array([0.5, 0.25]))
print(g)
# expect: [1.   2.   0.75 0.   1.  ]
gx = np.zeros((3, 4))
np.add.at(gx, (slice(None), [0, 0, 2]), np.ones((3, 3)))
print(gx)
# expect: [[2. 0. 1. 0.]
# expect:  [2. 0. 1. 0.]
# expect:  [2. 0. 1. 0.]]
w = np.zeros((4, 2))
np.add.at(w, np.array([0, 2, 0]), np.array([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]]))
print(w)
# expect: [[6. 8.]
# expect:  [0. 0.]
# expect:  [3. 4.]
# expect:  [0. 0.]]
cnt = np.zeros(3, dtype=int)
np.add.at(cnt, [0, 0, 2], 1)
np.subtract.at(cnt, [1], 5)
np.maximum.at(cnt, [0, 2], [1, 7])
np.multiply.at(cnt, [2, 2], 2)
print(cnt)
# expect: [ 2 -5 28]
m = np.arange(6).reshape(2, 3)
print(np.add.reduce(m), np.add.reduce(m, axis=1), repr(np.add.reduce(m, axis=None)), np.multiply.reduce(m + 1, axis=0))
# expect: [3 5 7] [ 3 12] np.int64(15) [ 4 10 18]
print(np.maximum.reduce(m, axis=1), np.minimum.reduce(m), np.logical_or.reduce(m > 4), np.subtract.reduce(np.array([10, 3, 2])))
# expect: [2 5] [0 1 2] [False False  True] 5
print(np.add.accumulate(np.arange(5)), np.multiply.accumulate(np.arange(1, 5)), np.maximum.accumulate(np.array([1, 3, 2, 5])), np.add.accumulate(m, axis=1))
# expect: [ 0  1  3  6 10] [ 1  2  6 24] [1 3 3 5] [[ 0  1  3]
# expect:  [ 3  7 12]]
print(np.add.outer(np.arange(3), np.arange(2)), np.multiply.outer([1, 2], [3, 4, 5]), np.subtract.outer(np.ones(2), np.zeros(2)).shape)
# expect: [[0 1]
# expect:  [1 2]
# expect:  [2 3]] [[ 3  4  5]
# expect:  [ 6  8 10]] (2, 2)
print(np.exp([0, 1]), np.sqrt([4.0, 9.0]), np.maximum([1, 5], [3, 2]), np.add((1, 2), [3, 4]))
# expect: [1.         2.71828183] [2. 3.] [3 5] [4 6]
