// Index tricks: np.r_ and np.c_ (concatenation by subscript), np.s_ and np.index_exp.
import { NDArray } from '../../engine/ndarray';
import { DType, promote, promoteWeak } from '../../engine/dtype';
import { arange } from '../../engine/creation';
import { concatenate } from '../../engine/manip';
import { PySlice, PyTuple, PyValue } from '../objects';
import { pyErr } from '../pyerrors';
import { T, registerNative } from '../types';
import { methods } from '../native';
import { NpScalar, npClass } from '../npscalar';
import { asArray, isPyScalar } from './numpy_core';

/** np.r_ (axis 0, ndmin 1) or np.c_ (last axis, 1-d items as columns). */
class Concatenator {
  constructor(readonly axis: number, readonly ndmin: number) {}
}
class RClass extends Concatenator {}
class CClass extends Concatenator {}
/** np.s_ (a key as given) and np.index_exp (always a tuple). */
class IndexExpression {
  constructor(readonly tuple: boolean) {}
}

const MODULE = 'numpy.lib._index_tricks_impl';
const RCLASS = npClass('RClass', [T.object], MODULE);
const CCLASS = npClass('CClass', [T.object], MODULE);
const INDEX_EXPRESSION = npClass('IndexExpression', [T.object], MODULE);
registerNative(RClass, RCLASS);
registerNative(CClass, CCLASS);
registerNative(IndexExpression, INDEX_EXPRESSION);

const bound = (v: PyValue): number | bigint => (v === null ? 0n : typeof v === 'bigint' || typeof v === 'number' ? v : Number(v));

/** One item as an array of at least `ndmin` dims; 1-d items of np.c_ become columns. */
function itemArray(v: PyValue, ndmin: number): NDArray {
  let a: NDArray;
  if (v instanceof PySlice) {
    if (typeof v.step === 'object' && v.step !== null && !(v.step instanceof NpScalar)) throw pyErr('NotImplementedError', 'complex steps in np.r_/np.c_ are not supported');
    a = arange(bound(v.start), bound(v.stop), v.step === null ? 1n : bound(v.step));
  } else a = asArray(v);
  const nd = a.ndim;
  if (nd >= ndmin) return a;
  const r = a.reshape([...Array(ndmin - nd).fill(1), ...a.shape]);
  // NumPy's trans1d=0: the original axes move to the front.
  return ndmin === 2 && nd === 1 ? r.transpose([1, 0]) : r;
}

function concat(c: Concatenator, key: PyValue): NDArray {
  const items = key instanceof PyTuple ? key.items : [key];
  if (items.some((v) => typeof v === 'string')) throw pyErr('NotImplementedError', 'string directives in np.r_/np.c_ are not supported');
  const arrays = items.map((v) => itemArray(v, c.ndmin));
  let dtype: DType | null = null;
  items.forEach((v, i) => { if (!isPyScalar(v)) dtype = dtype ? promote(dtype, arrays[i].dtype) : arrays[i].dtype; });
  items.forEach((v, i) => { if (isPyScalar(v)) dtype = dtype ? promoteWeak(dtype, v) : arrays[i].dtype; });
  const d = dtype ?? 'float64';
  return concatenate(arrays.map((a) => (a.dtype === d ? a : a.astype(d))), c.axis);
}

methods(RCLASS, { __getitem__: (s, a) => concat(s as Concatenator, a[0]) });
methods(CCLASS, { __getitem__: (s, a) => concat(s as Concatenator, a[0]) });
methods(INDEX_EXPRESSION, {
  __getitem__: (s, a) => ((s as IndexExpression).tuple && !(a[0] instanceof PyTuple) ? new PyTuple([a[0]]) : a[0]),
});

export const INDEX_TRICKS: Record<string, PyValue> = {
  r_: new RClass(0, 1),
  c_: new CClass(-1, 2),
  s_: new IndexExpression(false),
  index_exp: new IndexExpression(true),
};
