# An uncaught NumPy error ends the script with CPython's last traceback line.
import numpy as np

a = np.arange(3)
print(a)
a += 0.5
print('not reached')
# expect: [0 1 2]
# expect-stderr: Traceback (most recent call last):
# expect-stderr: line 6, in <module>
# expect-stderr: a += 0.5
# expect-stderr: numpy._core._exceptions._UFuncOutputCastingError: Cannot cast ufunc 'add' output from dtype('float64') to dtype('int64') with casting rule 'same_kind'
# expect-exit: 1
