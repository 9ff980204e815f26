# Engine gap: sums and products of unsigned arrays are uint64 in NumPy; Gradscope has no uint64.
import numpy as np

print(repr(np.array([250, 10], dtype=np.uint8).sum()), np.cumsum(np.array([200, 100], dtype=np.uint8)).dtype)
# expect: np.uint64(260) uint64
