// Reductions: sum prod max min mean var argmax argmin any all, with axis/keepdims.
// Sums follow NumPy's order: pairwise along a reduced innermost run, sequential across
// runs, in the array's precision (float32 sums round to float32 at every step).
import { DType, isFloat } from './dtype';
import { EngineError, valueError } from './errors';
import { NDArray } from './ndarray';
import { normalizeAxes, normalizeAxis } from './shape';
import { binary } from './ufunc';

export type ReduceOp = 'sum' | 'prod' | 'max' | 'min' | 'any' | 'all';

type Axis = number | readonly number[] | null | undefined;

const NAMES: Record<ReduceOp, string> = { sum: 'add', prod: 'multiply', max: 'maximum', min: 'minimum', any: 'logical_or', all: 'logical_and' };

function outDType(op: ReduceOp, d: DType): DType {
  if (op === 'any' || op === 'all') return 'bool';
  if ((op === 'sum' || op === 'prod') && !isFloat(d)) return 'int64';
  return d;
}

/**
 * The view of `a` with kept axes first and reduced axes last (each group in order), and
 * the split point. A full reduction walks memory order, as NumPy's iterator does.
 */
function arrange(a: NDArray, axes: number[]): { view: NDArray; kept: number[] } {
  const kept = a.shape.map((_, i) => i).filter((i) => !axes.includes(i));
  let red = axes;
  if (kept.length === 0 && !a.contiguous) red = axes.slice().sort((x, y) => Math.abs(a.strides[y]) - Math.abs(a.strides[x]));
  return { view: a.transpose([...kept, ...red]), kept };
}

/** A reduction over `axis` (None: all axes). */
export function reduce(op: ReduceOp, a: NDArray, axis: Axis, keepdims: boolean): NDArray {
  const axes = normalizeAxes(axis, a.ndim);
  const { view, kept } = arrange(a, axes);
  const outShape = keepdims ? a.shape.map((d, i) => (axes.includes(i) ? 1 : d)) : kept.map((i) => a.shape[i]);
  const dtype = outDType(op, a.dtype);
  const out = NDArray.empty(outShape, dtype);
  const nOut = out.size;
  const blockShape = view.shape.slice(kept.length), blockStrides = view.strides.slice(kept.length);
  const blockSize = blockShape.reduce((x, y) => x * y, 1);
  if (blockSize === 0 && (op === 'max' || op === 'min') && nOut > 0) {
    throw valueError(`zero-size array to reduction operation ${NAMES[op]} which has no identity`);
  }
  const f32 = dtype === 'float32';
  const { run, step, outer } = innerRun(blockShape, blockStrides, a.ndim > 0 && axes.includes(a.ndim - 1));
  const keptView = new NDArray(view.data, view.shape.slice(0, kept.length), view.dtype, view.strides.slice(0, kept.length), view.offset);
  const o = out.data, x = view.data;
  for (let k = 0; k < nOut; k++) {
    const base = keptOffset(keptView, k);
    let acc = op === 'sum' ? 0 : op === 'prod' ? 1 : op === 'all' ? 1 : op === 'any' ? 0 : NaN;
    let first = true;
    for (let r = 0; r < outer.count; r++) {
      const off = base + outer.offset(r);
      if (op === 'sum') acc = f32 ? Math.fround(acc + pairwise(x, off, run, step, true)) : acc + pairwise(x, off, run, step, false);
      else {
        for (let j = 0, p = off; j < run; j++, p += step) {
          const v = x[p];
          if (first) { acc = op === 'any' || op === 'all' ? combine(op, acc, v) : v; first = false; continue; }
          acc = combine(op, acc, v);
          if (f32 && op === 'prod') acc = Math.fround(acc);
        }
      }
    }
    o[k] = dtype === 'int64' && op === 'sum' ? checked(acc) : acc;
  }
  return out;
}

function checked(v: number): number {
  if (Math.abs(v) > 2 ** 53) throw new EngineError('OverflowError', 'int64 sum outside ±2**53, the range Gradscope represents exactly');
  return v;
}

function combine(op: ReduceOp, acc: number, v: number): number {
  switch (op) {
    case 'prod': return acc * v;
    case 'max': return acc !== acc || v !== v ? NaN : v > acc ? v : acc;
    case 'min': return acc !== acc || v !== v ? NaN : v < acc ? v : acc;
    case 'any': return acc || v ? 1 : 0;
    case 'all': return acc && v ? 1 : 0;
    default: return acc + v;
  }
}

/** Offset of output element k (C order over the kept axes) in the view. */
function keptOffset(kept: NDArray, k: number): number {
  let off = kept.offset;
  for (let d = kept.ndim - 1; d >= 0; d--) {
    const n = kept.shape[d];
    off += (k % n) * kept.strides[d];
    k = Math.floor(k / n);
  }
  return off;
}

interface Outer { count: number; offset: (r: number) => number }

/**
 * Splits the reduced block into an innermost run (summed pairwise when it is the array's
 * last axis, merged with neighbours that are contiguous with it) and the outer rows.
 */
