"""Inputs and NumPy's outputs for matrix products (np.dot, np.matmul), for scripts/check_blas.ts.

Usage: python3 scripts/check_blas_with_numpy.py OUTDIR [SEED] [--quick]

Writes OUTDIR/index.json and OUTDIR/data.bin. Each case names an operation (dot or matmul)
and two operands; each operand is a strided view (shape, strides and offset in elements) of
a flat buffer stored in data.bin, so transposed, sliced, reversed and broadcast operands
reach the engine with the same layout NumPy saw. The result is stored as raw little-endian
bytes of NumPy's output dtype.

Every case carries `route`: the path NumPy 2.x takes on a CBLAS build, from
numpy/_core/src/umath/matmul.c.src (matmul) and numpy/_core/src/common/cblasfuncs.c (dot):
gemm, syrk, gemv_t / gemv_n (after CBLAS's row-major to column-major swap, as OpenBLAS
runs them), dot (cblas_?dot), axpy (a size-1 operand), noblas (NumPy's own loop), int.
"""
import json
import sys

import numpy as np

SIZES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 13, 15, 16, 17, 20, 24, 30, 31, 32, 33, 48, 63, 64,
         65, 100, 127, 128, 129, 200, 255, 256, 257, 300, 384, 385, 511, 512, 513, 600]
FLOAT = ('float64', 'float32')


def values(rng, n, dtype, kind):
    """n values of the dtype: normal, or normal scaled over a wide range of exponents."""
    if dtype == 'int64':
        return rng.integers(-9, 10, n).astype(np.int64)
    x = rng.standard_normal(n)
    if kind == 'wide':
        x = x * 2.0 ** rng.integers(-30, 30, n)
    return x.astype(dtype)


def operand(rng, shape, dtype, layout, kind):
    """A view with the given logical shape and memory layout, and the flat buffer it views."""
    shape = tuple(shape)
    if layout == 'C' or len(shape) == 0:
        base = values(rng, int(np.prod(shape)), dtype, kind)
        return base, base.reshape(shape)
    if layout == 'F':                       # x.T of a C array
        base = values(rng, int(np.prod(shape)), dtype, kind)
        return base, base.reshape(shape[::-1]).T
    if layout == 'S':                       # every other element along the last axis
        big = shape[:-1] + (2 * shape[-1],)
        base = values(rng, int(np.prod(big)), dtype, kind)
        return base, base.reshape(big)[..., ::2]
    if layout == 'R':                       # reversed along the first axis
        base = values(rng, int(np.prod(shape)), dtype, kind)
        return base, base.reshape(shape)[::-1]
    if layout == 'G':                       # rows of a wider matrix (a column block)
        big = shape[:-1] + (shape[-1] + 3,)
        base = values(rng, int(np.prod(big)), dtype, kind)
        return base, base.reshape(big)[..., 1:1 + shape[-1]]
    if layout == 'B':                       # broadcast of one row (zero stride)
        base = values(rng, shape[-1], dtype, kind)
        return base, np.broadcast_to(base, shape)
    raise ValueError(layout)


