// Reductions: sum prod max min mean var argmax argmin any all, with axis/keepdims.
// Elements are visited in the order NumPy's reduction iterator visits them (reduce_plan.ts);
// float sums are pairwise within each inner-loop call whose output stride is 0 and
// sequential across calls, in the array's precision (float32 rounds at every step).
import { DType, Storage, allocate, isFloat } from './dtype';
import { EngineError, valueError } from './errors';
import { NDArray } from './ndarray';
import { normalizeAxes, normalizeAxis } from './shape';
import { binary } from './ufunc';
import { Dim, ReducePlan, reducePlan } from './reduce_plan';
import { keepOrderStrides } from './layout';

export type ReduceOp = 'sum' | 'prod' | 'max' | 'min' | 'any' | 'all';

type Axis = number | readonly number[] | null | undefined;

const NAMES: Record<ReduceOp, string> = { sum: 'add', prod: 'multiply', max: 'maximum', min: 'minimum', any: 'logical_or', all: 'logical_and' };

function outDType(op: ReduceOp, d: DType): DType {
  if (op === 'any' || op === 'all') return 'bool';
  if ((op === 'sum' || op === 'prod') && !isFloat(d)) return 'int64';
  return d;
}

/**
 * A reduction over `axis` (None: all axes). `dtype` overrides the result dtype, as NumPy's
 * `dtype=` does (mean sums integers as float64).
 */
export function reduce(op: ReduceOp, a: NDArray, axis: Axis, keepdims: boolean, dtype?: DType): NDArray {
  const one = typeof axis === 'number' ? axis : axis && axis.length === 1 ? axis[0] : null;
  if (dtype === undefined && one !== null && one >= -2 && one <= 1 && a.ndim === 2 && a.contiguous && isFloat(a.dtype) && a.size > 0) {
    const r = rows2d(op, a, one < 0 ? one + 2 : one, keepdims);
    if (r) return r;
  }
  const axes = normalizeAxes(axis, a.ndim);
  const reduced = a.shape.map((_, i) => axes.includes(i));
  const kept = a.shape.filter((_, i) => !reduced[i]);
  const out = NDArray.empty(keepdims ? a.shape.map((d, i) => (reduced[i] ? 1 : d)) : kept, dtype ?? outDType(op, a.dtype));
  if (out.size === 0) return out;
  if (a.size === 0) {
    if (op === 'max' || op === 'min') throw valueError(`zero-size array to reduction operation ${NAMES[op]} which has no identity`);
    if (op === 'prod' || op === 'all') out.data.fill(1);
    return out;
  }
  // A contiguous array reduced over every axis is one run: skip planning (scalar hot path).
  const plan = a.contiguous && axes.length === a.ndim ? flatPlan(a.size) : reducePlan(a.shape, a.strides, reduced);
  if (op === 'max' || op === 'min') firstValues(a, reduced, out.data);
  else if (op === 'prod' || op === 'all') out.data.fill(1);
  run(plan, op, a.data, a.offset, out.data, out.dtype === 'float32');
  if (out.dtype === 'int64') for (let i = 0; i < out.size; i++) out.data[i] = checked(out.data[i]);
  return out;
}

/**
 * sum / max / min of a contiguous float matrix along one axis, in NumPy's order: a pairwise
 * sum per row for axis 1, running sums down the columns for axis 0.
 */
