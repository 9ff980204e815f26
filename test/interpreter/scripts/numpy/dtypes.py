# dtype objects, scalar types used as dtypes, finfo and iinfo.
import numpy as np

a = np.ones(3, dtype=np.float32)
print(a.dtype, repr(a.dtype), str(a.dtype), a.dtype.name, a.dtype.itemsize, a.dtype.kind, a.dtype.char, a.dtype.str)
# expect: float32 dtype('float32') float32 float32 4 f f <f4
print(a.dtype == np.float32, a.dtype == 'float32', a.dtype == 'f4', a.dtype == np.float64, a.dtype != np.float64, a.dtype == float)
# expect: True True True False True False
print(np.ones(2).dtype == float, np.arange(2).dtype == int, np.array([True]).dtype == bool, np.arange(2).dtype == np.int64)
# expect: True True True True
print(np.dtype('float64'), repr(np.dtype(np.int32)), np.dtype(float), np.dtype('i8'), np.dtype('f'), np.dtype(bool), np.dtype('uint8'))
# expect: float64 dtype('int32') float64 int64 float32 bool uint8
print(np.dtype('float32') is np.dtype(np.float32), a.dtype.type, np.dtype('int32').type, isinstance(a.dtype, np.dtype))
# expect: True <class 'numpy.float32'> <class 'numpy.int32'> True
print({np.dtype('float32'): 1}[a.dtype], a.dtype in (np.float16, np.float32), np.dtype('int64').itemsize, np.dtype('bool').kind)
# expect: 1 True 8 b
for d in (np.float64, np.float32, np.int64, np.int32, np.uint8, np.bool_, 'float32', 'int', float, int, bool):
    x = np.zeros(2, dtype=d)
    print(repr(x), x.dtype, x.itemsize, x.nbytes)
# expect: array([0., 0.]) float64 8 16
# expect: array([0., 0.], dtype=float32) float32 4 8
# expect: array([0, 0]) int64 8 16
# expect: array([0, 0], dtype=int32) int32 4 8
# expect: array([0, 0], dtype=uint8) uint8 1 2
# expect: array([False, False]) bool 1 2
# expect: array([0., 0.], dtype=float32) float32 4 8
# expect: array([0, 0]) int64 8 16
# expect: array([0., 0.]) float64 8 16
# expect: array([0, 0]) int64 8 16
# expect: array([False, False]) bool 1 2
print(np.float64 is np.double, np.bool_ is np.bool, np.intp is np.int64, np.int_ is np.int64, np.single is np.float32)
# expect: True True True True True
print(np.float64.__name__, np.bool_.__name__, np.float32, np.dtype, np.ndarray, np.generic, np.floating)
# expect: float64 bool <class 'numpy.float32'> <class 'numpy.dtype'> <class 'numpy.ndarray'> <class 'numpy.generic'> <class 'numpy.floating'>
print(issubclass(np.float64, np.floating), issubclass(np.int32, np.signedinteger), issubclass(np.uint8, np.unsignedinteger), issubclass(np.float32, float))
# expect: True True True False
print(np.issubdtype if False else isinstance(np.float32(1), np.inexact), isinstance(np.uint8(1), np.integer), isinstance(np.True_, np.number))
# expect: True True False
print(repr(np.float32(1) + np.float32(2)), np.float32(1).dtype, np.int32(7).dtype.name, np.uint8(3).itemsize)
# expect: np.float32(3.0) float32 int32 1
print(np.finfo(np.float32).eps, repr(np.finfo(np.float64).eps), np.finfo(float).max, np.finfo(np.float32).tiny, np.finfo('float32').bits)
# expect: 1.1920929e-07 np.float64(2.220446049250313e-16) 1.7976931348623157e+308 1.1754944e-38 32
print(np.finfo(np.float32), np.finfo(np.float64).resolution, np.finfo(np.float32).precision, np.finfo(np.float32).dtype)
# expect: Machine parameters for float32
# expect: ---------------------------------------------------------------
# expect: precision = 6   resolution = 1e-06
# expect: machep = -23   eps =        1.1920929e-07
# expect: negep =  -24   epsneg =     5.9604645e-08
# expect: minexp = -126   tiny =       1.1754944e-38
# expect: maxexp = 128   max =        3.4028235e+38
# expect: nexp =   8   min =        -max
# expect: smallest_normal = 1.1754944e-38   smallest_subnormal = 1e-45
# expect: ---------------------------------------------------------------
# expect:  1e-15 6 float32
print(np.iinfo(np.int32).max, np.iinfo(np.int64).min, np.iinfo('uint8'), repr(np.iinfo(int)), np.iinfo(np.int32).bits)
# expect: 2147483647 -9223372036854775808 Machine parameters for uint8
# expect: ---------------------------------------------------------------
# expect: min = 0
# expect: max = 255
# expect: ---------------------------------------------------------------
# expect:  iinfo(min=-9223372036854775808, max=9223372036854775807, dtype=int64) 32
print(np.finfo(np.float64))
# expect: Machine parameters for float64
# expect: ---------------------------------------------------------------
# expect: precision = 15   resolution = 1e-15
# expect: machep = -52   eps =        2.220446049250313e-16
# expect: negep =  -53   epsneg =     1.1102230246251565e-16
# expect: minexp = -1022   tiny =       2.2250738585072014e-308
# expect: maxexp = 1024   max =        1.7976931348623157e+308
# expect: nexp =   11   min =        -max
# expect: smallest_normal = 2.2250738585072014e-308   smallest_subnormal = 5e-324
# expect: ---------------------------------------------------------------
# expect:
print(np.iinfo(np.int64))
# expect: Machine parameters for int64
# expect: ---------------------------------------------------------------
# expect: min = -9223372036854775808
# expect: max = 9223372036854775807
# expect: ---------------------------------------------------------------
# expect:
print(np.array([1.5, 2.5]).astype('int32'), np.array([1, 0]).astype(np.bool_), np.array([1, 2]).astype(float).dtype)
# expect: [1 2] [ True False] float64
print(np.array([3.7]).astype(np.uint8), np.array([-1.5]).astype('int64'), np.array([2.5], dtype='f4').astype('f8'))
# expect: [3] [-1] [2.5]
print(np.issubdtype(np.float32, np.floating), np.issubdtype('int32', np.integer), np.issubdtype(np.arange(2).dtype, np.floating), np.issubdtype(np.float64, np.float64))
# expect: True True False True
