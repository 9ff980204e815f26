// Array creation in the numpy module: array, asarray, copy, zeros, ones, empty, full and
// their *_like forms, arange, linspace, logspace, eye, identity, meshgrid, diag, tril, triu.
import { NDArray } from '../../engine/ndarray';
import { DType, Scalar, isInteger } from '../../engine/dtype';
import { arange, eye, linspace, meshgrid } from '../../engine/creation';
import { binary, unary, where } from '../../engine/ufunc';
import { Kwargs, PyTuple, PyValue } from '../objects';
import { pyErr } from '../pyerrors';
import { toFloat, toIndex } from '../convert';
import { NpScalar } from '../npscalar';
import { asArray, isPyScalar, toOperand, toShape } from './numpy_core';
import { arr, flag, intLike, npArgs } from './numpy_args';
import { dtypeArg } from './numpy_dtype';
import { checkElements } from './numpy_state';

type Impl = (args: PyValue[], kw: Kwargs | null) => PyValue;

/** np.array(object, dtype=None, *, copy=True, ndmin=0). */
function array(a: PyValue[], kw: Kwargs | null): NDArray {
  const [obj, dtype, copy, , , ndmin] = npArgs('array', a, kw, ['object', 'dtype', 'copy', 'order', 'subok', 'ndmin', 'like'], 1, 2);
  const d = dtypeArg(dtype);
  let r: NDArray;
  if (obj instanceof NDArray && !(obj instanceof NpScalar) && copy !== undefined && copy !== null && !flag(copy) && (!d || d === obj.dtype)) r = obj;
  else if (obj instanceof NDArray) r = d && d !== obj.dtype ? obj.astype(d) : obj.copy();
  else r = asArray(obj!, d);
  const nd = ndmin === undefined ? 0 : toIndex(ndmin);
  return r.ndim < nd ? r.reshape([...Array(nd - r.ndim).fill(1), ...r.shape]) : r;
}

/** A fill value: Python scalars stay weak; NumPy scalars and arrays bring their dtype. */
function filled(shape: number[], value: PyValue, dtype: DType | undefined): NDArray {
  const v = toOperand(value);
  const d = dtype ?? (v instanceof NDArray ? v.dtype : isPyScalar(v) ? (typeof v === 'boolean' ? 'bool' : typeof v === 'bigint' ? 'int64' : 'float64') : 'float64');
  checkElements(shape, d);
  const out = NDArray.empty(shape, d);
  out.set([], v);
  return out;
}

function zerosLike(name: string, fill: number | null): Impl {
  return (a, kw) => {
    const [proto, dtype, , , shape] = npArgs(name, a, kw, ['a', 'dtype', 'order', 'subok', 'shape'], 1);
    const p = arr(proto);
    const s = shape === undefined || shape === null ? p.shape.slice() : toShape(shape);
    const d = dtypeArg(dtype) ?? p.dtype;
    checkElements(s, d);
    return fill === null ? NDArray.empty(s, d) : NDArray.full(s, fill, d);
  };
}

function sized(name: string, fill: number): Impl {
  return (a, kw) => {
    const [shape, dtype] = npArgs(name, a, kw, ['shape', 'dtype', 'order', 'like'], 1, 3);
    const s = toShape(shape!);
    const d = dtypeArg(dtype) ?? 'float64';
    checkElements(s, d);
    return NDArray.full(s, fill, d);
  };
}

/** An arange bound: Python numbers as they are, NumPy scalars as the Python number they hold. */
function bound(v: PyValue): Scalar {
  if (isPyScalar(v)) return v;
  if (v instanceof NpScalar) return v.dtype === 'float64' || v.dtype === 'float32' ? v.value : v.dtype === 'bool' ? v.value !== 0 : BigInt(v.value);
  return toFloat(v);
}

function arangeCall(a: PyValue[], kw: Kwargs | null): NDArray {
  const [x, y, step, dtype] = npArgs('arange', a, kw, ['start', 'stop', 'step', 'dtype'], 0);
  if (x === undefined) throw pyErr('TypeError', 'arange() requires stop to be specified.');
  const s = step === undefined || step === null ? 1n : bound(step);
  const [lo, hi] = y === undefined || y === null ? [0n, bound(x)] : [bound(x), bound(y)];
  const n = Math.ceil((Number(hi) - Number(lo)) / Number(s));
  if (Number.isFinite(n) && n > 0) checkElements([n]);
  return arange(y === undefined || y === null ? hi : lo, y === undefined || y === null ? null : hi, s, dtypeArg(dtype));
}

function linspaceCall(a: PyValue[], kw: Kwargs | null): PyValue {
  const [start, stop, num, endpoint, retstep, dtype] = npArgs('linspace', a, kw, ['start', 'stop', 'num', 'endpoint', 'retstep', 'dtype', 'axis'], 2);
  const n = num === undefined ? 50 : intLike(num);
  checkElements([n]);
  const ep = flag(endpoint, true);
  const lo = toFloat(start!), hi = toFloat(stop!);
  let r = linspace(lo, hi, n, ep);
  const d = dtypeArg(dtype);
  if (d && isInteger(d)) r = unary('floor', r).astype(d);
  else if (d) r = r.astype(d);
  if (!flag(retstep)) return r;
  const div = ep ? n - 1 : n;
  return new PyTuple([r, div > 0 ? NpScalar.make((hi - lo) / div, 'float64') : NaN]);
}