def describe(base, view):
    item = base.itemsize
    off = (view.__array_interface__['data'][0] - base.__array_interface__['data'][0]) // item
    return {'shape': list(view.shape), 'strides': [s // item for s in view.strides], 'offset': int(off),
            'dtype': str(base.dtype), 'n': int(base.size)}


def blasable2d(s1, s2, d2, item):
    """matmul.c.src's is_blasable2d on byte strides."""
    return s2 == item and s1 % item == 0 and s1 // item >= d2


def matmul_route(a, b, dtype):
    if dtype not in FLOAT:
        return 'int'
    if a.ndim > 2 or b.ndim > 2:
        return 'batched'
    a2 = a if a.ndim == 2 else a.reshape(1, -1)
    b2 = b if b.ndim == 2 else b.reshape(-1, 1)
    (m, n), p = a2.shape, b2.shape[1]
    if 0 in (m, n, p):
        return 'noblas'
    it = np.dtype(dtype).itemsize
    # an operand of another dtype is cast to a contiguous copy first
    s1 = a2.strides if a.dtype == dtype else np.ascontiguousarray(a2, dtype).strides
    s2 = b2.strides if b.dtype == dtype else np.ascontiguousarray(b2, dtype).strides
    i1 = blasable2d(s1[0], s1[1], n, it) or blasable2d(s1[1], s1[0], m, it)
    i2 = blasable2d(s2[0], s2[1], p, it) or blasable2d(s2[1], s2[0], n, it)
    if m == 1 and p == 1:
        return 'dot'
    if n == 1 and (p == 1 or m == 1):
        return 'noblas'
    if m == 1 and i2 and blasable2d(s1[1], it, 1, it):
        return 'gemv_n' if blasable2d(s2[0], s2[1], p, it) else 'gemv_t'
    if p == 1 and i1 and blasable2d(s2[0], it, 1, it):
        return 'gemv_t' if blasable2d(s1[0], s1[1], n, it) else 'gemv_n'
    if m == 1 or n == 1 or p == 1:
        return 'noblas'
    same = a.dtype == dtype and b.dtype == dtype and a2.ctypes.data == b2.ctypes.data
    if same and m == p and s1[0] == s2[1] and s1[1] == s2[0] and i1 and i2:
        t1 = not blasable2d(s1[0], s1[1], n, it)
        t2 = not blasable2d(s2[0], s2[1], p, it)
        if t1 != t2:
            return 'syrk'
    return 'gemm'


def dot_route(a, b, dtype):
    if dtype not in FLOAT:
        return 'int'
    if a.ndim == 0 or b.ndim == 0:
        return 'multiply'
    if a.ndim > 2 or b.ndim > 2:
        return 'nd'

    def shape_class(x):
        if x.ndim == 1:
            return 'column' if x.shape[0] > 1 else 'scalar'
        if x.shape[0] > 1:
            return 'column' if x.shape[1] == 1 else 'matrix'
        return 'scalar' if x.shape[1] == 1 else 'row'
    c1, c2 = shape_class(a), shape_class(b)
    if c1 == 'scalar' or c2 == 'scalar':
        return 'axpy'
    if c2 == 'column' and c1 != 'matrix':
        return 'dot'
    if c1 == 'matrix' and c2 != 'matrix':
        return 'gemv_t' if (a.flags.c_contiguous or not a.flags.f_contiguous) else 'gemv_n'
    if c1 != 'matrix' and c2 == 'matrix':
        return 'gemv_n' if (b.flags.c_contiguous or not b.flags.f_contiguous) else 'gemv_t'
    if a.dtype == dtype and b.dtype == dtype and a.ctypes.data == b.ctypes.data and a.shape == b.shape[::-1] \
            and a.strides == b.strides[::-1] and a.flags.c_contiguous != b.flags.c_contiguous \
            and (a.flags.c_contiguous or a.flags.f_contiguous) and a.shape[0] > 1 and a.shape[1] > 1:
        return 'syrk'
    return 'gemm'


class Writer:
    def __init__(self):
        self.blobs, self.offset, self.cases, self.seen = [], 0, [], {}

    def blob(self, arr):
        if id(arr) in self.seen:
            return self.seen[id(arr)][0]
        raw = np.ascontiguousarray(arr).tobytes()
        at = self.offset
        self.blobs.append(raw)
        pad = (-len(raw)) % 8
        if pad:
            self.blobs.append(b'\0' * pad)
        self.offset += len(raw) + pad
        self.seen[id(arr)] = (at, arr)   # keeps arr alive so its id stays unique
        return at

    def case(self, op, a, b, tag):
        (ba, va), (bb, vb) = a, b
        with np.errstate(all='ignore'):
            out = np.asarray(np.dot(va, vb) if op == 'dot' else np.matmul(va, vb))
        dtype = str(out.dtype)
        route = (dot_route if op == 'dot' else matmul_route)(va, vb, dtype)
        da, db = describe(ba, va), describe(bb, vb)
        da['at'], db['at'] = self.blob(ba), self.blob(bb)
        self.cases.append({'op': op, 'tag': tag, 'route': route, 'a': da, 'b': db,
                           'out': {'shape': list(out.shape), 'dtype': dtype, 'at': self.blob(out)}})


def shapes_2d(rng, count, big):
    """(M, K, N) triples: every small size against a few others, and some large ones."""
    out = []
    small = [s for s in SIZES if s <= 65]
    for _ in range(count):
        m, k, n = (int(rng.choice(small)) for _ in range(3))
        out.append((m, k, n))
    for _ in range(big):
        m, k, n = (int(rng.choice(SIZES)) for _ in range(3))
        out.append((m, k, n))
    return out


def main():
    outdir = sys.argv[1]
    seed = int(sys.argv[2]) if len(sys.argv) > 2 and sys.argv[2].isdigit() else 20261127
    quick = '--quick' in sys.argv
    rng = np.random.default_rng(seed)
    w = Writer()
    reps = 1 if quick else 3
    for dtype in FLOAT:
        for kind in ('normal', 'wide'):
            # matrix x matrix, every layout pair
            for (m, k, n) in shapes_2d(rng, 12 * reps, 4 * reps):
                for la, lb in (('C', 'C'), ('F', 'C'), ('C', 'F'), ('F', 'F'), ('S', 'C'), ('C', 'G'), ('R', 'C')):
                    a = operand(rng, (m, k), dtype, la, kind)
                    b = operand(rng, (k, n), dtype, lb, kind)
                    for op in ('dot', 'matmul'):
                        w.case(op, a, b, f'mat@mat {la}{lb}')
            # matrix x column / vector and row / vector x matrix (gemv), with strided vectors
            for _ in range(16 * reps):
                m, k = int(rng.choice(SIZES)), int(rng.choice(SIZES))
                for la in ('C', 'F', 'S', 'G'):
                    a = operand(rng, (m, k), dtype, la, kind)
                    at = operand(rng, (k, m), dtype, la, kind)
                    for lx, xshape in (('C', (k, 1)), ('C', (k,)), ('S', (k,)), ('G', (k, 1))):
                        x = operand(rng, xshape, dtype, lx, kind)
                        for op in ('dot', 'matmul'):
                            w.case(op, a, x, f'mat@vec {la}{lx}{len(xshape)}d')
                            w.case(op, (x[0], x[1].T), at, f'vec@mat {lx}{la}{len(xshape)}d')
            # vector . vector, incl. strided and reversed vectors and long ones
            for k in SIZES + [1000, 4096, 9999, 10001, 20000, 65537]:
                for lx, ly in (('C', 'C'), ('S', 'C'), ('R', 'C'), ('S', 'S')):
                    x = operand(rng, (k,), dtype, lx, kind)
                    y = operand(rng, (k,), dtype, ly, kind)
                    for op in ('dot', 'matmul'):
                        w.case(op, x, y, f'vec.vec {lx}{ly}')
                x = operand(rng, (1, k), dtype, 'C', kind)
                y = operand(rng, (k, 1), dtype, 'C', kind)
                for op in ('dot', 'matmul'):
                    w.case(op, x, y, 'row@col')
            # outer products and size-1 operands
            for _ in range(6 * reps):
                m, n = int(rng.choice(SIZES)), int(rng.choice(SIZES))
                a = operand(rng, (m, 1), dtype, 'C', kind)
                b = operand(rng, (1, n), dtype, 'C', kind)
                for op in ('dot', 'matmul'):
                    w.case(op, a, b, 'col@row')
                s = operand(rng, (1, 1), dtype, 'C', kind)
                for op in ('dot', 'matmul'):
                    w.case(op, s, b, '(1,1)@row')
                    w.case(op, a, s, 'col@(1,1)')
                w.case('dot', operand(rng, (1,), dtype, 'C', kind), b, '(1,)@row')
            # x @ x.T and x.T @ x (syrk)
            for _ in range(4 * reps):
                m, k = int(rng.choice(SIZES)), int(rng.choice(SIZES))
                base, x = operand(rng, (m, k), dtype, 'C', kind)
                for op in ('dot', 'matmul'):
                    w.case(op, (base, x), (base, x.T), 'x@x.T')
                    w.case(op, (base, x.T), (base, x), 'x.T@x')
            # batched matmul and N-d dot
            for _ in range(3 * reps):
                m, k, n = (int(rng.choice(SIZES[:20])) for _ in range(3))
                a = operand(rng, (3, m, k), dtype, 'C', kind)
                b = operand(rng, (k, n), dtype, 'C', kind)
                w.case('matmul', a, b, 'batch@mat')
                w.case('dot', a, b, 'nd.mat')
                w.case('matmul', a, operand(rng, (3, k, n), dtype, 'C', kind), 'batch@batch')
    # DeZero's shapes: Linear forward and its transposed backward products
    for dtype in FLOAT:
        for (n, i, o) in ((100, 1, 10), (100, 10, 1), (30, 2, 10), (30, 10, 3), (64, 8, 1), (8, 64, 1),
                          (100, 784, 1000), (100, 1000, 10), (300, 2, 10)):
            x, W = operand(rng, (n, i), dtype, 'C', 'normal'), operand(rng, (i, o), dtype, 'C', 'normal')
            gy = operand(rng, (n, o), dtype, 'C', 'normal')
            w.case('dot', x, W, f'dezero fwd ({n},{i})@({i},{o})')
            w.case('dot', gy, (W[0], W[1].T), f'dezero gx ({n},{o})@({o},{i})')
            w.case('dot', (x[0], x[1].T), gy, f'dezero gW ({i},{n})@({n},{o})')
            w.case('matmul', x, W, f'dezero @ ({n},{i})@({i},{o})')
    # mixed and integer dtypes
    for (m, k, n) in shapes_2d(rng, 6 * reps, 0):
        for da, db in (('float32', 'float64'), ('int64', 'float64'), ('int64', 'int64'), ('float32', 'int64')):
            a, b = operand(rng, (m, k), da, 'C', 'normal'), operand(rng, (k, n), db, 'C', 'normal')
            for op in ('dot', 'matmul'):
                w.case(op, a, b, f'mixed {da}@{db}')
            x = operand(rng, (k,), db, 'C', 'normal')
            for op in ('dot', 'matmul'):
                w.case(op, a, x, f'mixed {da}@vec {db}')

    with open(f'{outdir}/data.bin', 'wb') as f:
        for b in w.blobs:
            f.write(b)
    with open(f'{outdir}/index.json', 'w') as f:
        json.dump({'numpy': np.__version__, 'seed': seed, 'cases': w.cases}, f)


if __name__ == '__main__':
    main()
