# Importing numpy and its submodules in the usual ways.
import numpy.random as npr
import numpy.linalg
from numpy import random, float32, newaxis
from numpy.linalg import norm, LinAlgError
from numpy.exceptions import AxisError
from numpy.random import RandomState, randn
import numpy as np
import numpy

print(np is numpy, npr is np.random, random is np.random, numpy.linalg is np.linalg, norm is np.linalg.norm)
# expect: True True True True True
print(float32 is np.float32, newaxis is None, AxisError is np.exceptions.AxisError, issubclass(LinAlgError, ValueError))
# expect: True True True True
print(np.__name__, np.random.__name__, np.linalg.__name__, np.exceptions.__name__, np.__version__[:2])
# expect: numpy numpy.random numpy.linalg numpy.exceptions 2.
print(type(np.random).__name__, hasattr(np, 'zeros'), hasattr(np, 'not_a_function'), callable(np.zeros))
# expect: module True False True
np.random.seed(0)
print(randn(2), RandomState(0).randn(2))
# expect: [1.76405235 0.40015721] [1.76405235 0.40015721]
try:
    np.not_a_function
except AttributeError as e:
    print('AttributeError', e)
# expect: AttributeError module 'numpy' has no attribute 'not_a_function'
try:
    np.float
except AttributeError as e:
    print(str(e).splitlines()[0])
# expect: module 'numpy' has no attribute 'float'.
try:
    from numpy import not_there
except ImportError as e:
    print('ImportError', str(e).split(' (')[0])
# expect: ImportError cannot import name 'not_there' from 'numpy'
print(np.ndarray.__name__, np.ndarray.__module__, np.float64.__module__, np.float64.__qualname__, repr(np.ndarray))
# expect: ndarray numpy numpy float64 <class 'numpy.ndarray'>
print(np.dtype.__name__, type(np.float64(1)).__module__, np.add.__class__.__name__, np.ufunc)
# expect: dtype numpy ufunc <class 'numpy.ufunc'>
