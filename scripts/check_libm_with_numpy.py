"""Inputs and NumPy's outputs for every float ufunc Gradscope implements, for scripts/check_libm.ts.

Usage: python3 scripts/check_libm_with_numpy.py OUTDIR [N]

Writes OUTDIR/index.json and OUTDIR/data.bin. For each (function, dtype) the index names
the byte offsets of the inputs and of NumPy's outputs (raw little-endian float32/float64);
entries named `math.<fn>` hold CPython's math module results (always the C library's
double functions). Inputs mix: uniform on several ranges, |x| spread over the exponents
(near 0 and huge), subnormals, random bit patterns, and special values.
"""
import json
import math
import sys

import numpy as np

UNARY = ['exp', 'expm1', 'exp2', 'log', 'log2', 'log10', 'log1p', 'sqrt', 'cbrt',
         'sin', 'cos', 'tan', 'arcsin', 'arccos', 'arctan', 'sinh', 'cosh', 'tanh',
         'arcsinh', 'arccosh', 'arctanh']
MATH = {'exp': 'exp', 'expm1': 'expm1', 'log': 'log', 'log2': 'log2', 'log10': 'log10', 'log1p': 'log1p',
        'sqrt': 'sqrt', 'cbrt': 'cbrt', 'sin': 'sin', 'cos': 'cos', 'tan': 'tan', 'arcsin': 'asin',
        'arccos': 'acos', 'arctan': 'atan', 'sinh': 'sinh', 'cosh': 'cosh', 'tanh': 'tanh',
        'arcsinh': 'asinh', 'arccosh': 'acosh', 'arctanh': 'atanh'}


def inputs(dtype, n, rng):
    """n inputs of the dtype: a fixed mix of distributions, then the special values."""
    f = np.dtype(dtype)
    info = np.finfo(f)
    k = n // 10
    signs = lambda m: rng.choice([-1.0, 1.0], m)
    maxexp = 127 if f == np.float32 else 1023
    parts = [
        rng.uniform(-1, 1, k), rng.uniform(-10, 10, k), rng.uniform(-100, 100, k),
        rng.uniform(-1000, 1000, k), rng.uniform(0, 3, k),
        signs(k) * 2.0 ** rng.uniform(-40, 0, k),                 # near 0
        signs(k) * 2.0 ** rng.uniform(0, 40, k),                  # large
        signs(k) * 2.0 ** rng.uniform(-maxexp, maxexp, k),        # every exponent
    ]
    x = np.concatenate(parts).astype(f)
    ibits = np.uint32 if f == np.float32 else np.uint64
    raw = rng.integers(0, np.iinfo(ibits).max, k, dtype=ibits, endpoint=True).view(f)   # random bit patterns
    sub = (rng.integers(1, 2 ** (f.itemsize * 8 - 12 if f == np.float64 else 23), k).astype(ibits)).view(f)
    sub = sub * signs(k).astype(f)                                                        # subnormals
    special = np.array([0.0, -0.0, np.inf, -np.inf, np.nan, 1.0, -1.0, 0.5, -0.5, 2.0, info.max, -info.max,
                        info.tiny, -info.tiny, info.smallest_subnormal, -info.smallest_subnormal, info.eps,
                        np.pi, -np.pi, np.pi / 2, np.pi / 4, 1e22, 1e300, 710.0, 709.78, -745.2, -708.4,
                        88.72, 88.73, -103.9, -104.0, 1e-8, 20.0, 22.0, 24.0, 0.1875, 0.625], dtype=np.float64)
    with np.errstate(all='ignore'):
        special = special.astype(f)
    return np.concatenate([x, raw, sub, special]).astype(f)


def main():
    out = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 20000
    rng = np.random.default_rng(20240606)
    index, blobs, offset = [], [], 0

    def add(name, dtype, x, y):
        nonlocal offset
        xb, yb = x.astype('<' + dtype).tobytes(), y.astype('<' + dtype).tobytes()
        index.append({'name': name, 'dtype': dtype, 'count': int(x.size), 'x': offset, 'y': offset + len(xb)})
        blobs.extend([xb, yb])
        offset += len(xb) + len(yb)

    for dtype in ('f8', 'f4'):
        x = inputs(np.float64 if dtype == 'f8' else np.float32, n, rng)
        for fn in UNARY:
            with np.errstate(all='ignore'):
                add(fn, dtype, x, getattr(np, fn)(x))
        base = np.abs(inputs(np.float64 if dtype == 'f8' else np.float32, n // 2, rng))
        expo = np.concatenate([rng.uniform(-10, 10, base.size - base.size // 2), rng.integers(-8, 9, base.size // 2)])
        expo = expo.astype(base.dtype)
        with np.errstate(all='ignore'):
            y = np.power(base, expo)
        add('power', dtype, np.stack([base, expo], axis=1).ravel(), y)
    x = inputs(np.float64, n, rng)
    for fn, name in MATH.items():
        ys = []
        for v in x.tolist():
            try:
                ys.append(getattr(math, name)(v))
            except (ValueError, OverflowError):
                ys.append(math.nan)  # CPython raises; the checker skips these
        add('math.' + fn, 'f8', x, np.array(ys))
    with open(out + '/data.bin', 'wb') as fh:
        for b in blobs:
            fh.write(b)
    with open(out + '/index.json', 'w') as fh:
        json.dump({'numpy': np.__version__, 'entries': index}, fh)


if __name__ == '__main__':
    main()
