# Printing arrays and scalars: repr, str and print, as NumPy 2 shows them.
import numpy as np

a = np.array([1.0, 2.5, -3.25])
print(a)
# expect: [ 1.    2.5  -3.25]
print(repr(a))
# expect: array([ 1.  ,  2.5 , -3.25])
print(np.array([1, 2, 3]))
# expect: [1 2 3]
print(repr(np.array([1, 2, 3], dtype=np.int32)))
# expect: array([1, 2, 3], dtype=int32)
print(repr(np.array([True, False, True])))
# expect: array([ True, False,  True])
print(repr(np.array([0.1, 0.2], dtype=np.float32)))
# expect: array([0.1, 0.2], dtype=float32)
print(np.array([0.1, 0.2], dtype=np.float32))
# expect: [0.1 0.2]
print(repr(np.array([1, 2], dtype=np.uint8)))
# expect: array([1, 2], dtype=uint8)
print(repr(np.zeros((2, 3))))
# expect: array([[0., 0., 0.],
# expect:        [0., 0., 0.]])
print(repr(np.arange(12).reshape(3, 4)))
# expect: array([[ 0,  1,  2,  3],
# expect:        [ 4,  5,  6,  7],
# expect:        [ 8,  9, 10, 11]])
print(np.arange(24).reshape(2, 3, 4))
# expect: [[[ 0  1  2  3]
# expect:   [ 4  5  6  7]
# expect:   [ 8  9 10 11]]
# expect:
# expect:  [[12 13 14 15]
# expect:   [16 17 18 19]
# expect:   [20 21 22 23]]]
print(repr(np.array([[1.5, -2.0], [1e-5, 3.0]])))
# expect: array([[ 1.5e+00, -2.0e+00],
# expect:        [ 1.0e-05,  3.0e+00]])
print(repr(np.array([1e10, 1.0])))
# expect: array([1.e+10, 1.e+00])
print(repr(np.array([1e-10, 1.0])))
# expect: array([1.e-10, 1.e+00])
print(repr(np.array([np.nan, np.inf, -np.inf, 1.0])))
# expect: array([ nan,  inf, -inf,   1.])
print(repr(np.array([0.0, -0.0])))
# expect: array([ 0., -0.])
print(repr(np.array([123456789.0, 0.5])))
# expect: array([1.23456789e+08, 5.00000000e-01])

# 0-d arrays and empty arrays
print(repr(np.array(5.0)), np.array(5.0), repr(np.array(3)), repr(np.array(True)))
# expect: array(5.) 5.0 array(3) array(True)
print(repr(np.array([])), repr(np.zeros((0, 3))), repr(np.array([], dtype=np.int32)))
# expect: array([], dtype=float64) array([], shape=(0, 3), dtype=float64) array([], dtype=int32)
print(np.array([]), np.zeros((2, 0)))
# expect: [] []

# summarised and wrapped arrays
print(np.arange(2000))
# expect: [   0    1    2 ... 1997 1998 1999]
print(repr(np.arange(1001.0)))
# expect: array([   0.,    1.,    2., ...,  998.,  999., 1000.], shape=(1001,))
print(np.arange(100).reshape(10, 10) * 1.5)
# expect: [[  0.    1.5   3.    4.5   6.    7.5   9.   10.5  12.   13.5]
# expect:  [ 15.   16.5  18.   19.5  21.   22.5  24.   25.5  27.   28.5]
# expect:  [ 30.   31.5  33.   34.5  36.   37.5  39.   40.5  42.   43.5]
# expect:  [ 45.   46.5  48.   49.5  51.   52.5  54.   55.5  57.   58.5]
# expect:  [ 60.   61.5  63.   64.5  66.   67.5  69.   70.5  72.   73.5]
# expect:  [ 75.   76.5  78.   79.5  81.   82.5  84.   85.5  87.   88.5]
# expect:  [ 90.   91.5  93.   94.5  96.   97.5  99.  100.5 102.  103.5]
# expect:  [105.  106.5 108.  109.5 111.  112.5 114.  115.5 117.  118.5]
# expect:  [120.  121.5 123.  124.5 126.  127.5 129.  130.5 132.  133.5]
# expect:  [135.  136.5 138.  139.5 141.  142.5 144.  145.5 147.  148.5]]
print(repr(np.linspace(0, 1, 30)))
# expect: array([0.        , 0.03448276, 0.06896552, 0.10344828, 0.13793103,
# expect:        0.17241379, 0.20689655, 0.24137931, 0.27586207, 0.31034483,
# expect:        0.34482759, 0.37931034, 0.4137931 , 0.44827586, 0.48275862,
# expect:        0.51724138, 0.55172414, 0.5862069 , 0.62068966, 0.65517241,
# expect:        0.68965517, 0.72413793, 0.75862069, 0.79310345, 0.82758621,
# expect:        0.86206897, 0.89655172, 0.93103448, 0.96551724, 1.        ])
print(np.ones((3, 400)))
# expect: [[1. 1. 1. ... 1. 1. 1.]
# expect:  [1. 1. 1. ... 1. 1. 1.]
# expect:  [1. 1. 1. ... 1. 1. 1.]]