function rows2d(op: ReduceOp, a: NDArray, axis: number, keepdims: boolean): NDArray | null {
  if (op !== 'sum' && op !== 'max' && op !== 'min') return null;
  const [n, m] = a.shape, x = a.data, xo = a.offset, f32 = a.dtype === 'float32';
  const shape = axis === 1 ? (keepdims ? [n, 1] : [n]) : keepdims ? [1, m] : [m];
  const out = NDArray.empty(shape, a.dtype), o = out.data;
  if (axis === 1) {
    for (let i = 0; i < n; i++) {
      const r = xo + i * m;
      if (op === 'sum') { const s = pairwise(x, r, m, 1, f32); o[i] = f32 ? Math.fround(0 + s) : 0 + s; continue; }
      let v = x[r];
      for (let j = 1; j < m && v === v; j++) { const y = x[r + j]; if (y !== y || (op === 'max' ? y > v : y < v)) v = y; }
      o[i] = v;
    }
    return out;
  }
  if (op === 'sum') {
    for (let i = 0; i < n; i++) {
      const r = xo + i * m;
      if (f32) for (let j = 0; j < m; j++) o[j] = Math.fround(o[j] + x[r + j]);
      else for (let j = 0; j < m; j++) o[j] += x[r + j];
    }
    return out;
  }
  for (let j = 0; j < m; j++) o[j] = x[xo + j];
  for (let i = 1; i < n; i++) {
    const r = xo + i * m;
    for (let j = 0; j < m; j++) {
      const v = o[j], y = x[r + j];
      if (v === v && (y !== y || (op === 'max' ? y > v : y < v))) o[j] = y;
    }
  }
  return out;
}

/** An int64 result within ±2**53 (the range Gradscope represents exactly), without -0. */
function flatPlan(n: number): ReducePlan {
  return { dims: [{ n, si: 1, so: 0 }], outer: 0, core: 1, block: n, chunk: n, reduceMode: false };
}

function checked(v: number): number {
  if (Math.abs(v) > 2 ** 53) throw new EngineError('OverflowError', 'int64 result outside ±2**53, the range Gradscope represents exactly');
  return v + 0;
}

/** max/min start from the first element along the reduced axes (they have no identity). */
function firstValues(a: NDArray, reduced: boolean[], o: Storage): void {
  const keptAxes = a.shape.map((_, i) => i).filter((i) => !reduced[i]);
  const view = new NDArray(a.data, keptAxes.map((i) => a.shape[i]), a.dtype, keptAxes.map((i) => a.strides[i]), a.offset);
  o.set(view.values() as never);
}

/** Walks the plan: outer loops, blocks, buffer chunks, and one inner-loop call per core or chunk. */
function run(plan: ReducePlan, op: ReduceOp, x: Storage, xoff: number, o: Storage, f32: boolean): void {
  const { dims, outer, core, block, chunk, reduceMode } = plan;
  const blockDims = dims.slice(0, outer + 1), outerDims = dims.slice(outer + 1);
  const spanned = reduceMode ? outer : outer + 1;
  const zeroOut = blockDims.slice(0, spanned).every((d) => d.so === 0);
  const scratch = op === 'sum' && zeroOut && spanned > 1 ? allocate(f32 ? 'float32' : 'float64', reduceMode ? core : chunk) : null;
  const idx = new Array<number>(outerDims.length).fill(0);
  let io = xoff, oo = 0;
  for (;;) {
    for (let st = 0; st < block; st += chunk) {
      const len = Math.min(chunk, block - st);
      if (!reduceMode) call(blockDims, st, len, io, oo, op, zeroOut, x, o, f32, scratch);
      else for (let k = 0; k < len; k += core) call(blockDims, st + k, core, io, oo, op, zeroOut, x, o, f32, scratch);
    }
    let d = 0;
    for (; d < outerDims.length; d++) {
      io += outerDims[d].si; oo += outerDims[d].so;
      if (++idx[d] < outerDims[d].n) break;
      io -= outerDims[d].si * outerDims[d].n; oo -= outerDims[d].so * outerDims[d].n;
      idx[d] = 0;
    }
    if (d === outerDims.length) return;
  }
}

/** One inner-loop call over block positions [start, start + count). */
function call(dims: Dim[], start: number, count: number, io: number, oo: number, op: ReduceOp,
  zeroOut: boolean, x: Storage, o: Storage, f32: boolean, scratch: Storage | null): void {
  if (op === 'sum' && zeroOut) {
    let s: number;
    if (count <= dims[0].n - (start % dims[0].n)) {
      const at = position(dims, start, io, oo);
      s = pairwise(x, at.io, count, dims[0].si, f32);
      oo = at.oo;
    } else {
      let w = 0;
      oo = forRuns(dims, start, count, io, oo, (i, _o, n, si) => { for (let j = 0; j < n; j++, i += si) scratch![w++] = x[i]; });
      s = pairwise(scratch!, 0, count, 1, f32);
    }
    o[oo] = f32 ? Math.fround(o[oo] + s) : o[oo] + s;
    return;
  }
  forRuns(dims, start, count, io, oo, (i, oi, n, si, so) => accumulate(op, x, i, si, o, oi, so, n, f32));
}

