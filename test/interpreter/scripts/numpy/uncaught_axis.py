# numpy.exceptions.AxisError, uncaught.
import numpy as np

print(np.ones((2, 2)).sum(axis=1))
np.ones(3).mean(axis=1)
# expect: [2. 2.]
# expect-stderr: Traceback (most recent call last):
# expect-stderr: line 5, in <module>
# expect-stderr: numpy.exceptions.AxisError: axis 1 is out of bounds for array of dimension 1
# expect-exit: 1
