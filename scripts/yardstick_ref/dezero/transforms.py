import numpy as np


class Compose:
    def __init__(self, transforms=[]):
        self.transforms = transforms

    def __call__(self, img):
        for t in self.transforms:
            img = t(img)
        return img


class Normalize:
    def __init__(self, mean=0, std=1):
        self.mean, self.std = mean, std

    def __call__(self, a):
        return (a - self.mean) / self.std


class Flatten:
    def __call__(self, a):
        return a.flatten()


class AsType:
    def __init__(self, dtype=np.float32):
        self.dtype = dtype

    def __call__(self, a):
        return a.astype(self.dtype)


ToFloat = AsType
