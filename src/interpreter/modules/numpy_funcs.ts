// numpy functions over arrays: the reductions as functions, round, where, nonzero,
// count_nonzero, argwhere, sort, argsort, clip, unique, median, average, diff, bincount,
// isclose, allclose, array_equal, isscalar, issubdtype, dot, matmul, outer, inner, tensordot, trace.
import { NDArray } from '../../engine/ndarray';
import { Slice } from '../../engine/indexing';
import { argsort, nonzero, sort } from '../../engine/manip';
import { binary, unary, where } from '../../engine/ufunc';
import { reduce } from '../../engine/reduce';
import { dot, matmul } from '../../engine/linalg';
import { tensordot } from '../../engine/tensordot';
import { promoteWeak } from '../../engine/dtype';
import { Kwargs, PyClass, PyList, PyTuple, PyValue } from '../objects';
import { pyErr } from '../pyerrors';
import { GENERIC, NpScalar, SCALAR_CLASSES } from '../npscalar';
import { toDType } from './numpy_dtype';
import { isPyScalar, scalarIf0d, toOperand } from './numpy_core';
import { arr, axisArg, flag, intLike, npArgs, num, outArg, shapeArgs, singleAxis } from './numpy_args';
import { REDUCTIONS, decimalsArg, npRound, runCumulative, runReduction } from './numpy_reduce';
import { clipCall } from './numpy_methods';
import { checkElements } from './numpy_state';

type Impl = (args: PyValue[], kw: Kwargs | null) => PyValue;

/** np.<reduction>(a, …) as ndarray.<reduction>(…). */
function reduction(name: string): Impl {
  return (a, kw) => {
    const rest = kw && new Map(kw);
    const x = a.length ? a[0] : rest?.get('a');
    rest?.delete('a');
    if (x === undefined) throw pyErr('TypeError', `${name}() missing 1 required positional argument: 'a'`);
    return runReduction(name, arr(x), a.slice(1), rest);
  };
}

function isclose(a: NDArray, b: NDArray, rtol: number, atol: number, equalNan: boolean): NDArray {
  const y = b.astype(promoteWeak(b.dtype, 1.0));
  const close = binary('less_equal', unary('absolute', binary('subtract', a, y)), binary('add', atol, binary('multiply', rtol, unary('absolute', y))));
  let r = binary('logical_or', binary('logical_and', close, unary('isfinite', y)), binary('equal', a, y));
  if (equalNan) r = binary('logical_or', r, binary('logical_and', unary('isnan', a), unary('isnan', y)));
  return r;
}

function closeArgs(name: string, a: PyValue[], kw: Kwargs | null): NDArray {
  const [x, y, rtol, atol, equalNan] = npArgs(name, a, kw, ['a', 'b', 'rtol', 'atol', 'equal_nan'], 2);
  return isclose(arr(x), arr(y), num(rtol, 1e-5), num(atol, 1e-8), flag(equalNan));
}

/** np.unique on the flattened array: sorted values, optionally first indices, inverse, counts. */
function unique(a: PyValue[], kw: Kwargs | null): PyValue {
  const [x, retIndex, retInverse, retCounts, axis] = npArgs('unique', a, kw, ['ar', 'return_index', 'return_inverse', 'return_counts', 'axis', 'equal_nan'], 1);
  if (axis !== undefined && axis !== null) throw pyErr('NotImplementedError', "Gradscope's np.unique supports axis=None only");
  const src = arr(x);
  const flat = src.ravel();
  const order = argsort(flat, 0).values();
  const v = flat.values();
  const same = (p: number, q: number) => v[p] === v[q] || (v[p] !== v[p] && v[q] !== v[q]);
  const firsts: number[] = [], counts: number[] = [];
  const inverse = new Float64Array(flat.size);
  for (let i = 0; i < order.length; i++) {
    if (i === 0 || !same(order[i], order[i - 1])) { firsts.push(order[i]); counts.push(0); }
    counts[counts.length - 1]++;
    inverse[order[i]] = firsts.length - 1;
  }
  const values = NDArray.from(firsts.map((i) => v[i]), [firsts.length], src.dtype);
  const out: NDArray[] = [values];
  if (flag(retIndex)) out.push(NDArray.from(firsts, [firsts.length], 'int64'));
  if (flag(retInverse)) out.push(new NDArray(inverse, src.ndim === 0 ? [1] : src.shape.slice(), 'int64'));
  if (flag(retCounts)) out.push(NDArray.from(counts, [counts.length], 'int64'));
  return out.length === 1 ? values : new PyTuple(out);
}

