import numpy as np

gpu_enable = False


def get_array_module(x):
    return np


def as_numpy(x):
    return x if isinstance(x, np.ndarray) else np.array(x)
