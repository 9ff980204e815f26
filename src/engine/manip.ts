// Array manipulation: concatenate, stack, vstack, hstack, repeat, tile, pad, sort, argsort,
// cumsum, nonzero.
import { DType, promote } from './dtype';
import { valueError } from './errors';
import { NDArray } from './ndarray';
import { Slice } from './indexing';
import { normalizeAxis } from './shape';

/** np.concatenate(arrays, axis=0). */
export function concatenate(arrays: readonly NDArray[], axis = 0): NDArray {
  if (!arrays.length) throw valueError('need at least one array to concatenate');
  const nd = arrays[0].ndim;
  if (nd === 0) throw valueError('zero-dimensional arrays cannot be concatenated');
  arrays.forEach((a, i) => {
    if (a.ndim !== nd) {
      throw valueError(`all the input arrays must have same number of dimensions, but the array at index 0 has ${nd} dimension(s) and the array at index ${i} has ${a.ndim} dimension(s)`);
    }
  });
  const ax = normalizeAxis(axis, nd);
  arrays.forEach((a, i) => {
    a.shape.forEach((d, k) => {
      if (k !== ax && d !== arrays[0].shape[k]) {
        throw valueError(`all the input array dimensions except for the concatenation axis must match exactly, but along dimension ${k}, the array at index 0 has size ${arrays[0].shape[k]} and the array at index ${i} has size ${d}`);
      }
    });
  });
  const dtype = arrays.map((a) => a.dtype).reduce((x, y) => promote(x, y));
  const shape = arrays[0].shape.slice();
  shape[ax] = arrays.reduce((s, a) => s + a.shape[ax], 0);
  const out = NDArray.empty(shape, dtype);
  let at = 0;
  for (const a of arrays) {
    const index = shape.map((_, k) => (k === ax ? new Slice(at, at + a.shape[ax]) : new Slice()));
    out.set(index, a);
    at += a.shape[ax];
  }
  return out;
}

/** np.stack(arrays, axis=0): joins along a new axis. */
export function stack(arrays: readonly NDArray[], axis = 0): NDArray {
  if (!arrays.length) throw valueError('need at least one array to stack');
  const s0 = arrays[0].shape;
  for (const a of arrays) if (!a.sameShape(arrays[0])) throw valueError('all input arrays must have the same shape');
  const ax = normalizeAxis(axis, s0.length + 1);
  return concatenate(arrays.map((a) => a.expandDims(ax)), ax);
}

const atLeast2 = (a: NDArray) => (a.ndim === 0 ? a.reshape(1, 1) : a.ndim === 1 ? a.reshape(1, a.size) : a);
export const vstack = (arrays: readonly NDArray[]): NDArray => concatenate(arrays.map(atLeast2), 0);
export const hstack = (arrays: readonly NDArray[]): NDArray =>
  arrays[0].ndim <= 1 ? concatenate(arrays.map((a) => (a.ndim === 0 ? a.reshape(1) : a)), 0) : concatenate(arrays, 1);

/** np.repeat(a, repeats, axis=None). */
export function repeat(a: NDArray, repeats: number, axis: number | null = null): NDArray {
  const src = axis === null ? a.ravel() : a;
  const ax = axis === null ? 0 : normalizeAxis(axis, a.ndim);
  const shape = src.shape.slice();
  shape[ax] *= repeats;
  const out = NDArray.empty(shape, a.dtype);
  for (let i = 0; i < src.shape[ax]; i++) {
    const part = src.get(src.shape.map((_, k) => (k === ax ? new Slice(i, i + 1) : new Slice())));
    out.set(shape.map((_, k) => (k === ax ? new Slice(i * repeats, (i + 1) * repeats) : new Slice())), part);
  }
  return out;
}

/** np.tile(a, reps). */
export function tile(a: NDArray, reps: number | readonly number[]): NDArray {
  const r = typeof reps === 'number' ? [reps] : reps.slice();
  const nd = Math.max(a.ndim, r.length);
  let x = a.reshape([...Array(nd - a.ndim).fill(1), ...a.shape]);
  const rr = [...Array(nd - r.length).fill(1), ...r];
  for (let k = 0; k < nd; k++) {
    if (rr[k] === 0) x = NDArray.empty(x.shape.map((d, i) => (i === k ? 0 : d)), a.dtype);
    else if (rr[k] !== 1) x = concatenate(Array(rr[k]).fill(x), k);
  }
  return x.data === a.data ? x.copy() : x;
}