/** Input and output offsets of a block position. */
function position(dims: Dim[], pos: number, io: number, oo: number): { io: number; oo: number } {
  for (const d of dims) {
    const k = pos % d.n;
    io += k * d.si; oo += k * d.so;
    pos = (pos - k) / d.n;
  }
  return { io, oo };
}

/** Visits positions [start, start + count) as runs along dims[0]; returns the first output offset. */
function forRuns(dims: Dim[], start: number, count: number, io: number, oo: number,
  fn: (io: number, oo: number, n: number, si: number, so: number) => void): number {
  const idx = new Array<number>(dims.length).fill(0);
  let pos = start;
  for (let d = 0; d < dims.length; d++) { idx[d] = pos % dims[d].n; pos = (pos - idx[d]) / dims[d].n; }
  const at = position(dims, start, io, oo);
  io = at.io; oo = at.oo;
  const d0 = dims[0];
  for (let left = count; left > 0;) {
    const n = Math.min(left, d0.n - idx[0]);
    fn(io, oo, n, d0.si, d0.so);
    left -= n;
    io += n * d0.si; oo += n * d0.so; idx[0] += n;
    for (let d = 0; d < dims.length - 1 && idx[d] === dims[d].n; d++) {
      io += dims[d + 1].si - dims[d].si * dims[d].n; oo += dims[d + 1].so - dims[d].so * dims[d].n;
      idx[d] = 0; idx[d + 1]++;
    }
  }
  return at.oo;
}

/** Element-by-element accumulation of n inputs into outputs (output stride may be 0). */
function accumulate(op: ReduceOp, x: Storage, i: number, si: number, o: Storage, k: number, so: number, n: number, f32: boolean): void {
  switch (op) {
    case 'sum':
      if (f32) for (let j = 0; j < n; j++, i += si, k += so) o[k] = Math.fround(o[k] + x[i]);
      else for (let j = 0; j < n; j++, i += si, k += so) o[k] += x[i];
      return;
    case 'prod':
      if (f32) for (let j = 0; j < n; j++, i += si, k += so) o[k] = Math.fround(o[k] * x[i]);
      else for (let j = 0; j < n; j++, i += si, k += so) o[k] *= x[i];
      return;
    case 'max':
      for (let j = 0; j < n; j++, i += si, k += so) { const a = o[k], v = x[i]; if (a === a && (v > a || v !== v)) o[k] = v; }
      return;
    case 'min':
      for (let j = 0; j < n; j++, i += si, k += so) { const a = o[k], v = x[i]; if (a === a && (v < a || v !== v)) o[k] = v; }
      return;
    case 'any':
      for (let j = 0; j < n; j++, i += si, k += so) if (x[i] !== 0) o[k] = 1;
      return;
    case 'all':
      for (let j = 0; j < n; j++, i += si, k += so) if (x[i] === 0) o[k] = 0;
  }
}

/** NumPy's pairwise summation (blocks of 128, 8 accumulators), in float32 when asked. */
export function pairwise(x: ArrayLike<number>, off: number, n: number, step: number, f32: boolean): number {
  if (n < 8) {
    let res = -0;
    if (f32) for (let i = 0; i < n; i++) res = Math.fround(res + x[off + i * step]);
    else for (let i = 0; i < n; i++) res += x[off + i * step];
    return res;
  }
  if (n <= 128) return f32 ? block8F32(x, off, n, step) : block8(x, off, n, step);
  let n2 = Math.floor(n / 2);
  n2 -= n2 % 8;
  const s = pairwise(x, off, n2, step, f32) + pairwise(x, off + n2 * step, n - n2, step, f32);
  return f32 ? Math.fround(s) : s;
}

