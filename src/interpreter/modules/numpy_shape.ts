// Shape functions of the numpy module: reshape, transpose, swapaxes, moveaxis, expand_dims,
// squeeze, ravel, concatenate, stack, vstack, hstack, column_stack, split, array_split,
// repeat, tile, pad, flip, fliplr, flipud, roll, rollaxis, broadcast_to, broadcast_arrays,
// atleast_1d/2d/3d, take, shape, ndim, size.
import { NDArray } from '../../engine/ndarray';
import { Slice } from '../../engine/indexing';
import { concatenate, repeat, stack, tile } from '../../engine/manip';
import { broadcastShapes, normalizeAxis } from '../../engine/shape';
import { isPyScalar } from './numpy_core';
import { Kwargs, PyList, PyTuple, PyValue } from '../objects';
import { pyErr } from '../pyerrors';
import { toArray } from '../convert';
import { NpScalar } from '../npscalar';
import { asArray, scalarIf0d, toShape } from './numpy_core';
import { arr, axesArgs, axisArg, intLike, npArgs, shapeArgs, singleAxis } from './numpy_args';
import { swapaxes } from './numpy_methods';
import { checkElements } from './numpy_state';

type Impl = (args: PyValue[], kw: Kwargs | null) => PyValue;

const all = (a: NDArray) => a.shape.map(() => new Slice());
const arrays = (v: PyValue | undefined): NDArray[] => toArray(v ?? null).map((x) => asArray(x));

/** ndarray.repeat / np.repeat: one count, or one count per element along the axis. */
export function repeatArray(a: NDArray, repeats: PyValue, axis: number | null): NDArray {
  const counts = isPyScalar(repeats) || repeats instanceof NpScalar ? null : asArray(repeats).values();
  if (!counts || counts.length === 1) {
    const n = intLike(counts ? BigInt(counts[0]) : repeats);
    if (n < 0) throw pyErr('ValueError', 'negative dimensions are not allowed');
    checkElements([a.size * n]);
    return repeat(a, n, axis);
  }
  const src = axis === null ? a.ravel() : a;
  const ax = axis === null ? 0 : normalizeAxis(axis, a.ndim);
  if (counts.length !== src.shape[ax]) throw pyErr('ValueError', `operands could not be broadcast together with shape (${src.shape[ax]},) (${counts.length},)`);
  const idx: number[] = [];
  counts.forEach((c, i) => { for (let k = 0; k < c; k++) idx.push(i); });
  return takeArray(src, NDArray.from(idx, [idx.length], 'int64'), ax);
}

/** np.take(a, indices, axis): fancy indexing along one axis (the flattened array for None). */
export function takeArray(a: NDArray, indices: PyValue, axis: number | null): NDArray {
  const idx = asArray(indices);
  if (axis === null) return scalarIf0d(a.ravel().get(idx.ndim === 0 ? idx.item() : idx));
  const ax = normalizeAxis(axis, a.ndim);
  const index = all(a).map((s, k) => (k === ax ? (idx.ndim === 0 ? idx.item() : idx) : s));
  return scalarIf0d(a.get(index));
}

/** np.pad with mode='constant': each axis padded in turn, later axes over earlier corners. */
function pad(a: NDArray, width: PyValue, values: PyValue): NDArray {
  const w = pairs(width, a.ndim, 'pad_width').map(([x, y]) => [Math.trunc(x), Math.trunc(y)]);
  if (w.some(([x, y]) => x < 0 || y < 0)) throw pyErr('ValueError', "index can't contain negative values");
  const c = pairs(values, a.ndim, 'constant_values');
  const shape = a.shape.map((d, k) => d + w[k][0] + w[k][1]);
  checkElements(shape, a.dtype);
  const out = NDArray.empty(shape, a.dtype);
  out.set(a.shape.map((d, k) => new Slice(w[k][0], w[k][0] + d)), a);
  shape.forEach((n, k) => {
    const region = (lo: number, hi: number) => shape.map((_, j) => (j === k ? new Slice(lo, hi) : new Slice()));
    if (w[k][0]) out.set(region(0, w[k][0]), c[k][0]);
    if (w[k][1]) out.set(region(n - w[k][1], n), c[k][1]);
  });
  return out;
}