/** np.diag: the k-th diagonal of a 2-d array, or a 2-d array with v on its k-th diagonal. */
function diag(v: NDArray, k: number): NDArray {
  if (v.ndim === 1) {
    const n = v.size + Math.abs(k);
    checkElements([n, n], v.dtype);
    const out = NDArray.empty([n, n], v.dtype);
    for (let i = 0; i < v.size; i++) out.set([k >= 0 ? i : i - k, k >= 0 ? i + k : i], v.get(i));
    return out;
  }
  if (v.ndim !== 2) throw pyErr('ValueError', 'Input must be 1- or 2-d.');
  const [r, c] = v.shape;
  const len = Math.max(0, Math.min(k >= 0 ? r : r + k, k >= 0 ? c - k : c));
  const out = NDArray.empty([len], v.dtype);
  for (let i = 0; i < len; i++) out.set(i, v.get([k >= 0 ? i : i - k, k >= 0 ? i + k : i]));
  return out;
}

/** tril / triu: zeros above (below) the k-th diagonal of the last two axes. */
function triangle(m: NDArray, k: number, lower: boolean): NDArray {
  const [r, c] = m.shape.slice(-2);
  const mask = NDArray.empty([r, c], 'bool');
  for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) mask.data[i * c + j] = (lower ? j - i <= k : j - i >= k) ? 1 : 0;
  return where(mask, m, NDArray.scalar(0, m.dtype));
}

export const CREATE_FUNCTIONS: Record<string, Impl> = {
  array: (a, kw) => array(a, kw),
  asarray: (a, kw) => {
    const [obj, dtype, , , copy] = npArgs('asarray', a, kw, ['a', 'dtype', 'order', 'device', 'copy', 'like'], 1, 3);
    const r = asArray(obj!, dtypeArg(dtype));
    return r instanceof NpScalar || (copy !== undefined && flag(copy) && r === obj) ? r.copy() : r;
  },
  asanyarray: (a) => { const r = asArray(a[0] ?? null, dtypeArg(a[1])); return r instanceof NpScalar ? r.copy() : r; },
  ascontiguousarray: (a, kw) => {
    const [obj, dtype] = npArgs('ascontiguousarray', a, kw, ['a', 'dtype', 'like'], 1);
    const r = asArray(obj!, dtypeArg(dtype));
    return r.ndim === 0 ? r.reshape(1) : r.contiguousCopy();
  },
  copy: (a, kw) => arr(npArgs('copy', a, kw, ['a', 'order', 'subok'], 1)[0]).copy(),
  zeros: sized('zeros', 0),
  ones: sized('ones', 1),
  empty: sized('empty', 0),
  full: (a, kw) => {
    const [shape, value, dtype] = npArgs('full', a, kw, ['shape', 'fill_value', 'dtype', 'order', 'like'], 2, 4);
    return filled(toShape(shape!), value!, dtypeArg(dtype));
  },
  zeros_like: zerosLike('zeros_like', 0),
  ones_like: zerosLike('ones_like', 1),
  empty_like: zerosLike('empty_like', 0),
  full_like: (a, kw) => {
    const [proto, value, dtype, , , shape] = npArgs('full_like', a, kw, ['a', 'fill_value', 'dtype', 'order', 'subok', 'shape'], 2);
    const p = arr(proto);
    return filled(shape === undefined || shape === null ? p.shape.slice() : toShape(shape), value!, dtypeArg(dtype) ?? p.dtype);
  },
  arange: arangeCall,
  linspace: linspaceCall,
  logspace: (a, kw) => {
    const [start, stop, num, endpoint, base, dtype] = npArgs('logspace', a, kw, ['start', 'stop', 'num', 'endpoint', 'base', 'dtype', 'axis'], 2);
    const y = linspace(toFloat(start!), toFloat(stop!), num === undefined ? 50 : intLike(num), flag(endpoint, true));
    const r = binary('power', base === undefined ? 10.0 : toFloat(base), y);
    const d = dtypeArg(dtype);
    return d ? r.astype(d) : r;
  },
  eye: (a, kw) => {
    const [n, m, k, dtype] = npArgs('eye', a, kw, ['N', 'M', 'k', 'dtype', 'order', 'device', 'like'], 1);
    const rows = intLike(n!), cols = m === undefined || m === null ? rows : intLike(m);
    checkElements([rows, cols]);
    return eye(rows, cols, k === undefined ? 0 : intLike(k), dtypeArg(dtype) ?? 'float64');
  },
  identity: (a, kw) => {
    const [n, dtype] = npArgs('identity', a, kw, ['n', 'dtype', 'like'], 1);
    const rows = intLike(n!);
    checkElements([rows, rows]);
    return eye(rows, rows, 0, dtypeArg(dtype) ?? 'float64');
  },
  meshgrid: (a, kw) => {
    const indexing = kw?.get('indexing') ?? 'xy';
    if (indexing !== 'xy' && indexing !== 'ij') throw pyErr('ValueError', "Valid values for `indexing` are 'xy' and 'ij'.");
    const xs = a.map((v) => asArray(v));
    checkElements(xs.map((x) => x.size));
    return new PyTuple(meshgrid(xs, indexing));
  },
  diag: (a, kw) => { const [v, k] = npArgs('diag', a, kw, ['v', 'k'], 1); return diag(arr(v), k === undefined ? 0 : intLike(k)); },
  tril: (a, kw) => { const [m, k] = npArgs('tril', a, kw, ['m', 'k'], 1); return triangle(arr(m), k === undefined ? 0 : intLike(k), true); },
  triu: (a, kw) => { const [m, k] = npArgs('triu', a, kw, ['m', 'k'], 1); return triangle(arr(m), k === undefined ? 0 : intLike(k), false); },
};