function block8(x: ArrayLike<number>, off: number, n: number, step: number): number {
  let r0 = x[off], r1 = x[off + step], r2 = x[off + 2 * step], r3 = x[off + 3 * step];
  let r4 = x[off + 4 * step], r5 = x[off + 5 * step], r6 = x[off + 6 * step], r7 = x[off + 7 * step];
  const end = n - (n % 8);
  let i = 8;
  for (let p = off + 8 * step; i < end; i += 8, p += 8 * step) {
    r0 += x[p]; r1 += x[p + step]; r2 += x[p + 2 * step]; r3 += x[p + 3 * step];
    r4 += x[p + 4 * step]; r5 += x[p + 5 * step]; r6 += x[p + 6 * step]; r7 += x[p + 7 * step];
  }
  let res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
  for (; i < n; i++) res += x[off + i * step];
  return res;
}

function block8F32(x: ArrayLike<number>, off: number, n: number, step: number): number {
  const F = Math.fround;
  const r = new Float32Array(8);
  for (let j = 0; j < 8; j++) r[j] = x[off + j * step];
  const end = n - (n % 8);
  let i = 8;
  for (; i < end; i += 8) for (let j = 0; j < 8; j++) r[j] += x[off + (i + j) * step];
  let res = F(F(F(r[0] + r[1]) + F(r[2] + r[3])) + F(F(r[4] + r[5]) + F(r[6] + r[7])));
  for (; i < n; i++) res = F(res + x[off + i * step]);
  return res;
}

/** The number of elements reduced into each output, as NumPy's intp (a strong int64). */
function countOf(a: NDArray, axis: Axis): number {
  return normalizeAxes(axis, a.ndim).reduce((n, ax) => n * a.shape[ax], 1);
}

/** np.mean: a sum (float64 for integer input) divided by the count in float64, then cast. */
export function mean(a: NDArray, axis: Axis, keepdims: boolean): NDArray {
  const s = reduce('sum', a, axis, keepdims, isFloat(a.dtype) ? undefined : 'float64');
  return binary('true_divide', s, NDArray.scalar(countOf(a, axis), 'int64'), s);
}

/** np.var with ddof: NumPy's _var — mean, deviations laid out like the input, their squares summed. */
export function variance(a: NDArray, axis: Axis, keepdims: boolean, ddof: number): NDArray {
  const m = mean(a, axis, true);
  const dtype = isFloat(a.dtype) ? a.dtype : 'float64';
  const mb = m.broadcastTo(a.shape);
  const dev = new NDArray(allocate(dtype, a.size), a.shape.slice(), dtype, keepOrderStrides(a.shape, [a.strides, mb.strides]));
  binary('subtract', a, m, dev);
  binary('multiply', dev, dev, dev);
  const s = reduce('sum', dev, axis, keepdims);
  return binary('true_divide', s, NDArray.scalar(Math.max(countOf(a, axis) - ddof, 0), 'int64'), s);
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
  if (out.size === 0) return out;
  const kept = new NDArray(v.data, v.shape.slice(0, -1), v.dtype, v.strides.slice(0, -1), v.offset);
  const step = v.strides[v.ndim - 1], n = a.shape[ax];
  let k = 0;
  forEachOffset(kept, (off) => { out.data[k++] = argOf(op, v.data, off, n, step); });
  return out;
}

/** Calls fn with the offset of each element of `a`, in C order. */
function forEachOffset(a: NDArray, fn: (off: number) => void): void {
  const idx = new Array<number>(a.ndim).fill(0);
  let off = a.offset;
  for (let k = 0; k < a.size; k++) {
    fn(off);
    for (let d = a.ndim - 1; d >= 0; d--) {
      off += a.strides[d];
      if (++idx[d] < a.shape[d]) break;
      off -= a.strides[d] * a.shape[d];
      idx[d] = 0;
    }
  }
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