/** pad_width / constant_values: a scalar, (before, after), or one pair per axis. */
function pairs(v: PyValue, ndim: number, what: string): [number, number][] {
  const x = asArray(v, 'float64');
  let p: number[][];
  if (x.ndim === 0) p = [[x.item(), x.item()]];
  else if (x.ndim === 1 && x.size <= 2) p = [[x.at(0), x.at(x.size - 1)]];
  else if (x.ndim === 2 && x.shape[1] <= 2) p = Array.from({ length: x.shape[0] }, (_, i) => [x.get([i, 0]).item(), x.get([i, x.shape[1] - 1]).item()]);
  else throw pyErr('ValueError', `Unable to create correctly shaped tuple from ${what}`);
  if (p.length === 1) return Array.from({ length: ndim }, () => [p[0][0], p[0][1]]);
  if (p.length !== ndim) throw pyErr('ValueError', `operands could not be broadcast together with remapped shapes [original->remapped]: (${p.length},2)  and requested shape (${ndim},2)`);
  return p.map(([b, e]) => [b, e]);
}

function split(a: NDArray, sections: PyValue, axis: number, strict: boolean): PyList {
  const ax = normalizeAxis(axis, a.ndim);
  const n = a.shape[ax];
  let cuts: number[];
  if (isPyScalar(sections) || sections instanceof NpScalar) {
    const k = intLike(sections);
    if (k <= 0) throw pyErr('ValueError', 'number sections must be larger than 0.');
    if (strict && n % k !== 0) throw pyErr('ValueError', 'array split does not result in an equal division');
    const size = Math.floor(n / k), extra = n % k;
    cuts = [];
    for (let i = 1, at = 0; i < k; i++) { at += size + (i <= extra ? 1 : 0); cuts.push(at); }
  } else cuts = toArray(sections).map((x) => intLike(x));
  const bounds = [0, ...cuts, n];
  const out: NDArray[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const lo = Math.min(bounds[i] < 0 ? bounds[i] + n : bounds[i], n), hi = Math.min(bounds[i + 1] < 0 ? bounds[i + 1] + n : bounds[i + 1], n);
    out.push(a.get(all(a).map((s, k) => (k === ax ? new Slice(lo, Math.max(lo, hi)) : s))));
  }
  return new PyList(out);
}

function roll(a: NDArray, shift: PyValue, axis: PyValue | undefined): NDArray {
  const ax = axisArg(axis);
  if (ax === null) return roll(a.ravel(), shift, 0n).reshape(a.shape.slice());
  const axes = Array.isArray(ax) ? ax : [ax];
  const shifts = Array.isArray(axisArg(shift)) ? (axisArg(shift) as number[]) : axes.map(() => intLike(shift));
  let r = a;
  axes.forEach((x, i) => {
    const k = normalizeAxis(x, a.ndim), n = a.shape[k];
    if (n === 0) return;
    const s = ((shifts[i] % n) + n) % n;
    if (s === 0) return;
    const part = (lo: number, hi: number) => r.get(all(r).map((sl, j) => (j === k ? new Slice(lo, hi) : sl)));
    r = concatenate([part(n - s, n), part(0, n - s)], k);
  });
  return r === a ? a.copy() : r;
}

function atleast(nd: number, args: PyValue[]): PyValue {
  const out = args.map((v) => {
    const a = asArray(v);
    if (a.ndim >= nd) return a;
    if (nd === 3 && a.ndim === 1) return a.reshape(1, a.size, 1);
    if (nd === 3 && a.ndim === 2) return a.reshape(a.shape[0], a.shape[1], 1);
    return a.reshape([...Array(nd - a.ndim).fill(1), ...a.shape]);
  });
  return out.length === 1 ? out[0] : new PyTuple(out);
}