/** np.pad(a, pad_width, mode='constant', constant_values=0). */
export function pad(a: NDArray, width: number | readonly (readonly [number, number])[], value = 0): NDArray {
  const w = typeof width === 'number' ? a.shape.map(() => [width, width] as const) : width.length === 1 ? a.shape.map(() => width[0]) : width;
  const shape = a.shape.map((d, k) => d + w[k][0] + w[k][1]);
  const out = NDArray.full(shape, value, a.dtype);
  out.set(a.shape.map((d, k) => new Slice(w[k][0], w[k][0] + d)), a);
  return out;
}

/** np.argsort(a, axis=-1) (stable, as kind='stable'; NumPy's quicksort agrees on distinct keys). */
export function argsort(a: NDArray, axis: number | null = -1): NDArray {
  if (axis === null) return argsort(a.ravel(), 0);
  const ax = normalizeAxis(axis, a.ndim);
  const perm = a.shape.map((_, i) => i).filter((i) => i !== ax).concat([ax]);
  const v = a.transpose(perm).copy();
  const n = a.shape[ax], rows = v.size / Math.max(n, 1);
  const out = NDArray.empty(v.shape, 'int64');
  const idx = Array.from({ length: n }, (_, i) => i);
  for (let r = 0; r < rows; r++) {
    const base = r * n;
    const order = idx.slice().sort((i, j) => cmp(v.data[base + i], v.data[base + j]) || i - j);
    for (let i = 0; i < n; i++) out.data[base + i] = order[i];
  }
  const inv = perm.map((_, i) => perm.indexOf(i));
  return out.transpose(inv).copy();
}

/** NaN sorts last, as in NumPy. */
function cmp(x: number, y: number): number {
  if (x !== x) return y !== y ? 0 : 1;
  if (y !== y) return -1;
  return x < y ? -1 : x > y ? 1 : 0;
}

/** np.sort(a, axis=-1). */
export function sort(a: NDArray, axis: number | null = -1): NDArray {
  if (axis === null) return sort(a.ravel(), 0);
  const ax = normalizeAxis(axis, a.ndim);
  const perm = a.shape.map((_, i) => i).filter((i) => i !== ax).concat([ax]);
  const v = a.transpose(perm).copy();
  const n = a.shape[ax], rows = v.size / Math.max(n, 1);
  for (let r = 0; r < rows; r++) {
    const row = Array.from(v.data.subarray(r * n, r * n + n)).sort(cmp);
    v.data.set(row as never, r * n);
  }
  return v.transpose(perm.map((_, i) => perm.indexOf(i))).copy();
}

/** np.cumsum(a, axis=None). */
export function cumsum(a: NDArray, axis: number | null = null, dtype?: DType): NDArray {
  const src = axis === null ? a.ravel() : a;
  const ax = axis === null ? 0 : normalizeAxis(axis, a.ndim);
  const out = src.astype(dtype ?? (a.dtype === 'bool' || a.dtype === 'int32' || a.dtype === 'uint8' ? 'int64' : a.dtype));
  const stride = out.strides[ax], n = out.shape[ax];
  const outer = out.size / Math.max(n, 1);
  for (let o = 0; o < outer; o++) {
    const base = Math.floor(o / stride) * stride * n + (o % stride);
    for (let i = 1; i < n; i++) out.data[base + i * stride] += out.data[base + (i - 1) * stride];
  }
  return out;
}

/** np.nonzero(a): one int64 index array per dimension. */
export function nonzero(a: NDArray): NDArray[] {
  const v = a.values();
  const hits: number[] = [];
  for (let i = 0; i < v.length; i++) if (v[i]) hits.push(i);
  return a.shape.map((d, k) => {
    const stride = a.shape.slice(k + 1).reduce((x, y) => x * y, 1);
    return NDArray.from(hits.map((h) => Math.floor(h / stride) % d), [hits.length], 'int64');
  });
}