function innerRun(shape: number[], strides: number[], lastReduced: boolean): { run: number; step: number; outer: Outer } {
  const dims: number[] = [], st: number[] = [];
  for (let i = 0; i < shape.length; i++) {
    if (shape[i] === 1) continue;
    const k = dims.length - 1;
    if (k >= 0 && st[k] === strides[i] * shape[i]) { dims[k] *= shape[i]; st[k] = strides[i]; }
    else { dims.push(shape[i]); st.push(strides[i]); }
  }
  if (dims.length === 0) return { run: 1, step: 0, outer: { count: shape.includes(0) ? 0 : 1, offset: () => 0 } };
  if (!lastReduced) {
    // Sequential over the whole block: runs of length 1 in C order.
    const all = dims.slice(), ast = st.slice();
    const count = all.reduce((x, y) => x * y, 1);
    return { run: 1, step: 0, outer: { count, offset: (r) => offsetOf(all, ast, r) } };
  }
  const run = dims[dims.length - 1], step = st[st.length - 1];
  const od = dims.slice(0, -1), os = st.slice(0, -1);
  return { run, step, outer: { count: od.reduce((x, y) => x * y, 1), offset: (r) => offsetOf(od, os, r) } };
}

function offsetOf(dims: number[], st: number[], r: number): number {
  let off = 0;
  for (let d = dims.length - 1; d >= 0; d--) {
    off += (r % dims[d]) * st[d];
    r = Math.floor(r / dims[d]);
  }
  return off;
}

/** NumPy's pairwise summation (blocks of 128, 8 accumulators). */
export function pairwise(x: ArrayLike<number>, off: number, n: number, step: number, f32: boolean): number {
  if (n < 8) {
    let res = -0;
    if (f32) for (let i = 0; i < n; i++) res = Math.fround(res + x[off + i * step]);
    else for (let i = 0; i < n; i++) res += x[off + i * step];
    return res;
  }
  if (n <= 128) {
    const r = [0, 0, 0, 0, 0, 0, 0, 0];
    for (let j = 0; j < 8; j++) r[j] = x[off + j * step];
    let i = 8;
    const end = n - (n % 8);
    if (f32) {
      for (; i < end; i += 8) for (let j = 0; j < 8; j++) r[j] = Math.fround(r[j] + x[off + (i + j) * step]);
      const F = Math.fround;
      let res = F(F(F(r[0] + r[1]) + F(r[2] + r[3])) + F(F(r[4] + r[5]) + F(r[6] + r[7])));
      for (; i < n; i++) res = F(res + x[off + i * step]);
      return res;
    }
    for (; i < end; i += 8) for (let j = 0; j < 8; j++) r[j] += x[off + (i + j) * step];
    let res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
    for (; i < n; i++) res += x[off + i * step];
    return res;
  }
  let n2 = Math.floor(n / 2);
  n2 -= n2 % 8;
  const s = pairwise(x, off, n2, step, f32) + pairwise(x, off + n2 * step, n - n2, step, f32);
  return f32 ? Math.fround(s) : s;
}

/** np.mean: a float sum divided by the count, in the sum's precision. */
export function mean(a: NDArray, axis: Axis, keepdims: boolean): NDArray {
  const src = isFloat(a.dtype) ? a : a.astype('float64');
  const s = reduce('sum', src, axis, keepdims);
  const count = a.size / Math.max(s.size, 1);
  return binary('true_divide', s, count === 0 ? NaN : count, s);
}

/** np.var with ddof: mean of squared deviations. */
export function variance(a: NDArray, axis: Axis, keepdims: boolean, ddof: number): NDArray {
  const src = isFloat(a.dtype) ? a : a.astype('float64');
  const m = mean(src, axis, true);
  const dev = binary('subtract', src, m);
  binary('multiply', dev, dev, dev);
  const s = reduce('sum', dev, axis, keepdims);
  const count = a.size / Math.max(s.size, 1);
  return binary('true_divide', s, Math.max(count - ddof, 0), s);
}

/** argmax / argmin: first index of the extreme (NaN counts as the extreme). */
export function argReduce(op: 'argmax' | 'argmin', a: NDArray, axis: number | null | undefined, keepdims: boolean): NDArray {
  if (axis === null || axis === undefined) {
    const flat = a.contiguous ? a : a.copy();
    const r = argOf(op, flat.data, flat.offset, flat.size, 1);
    return keepdims ? NDArray.full(a.shape.map(() => 1), r, 'int64') : NDArray.scalar(r, 'int64');
  }
  const ax = normalizeAxis(axis, a.ndim);
  const perm = a.shape.map((_, i) => i).filter((i) => i !== ax).concat([ax]);
  const v = a.transpose(perm);
  const outShape = keepdims ? a.shape.map((d, i) => (i === ax ? 1 : d)) : perm.slice(0, -1).map((i) => a.shape[i]);
  const out = NDArray.empty(outShape, 'int64');
  const kept = new NDArray(v.data, v.shape.slice(0, -1), v.dtype, v.strides.slice(0, -1), v.offset);
  for (let k = 0; k < out.size; k++) out.data[k] = argOf(op, v.data, keptOffset(kept, k), a.shape[ax], v.strides[v.ndim - 1]);
  return out;
}

function argOf(op: 'argmax' | 'argmin', x: ArrayLike<number>, off: number, n: number, step: number): number {
  if (n === 0) throw valueError(`attempt to get ${op} of an empty sequence`);
  let best = x[off], bi = 0;
  if (best !== best) return 0;
  for (let i = 1; i < n; i++) {
    const v = x[off + i * step];
    if (v !== v) return i;
    if (op === 'argmax' ? v > best : v < best) { best = v; bi = i; }
  }
  return bi;
}