# scalars
print(np.float64(2.5), repr(np.float64(2.5)), str(np.float64(1e20)), repr(np.float64(1e-7)))
# expect: 2.5 np.float64(2.5) 1e+20 np.float64(1e-07)
print(np.float32(0.1), repr(np.float32(0.1)), repr(np.float32(1 / 3)))
# expect: 0.1 np.float32(0.1) np.float32(0.33333334)
print(np.int64(7), repr(np.int64(7)), repr(np.int32(-3)), repr(np.uint8(200)))
# expect: 7 np.int64(7) np.int32(-3) np.uint8(200)
print(np.True_, repr(np.True_), repr(np.False_), repr(np.bool_(1)))
# expect: True np.True_ np.False_ np.True_
print([np.float64(1.5), np.int64(2)], (np.float32(2.0),))
# expect: [np.float64(1.5), np.int64(2)] (np.float32(2.0),)
print({'loss': np.float64(0.25)})
# expect: {'loss': np.float64(0.25)}
print(repr(np.float64(np.nan)), repr(np.float64(-np.inf)), repr(np.float32(np.inf)))
# expect: np.float64(nan) np.float64(-inf) np.float32(inf)

# f-strings and format()
x = np.float64(3.14159265)
print(f'{x:.3f} {x:8.2f} {x:e} {np.float32(2.5):g} {np.int64(42):5d} {np.int64(42):x}')
# expect: 3.142     3.14 3.141593e+00 2.5    42 2a
print(f'{x} {np.float32(0.1)} {np.array(2.5)} {np.arange(3)}')
# expect: 3.14159265 0.10000000149011612 2.5 [0 1 2]
print('%.2f %d %s %r' % (x, np.int64(3), np.float64(0.5), np.float64(0.5)))
# expect: 3.14 3 0.5 np.float64(0.5)
print('{:.1f} {}'.format(np.float64(1.25), np.array([1.5, 2.0])))
# expect: 1.2 [1.5 2. ]

# print options
np.set_printoptions(precision=3)
print(np.array([1.23456789, 2.0]), np.float64(1.23456789))
# expect: [1.235 2.   ] 1.23456789
np.set_printoptions(suppress=True)
print(np.array([1e-10, 1.0, 100.0]))
# expect: [  0.   1. 100.]
np.set_printoptions(precision=8, suppress=False, threshold=5, edgeitems=2)
print(np.arange(10))
# expect: [0 1 ... 8 9]
np.set_printoptions(threshold=1000, edgeitems=3, linewidth=30)
print(np.arange(20))
# expect: [ 0  1  2  3  4  5  6  7  8
# expect:   9 10 11 12 13 14 15 16 17
# expect:  18 19]
np.set_printoptions(linewidth=75)
print(np.get_printoptions()['precision'], np.get_printoptions()['threshold'])
# expect: 8 1000
with np.printoptions(precision=2):
    print(np.array([3.14159]))
# expect: [3.14]
print(np.array([3.14159]))
# expect: [3.14159]
print(np.array2string(np.array([1.0, 2.0]), separator=', '))
# expect: [1., 2.]
print(np.array_repr(np.array([1.5, 2.5])), np.array_str(np.array([1.5, 2.5])))
# expect: array([1.5, 2.5]) [1.5 2.5]
import sys
np.set_printoptions(threshold=sys.maxsize)
print(np.get_printoptions()['threshold'], np.arange(1200)[-3:])
# expect: 9223372036854775807 [1197 1198 1199]
np.set_printoptions(threshold=np.inf)
print(np.get_printoptions()['threshold'])
# expect: inf
np.set_printoptions(threshold=1000)
with np.printoptions(precision=2, suppress=True) as opts:
    print(opts['precision'], opts['suppress'], np.array([1e-9, 3.14159]))
# expect: 2 True [0.   3.14]
print(np.get_printoptions())
# expect: {'edgeitems': 3, 'threshold': 1000, 'floatmode': 'maxprec', 'precision': 8, 'suppress': False, 'linewidth': 75, 'nanstr': 'nan', 'infstr': 'inf', 'sign': '-', 'formatter': None, 'legacy': False, 'override_repr': None}
try:
    np.set_printoptions(precision=1.5)
except TypeError as e:
    print('TypeError', e)
# expect: TypeError precision must be an integer
