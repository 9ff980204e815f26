// Methods shared by ndarray and the NumPy scalars: astype, copy, reshape, transpose, ravel,
// flatten, squeeze, swapaxes, the reductions, cumsum/cumprod, dot, item, tolist, clip,
// round, argsort, nonzero, repeat, take, view.
import { NDArray } from '../../engine/ndarray';
import { argsort, nonzero } from '../../engine/manip';
import { dot } from '../../engine/linalg';
import { clip } from '../../engine/ufunc';
import { Kwargs, PyClass, PyTuple, PyValue } from '../objects';
import { pyErr } from '../pyerrors';
import { methods } from '../native';
import { NpScalar } from '../npscalar';
import { elementToPy, scalarIf0d, toOperand, toPyList } from './numpy_core';
import { toDType } from './numpy_dtype';
import { axesArgs, arr, intLike, npArgs, outArg, shapeArgs, singleAxis } from './numpy_args';
import { REDUCTIONS, decimalsArg, npRound, runCumulative, runReduction } from './numpy_reduce';
import { repeatArray, takeArray } from './numpy_shape';

const A = (v: PyValue) => v as NDArray;
/** Scalars stay scalars through methods that keep the shape. */
const same = (self: NDArray, r: NDArray): NDArray => (self instanceof NpScalar ? scalarIf0d(r) : r);

/** ndarray.item(*args): one element as a Python number. */
function item(a: NDArray, args: PyValue[]): PyValue {
  if (args.length === 0) {
    if (a.size !== 1) throw pyErr('ValueError', 'can only convert an array of size 1 to a Python scalar');
    return elementToPy(a.at(0), a.dtype);
  }
  const idx = args.length === 1 && args[0] instanceof PyTuple ? args[0].items : args;
  if (idx.length === 1) {
    let i = intLike(idx[0]);
    if (i < -a.size || i >= a.size) throw pyErr('IndexError', `index ${i} is out of bounds for axis 0 with size ${a.size}`);
    if (i < 0) i += a.size;
    return elementToPy(a.at(i), a.dtype);
  }
  if (idx.length !== a.ndim) throw pyErr('ValueError', 'incorrect number of indices for array');
  return elementToPy(a.get(idx.map((x) => intLike(x))).item(), a.dtype);
}

function reshape(a: NDArray, args: PyValue[], kw: Kwargs | null): NDArray {
  let shape = args;
  if (kw?.has('shape')) shape = [kw.get('shape')!];
  const order = kw?.get('order');
  if (order !== undefined && order !== 'C') throw pyErr('NotImplementedError', "Gradscope's reshape supports order='C' only");
  if (!shape.length) throw pyErr('TypeError', 'reshape() takes exactly 1 argument (0 given)');
  return a.reshape(shapeArgs(shape));
}

/** Installs the shared methods on ndarray or numpy.generic. */
export function installArrayMethods(cls: PyClass): void {
  const table: Record<string, (self: PyValue, args: PyValue[], kw: Kwargs | null) => PyValue> = {
    astype: (s, a, kw) => {
      const [dtype, , , , copy] = npArgs('astype', a, kw, ['dtype', 'order', 'casting', 'subok', 'copy'], 1);
      const d = toDType(dtype!);
      return same(A(s), copy === false && d === A(s).dtype ? A(s) : A(s).astype(d));
    },
    copy: (s) => same(A(s), A(s).copy()),
    reshape: (s, a, kw) => reshape(A(s), a, kw),
    transpose: (s, a) => same(A(s), A(s).transpose(axesArgs(a))),
    ravel: (s) => A(s).ravel(),
    flatten: (s) => A(s).flatten(),
    squeeze: (s, a, kw) => {
      const [axis] = npArgs('squeeze', a, kw, ['axis'], 0);
      return same(A(s), A(s).squeeze(axis === undefined || axis === null ? null : shapeArgs([axis])));
    },
    swapaxes: (s, a, kw) => {
      const [a1, a2] = npArgs('swapaxes', a, kw, ['axis1', 'axis2'], 2);
      return swapaxes(A(s), intLike(a1!), intLike(a2!));
    },
    cumsum: (s, a, kw) => runCumulative('cumsum', A(s), a, kw),
    cumprod: (s, a, kw) => runCumulative('cumprod', A(s), a, kw),
    dot: (s, a, kw) => {
      const [b, out] = npArgs('dot', a, kw, ['b', 'out'], 1);
      const r = dot(A(s), arr(b));
      const o = outArg(out);
      if (o) { o.set([], r); return o; }
      return scalarIf0d(r);
    },
    item: (s, a) => item(A(s), a),
    tolist: (s) => toPyList(A(s)),
    clip: (s, a, kw) => {
      const [lo, hi, out] = npArgs('clip', a, kw, ['min', 'max', 'out'], 0);
      return clipCall(A(s), lo ?? null, hi ?? null, out);
    },
    round: (s, a, kw) => {
      const [decimals, out] = npArgs('round', a, kw, ['decimals', 'out'], 0);
      const r = npRound(A(s), decimalsArg(decimals));
      const o = outArg(out);
      if (o) { o.set([], r); return o; }
      return scalarIf0d(r);
    },
    argsort: (s, a, kw) => {
      const [axis] = npArgs('argsort', a, kw, ['axis', 'kind', 'order'], 0);
      return argsort(A(s), axis === undefined ? -1 : singleAxis(axis));
    },
    nonzero: (s) => new PyTuple(nonzero(A(s).ndim === 0 ? A(s).reshape(1) : A(s))),
    repeat: (s, a, kw) => {
      const [repeats, axis] = npArgs('repeat', a, kw, ['repeats', 'axis'], 1);
      return repeatArray(A(s), repeats!, singleAxis(axis));
    },
    take: (s, a, kw) => {
      const [indices, axis] = npArgs('take', a, kw, ['indices', 'axis', 'out', 'mode'], 1);
      return takeArray(A(s), indices!, singleAxis(axis));
    },
    view: (s, a) => {
      if (a.length && a[0] !== null && toDType(a[0]) !== A(s).dtype) throw pyErr('NotImplementedError', 'Gradscope cannot reinterpret array memory as another dtype');
      return A(s).view(A(s).shape, A(s).strides);
    },
  };
  for (const name of Object.keys(REDUCTIONS)) table[name] = (s, a, kw) => runReduction(name, A(s), a, kw);
  methods(cls, table);
}

/** np.clip / ndarray.clip: either bound may be None (not both). */
export function clipCall(a: NDArray, lo: PyValue, hi: PyValue, out: PyValue | undefined): PyValue {
  if (lo === null && hi === null) throw pyErr('ValueError', 'One of max or min must be given');
  const r = clip(a, lo === null ? null : toOperand(lo), hi === null ? null : toOperand(hi));
  const o = outArg(out);
  if (o) { o.set([], r); return o; }
  return scalarIf0d(r);
}

/** ndarray.swapaxes: a view with two axes exchanged. */
export function swapaxes(a: NDArray, i: number, j: number): NDArray {
  const perm = a.shape.map((_, k) => k);
  const n = a.ndim;
  const x = i < 0 ? i + n : i, y = j < 0 ? j + n : j;
  if (x < 0 || x >= n || y < 0 || y >= n) {
    throw pyErr('AxisError', `axis${x < 0 || x >= n ? 1 : 2}: axis ${x < 0 || x >= n ? i : j} is out of bounds for array of dimension ${n}`);
  }
  [perm[x], perm[y]] = [perm[y], perm[x]];
  return a.transpose(perm);
}