function moveaxis(a: NDArray, src: PyValue, dst: PyValue): NDArray {
  const s = shapeArgs([src]).map((x) => normalizeAxis(x, a.ndim));
  const d = shapeArgs([dst]).map((x) => normalizeAxis(x, a.ndim));
  if (s.length !== d.length) throw pyErr('ValueError', '`source` and `destination` arguments must have the same number of elements');
  const order = a.shape.map((_, i) => i).filter((i) => !s.includes(i));
  d.map((x, i) => [x, s[i]]).sort((p, q) => p[0] - q[0]).forEach(([x, i]) => order.splice(x, 0, i));
  return a.transpose(order);
}

function columnStack(tup: NDArray[]): NDArray {
  return concatenate(tup.map((a) => (a.ndim < 2 ? a.reshape(a.size, 1) : a)), 1);
}

function flip(a: NDArray, axis: PyValue | undefined): NDArray {
  const ax = axisArg(axis);
  const axes = ax === null ? a.shape.map((_, i) => i) : (Array.isArray(ax) ? ax : [ax]).map((x) => normalizeAxis(x, a.ndim));
  return a.get(all(a).map((s, k) => (axes.includes(k) ? new Slice(null, null, -1) : s)));
}

export const SHAPE_FUNCTIONS: Record<string, Impl> = {
  reshape: (a, kw) => {
    const [x, shape, , newshape] = npArgs('reshape', a, kw, ['a', 'shape', 'order', 'newshape'], 1, 3);
    return arr(x).reshape(toShape(shape ?? newshape ?? null));
  },
  transpose: (a, kw) => {
    const [x, axes] = npArgs('transpose', a, kw, ['a', 'axes'], 1);
    return arr(x).transpose(axes === undefined ? null : axesArgs([axes]));
  },
  swapaxes: (a, kw) => { const [x, i, j] = npArgs('swapaxes', a, kw, ['a', 'axis1', 'axis2'], 3); return swapaxes(arr(x), intLike(i!), intLike(j!)); },
  rollaxis: (a, kw) => {
    const [x, axis, start] = npArgs('rollaxis', a, kw, ['a', 'axis', 'start'], 2);
    const v = arr(x), n = v.ndim;
    const ax = normalizeAxis(intLike(axis!), n);
    let st = start === undefined ? 0 : intLike(start);
    if (st < 0) st += n;
    if (st < 0 || st > n) throw pyErr('AxisError', `'start' arg requires ${-n} <= start < ${n + 1}, but ${intLike(start!)} was passed in`);
    if (ax < st) st--;
    const axes = v.shape.map((_, i) => i).filter((i) => i !== ax);
    axes.splice(st, 0, ax);
    return v.transpose(axes);
  },
  moveaxis: (a, kw) => { const [x, s, d] = npArgs('moveaxis', a, kw, ['a', 'source', 'destination'], 3); return moveaxis(arr(x), s!, d!); },
  expand_dims: (a, kw) => { const [x, axis] = npArgs('expand_dims', a, kw, ['a', 'axis'], 2); return arr(x).expandDims(shapeArgs([axis!])); },
  squeeze: (a, kw) => {
    const [x, axis] = npArgs('squeeze', a, kw, ['a', 'axis'], 1);
    return arr(x).squeeze(axis === undefined || axis === null ? null : shapeArgs([axis]));
  },
  ravel: (a, kw) => arr(npArgs('ravel', a, kw, ['a', 'order'], 1)[0]).ravel(),
  concatenate: (a, kw) => {
    const [seq, axis] = npArgs('concatenate', a, kw, ['arrays', 'axis', 'out', 'dtype', 'casting'], 1, 3);
    const xs = arrays(seq);
    if (axis === null) return concatenate(xs.map((x) => x.ravel()), 0);
    checkElements([xs.reduce((n, x) => n + x.size, 0)]);
    return concatenate(xs, axis === undefined ? 0 : intLike(axis));
  },
  stack: (a, kw) => { const [seq, axis] = npArgs('stack', a, kw, ['arrays', 'axis', 'out', 'dtype', 'casting'], 1, 3); return stack(arrays(seq), axis === undefined ? 0 : intLike(axis)); },
  vstack: (a, kw) => concatenate(arrays(npArgs('vstack', a, kw, ['tup', 'dtype', 'casting'], 1, 1)[0]).map((x) => (x.ndim < 2 ? x.reshape(1, x.size) : x)), 0),
  hstack: (a, kw) => {
    const xs = arrays(npArgs('hstack', a, kw, ['tup', 'dtype', 'casting'], 1, 1)[0]).map((x) => (x.ndim === 0 ? x.reshape(1) : x));
    return concatenate(xs, xs[0]?.ndim === 1 ? 0 : 1);
  },
  column_stack: (a, kw) => columnStack(arrays(npArgs('column_stack', a, kw, ['tup'], 1)[0])),
  split: (a, kw) => { const [x, s, axis] = npArgs('split', a, kw, ['ary', 'indices_or_sections', 'axis'], 2); return split(arr(x), s!, axis === undefined ? 0 : intLike(axis), true); },
  array_split: (a, kw) => { const [x, s, axis] = npArgs('array_split', a, kw, ['ary', 'indices_or_sections', 'axis'], 2); return split(arr(x), s!, axis === undefined ? 0 : intLike(axis), false); },
  repeat: (a, kw) => { const [x, r, axis] = npArgs('repeat', a, kw, ['a', 'repeats', 'axis'], 2); return repeatArray(arr(x), r!, singleAxis(axis)); },
  tile: (a, kw) => {
    const [x, reps] = npArgs('tile', a, kw, ['A', 'reps'], 2);
    const r = shapeArgs([reps!]);
    if (r.some((d) => d < 0)) throw pyErr('ValueError', 'negative dimensions are not allowed');
    const src = arr(x);
    const nd = Math.max(src.ndim, r.length);
    const full = [...Array(nd - r.length).fill(1), ...r], shape = [...Array(nd - src.ndim).fill(1), ...src.shape];
    checkElements(shape.map((d, i) => d * full[i]), src.dtype);
    return tile(src, r);
  },
  pad: (a, kw) => {
    const [x, width, mode, values] = npArgs('pad', a, kw, ['array', 'pad_width', 'mode', 'constant_values'], 2, 3);
    if (mode !== undefined && mode !== 'constant') throw pyErr('NotImplementedError', `np.pad mode '${String(mode)}' is not supported by Gradscope (only 'constant')`);
    return pad(arr(x), width!, values ?? 0n);
  },
  flip: (a, kw) => { const [x, axis] = npArgs('flip', a, kw, ['m', 'axis'], 1); return flip(arr(x), axis); },
  fliplr: (a) => flip(arr(a[0]), 1n),
  flipud: (a) => flip(arr(a[0]), 0n),
  roll: (a, kw) => { const [x, shift, axis] = npArgs('roll', a, kw, ['a', 'shift', 'axis'], 2); return roll(arr(x), shift!, axis); },
  broadcast_to: (a, kw) => {
    const [x, shape] = npArgs('broadcast_to', a, kw, ['array', 'shape', 'subok'], 2);
    return arr(x).broadcastTo(toShape(shape!));
  },
  broadcast_arrays: (a) => {
    const xs = a.map((v) => asArray(v));
    const shape = xs.reduce<number[]>((s, x) => broadcastShapes(s, x.shape), []);
    return new PyTuple(xs.map((x) => x.broadcastTo(shape)));
  },
  atleast_1d: (a) => atleast(1, a),
  atleast_2d: (a) => atleast(2, a),
  atleast_3d: (a) => atleast(3, a),
  take: (a, kw) => { const [x, idx, axis] = npArgs('take', a, kw, ['a', 'indices', 'axis', 'out', 'mode'], 2); return takeArray(arr(x), idx!, singleAxis(axis)); },
  shape: (a) => new PyTuple(arr(a[0]).shape.map(BigInt)),
  ndim: (a) => BigInt(arr(a[0]).ndim),
  size: (a, kw) => {
    const [x, axis] = npArgs('size', a, kw, ['a', 'axis'], 1);
    const v = arr(x);
    return BigInt(axis === undefined || axis === null ? v.size : v.shape[normalizeAxis(intLike(axis), v.ndim)]);
  },
};