function median(a: PyValue[], kw: Kwargs | null): PyValue {
  const [x, axis, , , keepdims] = npArgs('median', a, kw, ['a', 'axis', 'out', 'overwrite_input', 'keepdims'], 1);
  const src = arr(x);
  const ax = singleAxis(axis);
  const s = ax === null ? sort(src.ravel(), 0) : sort(src, ax);
  const k = ax === null ? 0 : ax < 0 ? ax + src.ndim : ax;
  const n = s.shape[k];
  if (n === 0) return NpScalar.make(NaN, 'float64');
  const pick = (i: number) => s.get(s.shape.map((_, d) => (d === k ? i : sliceAll())));
  const mid = Math.floor(n / 2);
  const f = s.dtype === 'float32' ? 'float32' : 'float64';
  let r = n % 2 ? pick(mid).astype(f) : binary('true_divide', binary('add', pick(mid - 1).astype(f), pick(mid).astype(f)), 2.0);
  if (flag(keepdims)) r = ax === null ? r.reshape(src.shape.map(() => 1)) : r.expandDims(k);
  return scalarIf0d(r);
}

function average(a: PyValue[], kw: Kwargs | null): PyValue {
  const [x, axis, weights, returned, keepdims] = npArgs('average', a, kw, ['a', 'axis', 'weights', 'returned', 'keepdims'], 1);
  const src = arr(x);
  const ax = axisArg(axis), keep = flag(keepdims);
  let avg: NDArray, scl: NDArray;
  if (weights === undefined || weights === null) {
    avg = runReduction('mean', src, [], new Map<string, PyValue>([['axis', axis ?? null], ['keepdims', keep]])) as NDArray;
    scl = NDArray.full(avg.shape, src.size / Math.max(avg.size, 1), avg.dtype);
  } else {
    const w = arr(weights);
    const wb = w.ndim === src.ndim ? w : w.reshape(src.shape.map((d, i) => (i === ax ? d : 1)));
    scl = reduce('sum', wb.astype(promoteWeak(binary('multiply', src, wb).dtype, 1.0)), ax, keep);
    if (reduce('any', binary('equal', scl, 0), null, false).item()) throw pyErr('ZeroDivisionError', "Weights sum to zero, can't be normalized");
    avg = binary('true_divide', reduce('sum', binary('multiply', src, wb), ax, keep), scl);
  }
  return flag(returned) ? new PyTuple([scalarIf0d(avg), scalarIf0d(scl)]) : scalarIf0d(avg);
}

function diff(a: PyValue[], kw: Kwargs | null): NDArray {
  const [x, n, axis] = npArgs('diff', a, kw, ['a', 'n', 'axis', 'prepend', 'append'], 1);
  let r = arr(x);
  const k = axis === undefined ? r.ndim - 1 : intLike(axis) < 0 ? intLike(axis) + r.ndim : intLike(axis);
  for (let t = n === undefined ? 1 : intLike(n); t > 0; t--) {
    const m = r.shape[k];
    const part = (lo: number, hi: number) => r.get(r.shape.map((_, d) => (d === k ? sliceOf(lo, hi) : sliceAll())));
    r = r.dtype === 'bool' ? binary('not_equal', part(1, m), part(0, m - 1)) : binary('subtract', part(1, m), part(0, m - 1));
  }
  return r;
}

const sliceAll = () => new Slice();
const sliceOf = (lo: number, hi: number) => new Slice(lo, Math.max(lo, hi));

function bincount(a: PyValue[], kw: Kwargs | null): NDArray {
  const [x, weights, minlength] = npArgs('bincount', a, kw, ['x', 'weights', 'minlength'], 1);
  const v = arr(x);
  if (v.dtype === 'float64' || v.dtype === 'float32') throw pyErr('TypeError', "Cannot cast array data from dtype('float64') to dtype('int64') according to the rule 'safe'");
  const vals = v.values();
  if (vals.some((e) => e < 0)) throw pyErr('ValueError', "'list' argument must have no negative elements");
  const n = Math.max(vals.length ? Math.max(...vals) + 1 : 0, minlength === undefined || minlength === null ? 0 : intLike(minlength));
  const w = weights === undefined || weights === null ? null : arr(weights).astype('float64').values();
  const out = NDArray.empty([n], w ? 'float64' : 'int64');
  vals.forEach((e, i) => { out.data[e] += w ? w[i] : 1; });
  return out;
}

function isscalar(v: PyValue): boolean {
  return isPyScalar(v) || typeof v === 'string' || v instanceof Uint8Array || v instanceof NpScalar;
}

export const FUNCTIONS: Record<string, Impl> = {
  ...Object.fromEntries(Object.keys(REDUCTIONS).map((n) => [n, reduction(n)])),
  amax: reduction('max'),
  amin: reduction('min'),
  cumsum: (a, kw) => { const [x, ...rest] = a; return runCumulative('cumsum', arr(x), rest, kw); },
  cumprod: (a, kw) => { const [x, ...rest] = a; return runCumulative('cumprod', arr(x), rest, kw); },
  round: (a, kw) => roundCall(a, kw),
  around: (a, kw) => roundCall(a, kw),
  where: (a, kw) => {
    const [cond, x, y] = npArgs('where', a, kw, ['condition', 'x', 'y'], 1);
    if (x === undefined && y === undefined) return new PyTuple(nonzero(arr(cond)));
    if (x === undefined || y === undefined) throw pyErr('ValueError', 'either both or neither of x and y should be given');
    return where(arr(cond), toOperand(x), toOperand(y));
  },
  nonzero: (a) => new PyTuple(nonzero(arr(a[0]))),
  argwhere: (a) => {
    const x = arr(a[0]);
    // A 0-d array is one element with no index columns.
    if (x.ndim === 0) return NDArray.empty([x.item() ? 1 : 0, 0], 'int64');
    const idx = nonzero(x);
    const n = idx.length ? idx[0].size : 0;
    return idx.length ? new NDArray(Float64Array.from({ length: n * idx.length }, (_, i) => idx[i % idx.length].at(Math.floor(i / idx.length))), [n, idx.length], 'int64') : NDArray.empty([0, 0], 'int64');
  },
  count_nonzero: (a, kw) => {
    const [x, axis, keepdims] = npArgs('count_nonzero', a, kw, ['a', 'axis', 'keepdims'], 1);
    return scalarIf0d(reduce('sum', binary('not_equal', arr(x), 0), axisArg(axis), flag(keepdims)));
  },
  sort: (a, kw) => { const [x, axis] = npArgs('sort', a, kw, ['a', 'axis', 'kind', 'order', 'stable'], 1); return sort(arr(x), axis === undefined ? -1 : singleAxis(axis)); },
  argsort: (a, kw) => { const [x, axis] = npArgs('argsort', a, kw, ['a', 'axis', 'kind', 'order', 'stable'], 1); return argsort(arr(x), axis === undefined ? -1 : singleAxis(axis)); },
  clip: (a, kw) => {
    const [x, lo, hi, out] = npArgs('clip', a, kw, ['a', 'a_min', 'a_max', 'out', 'min', 'max'], 1, 4);
    return clipCall(arr(x), lo ?? kw?.get('min') ?? null, hi ?? kw?.get('max') ?? null, out);
  },
  unique,
  median,
  average,
  diff,
  bincount,
  isclose: (a, kw) => scalarIf0d(closeArgs('isclose', a, kw)),
  allclose: (a, kw) => reduce('all', closeArgs('allclose', a, kw), null, false).item() !== 0,
  array_equal: (a, kw) => {
    const [x, y, equalNan] = npArgs('array_equal', a, kw, ['a1', 'a2', 'equal_nan'], 2);
    const p = arr(x), q = arr(y);
    if (!p.sameShape(q)) return false;
    let e = binary('equal', p, q);
    if (flag(equalNan)) e = binary('logical_or', e, binary('logical_and', unary('isnan', p), unary('isnan', q)));
    return reduce('all', e, null, false).item() !== 0;
  },
  isscalar: (a) => isscalar(a[0]),
  issubdtype: (a, kw) => {
    const [x, y] = npArgs('issubdtype', a, kw, ['arg1', 'arg2'], 2);
    const sub = SCALAR_CLASSES[toDType(x!)];
    const sup = y instanceof PyClass && y.isSubclassOf(GENERIC) ? y : SCALAR_CLASSES[toDType(y!)];
    return sub.isSubclassOf(sup);
  },
  dot: (a, kw) => {
    const [x, y, out] = npArgs('dot', a, kw, ['a', 'b', 'out'], 2);
    const r = dot(arr(x), arr(y));
    const o = outArg(out);
    if (o) { o.set([], r); return o; }
    return scalarIf0d(r);
  },
  matmul: (a, kw) => {
    const [x, y, out] = npArgs('matmul', a, kw, ['x1', 'x2', 'out'], 2);
    const r = matmul(arr(x), arr(y));
    const o = outArg(out);
    if (o) { o.set([], r); return o; }
    return scalarIf0d(r);
  },
  outer: (a, kw) => {
    const [x, y] = npArgs('outer', a, kw, ['a', 'b', 'out'], 2);
    const p = arr(x).ravel(), q = arr(y).ravel();
    checkElements([p.size, q.size]);
    return binary('multiply', p.reshape(p.size, 1), q.reshape(1, q.size));
  },
  inner: (a, kw) => {
    const [x, y] = npArgs('inner', a, kw, ['a', 'b'], 2);
    const p = arr(x), q = arr(y);
    if (p.ndim === 0 || q.ndim === 0) return scalarIf0d(binary('multiply', p, q));
    return scalarIf0d(tensordot(p, q, [[p.ndim - 1], [q.ndim - 1]]));
  },
  tensordot: (a, kw) => {
    const [x, y, axes] = npArgs('tensordot', a, kw, ['a', 'b', 'axes'], 2);
    const ax = axes === undefined ? 2 : axes instanceof PyTuple || axes instanceof PyList
      ? [shapeArgs([axes.items[0]]), shapeArgs([axes.items[1]])] as [number[], number[]] : intLike(axes);
    return tensordot(arr(x), arr(y), ax);
  },
  trace: (a, kw) => {
    const [x, offset] = npArgs('trace', a, kw, ['a', 'offset', 'axis1', 'axis2', 'dtype', 'out'], 1);
    const m = arr(x), k = offset === undefined ? 0 : intLike(offset);
    let s: NDArray = NDArray.scalar(0, m.dtype === 'float32' || m.dtype === 'float64' ? m.dtype : 'int64');
    for (let i = 0; i < m.shape[0]; i++) if (i + k >= 0 && i + k < m.shape[1]) s = binary('add', s, m.get([i, i + k]));
    return scalarIf0d(s);
  },
};

function roundCall(a: PyValue[], kw: Kwargs | null): PyValue {
  const [x, decimals, out] = npArgs('round', a, kw, ['a', 'decimals', 'out'], 1);
  const r = npRound(arr(x), decimalsArg(decimals));
  const o = outArg(out);
  if (o) { o.set([], r); return o; }
  return scalarIf0d(r);
}
