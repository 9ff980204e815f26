// numpy.ufunc objects (np.add, np.exp, np.maximum, …): calls with out= and dtype=, and the
// methods at, reduce, accumulate, outer.
import { NDArray, Operand, asNDArray } from '../../engine/ndarray';
import { BinaryOp, UnaryOp, binary, unary } from '../../engine/ufunc';
import { ReduceOp, reduce } from '../../engine/reduce';
import { addAt } from '../../engine/indexing';
import { DType } from '../../engine/dtype';
import { Kwargs, PyValue } from '../objects';
import { pyErr } from '../pyerrors';
import { methods, props } from '../native';
import { T, registerNative } from '../types';
import { NpScalar, npClass } from '../npscalar';
import { scalarIf0d, toEngineIndex, toOperand } from './numpy_core';
import { axisArg, flag, npArgs, outArg } from './numpy_args';
import { dtypeArg } from './numpy_dtype';
import { ufuncErrors } from './numpy_errors';
import { checkElements } from './numpy_state';
import { accumulate, foldAxis, ufuncAt } from './numpy_accumulate';

type Kernel = { kind: 'unary'; op: UnaryOp } | { kind: 'binary'; op: BinaryOp } | { kind: 'custom'; f: (a: NDArray) => NDArray };

/** A NumPy ufunc: its name (as NumPy reports it) and what it computes. */
export class Ufunc {
  /** Instance attributes: __name__ lives here so that the ufunc class keeps its own. */
  readonly dict: Map<string, PyValue>;
  constructor(readonly name: string, readonly kernel: Kernel) {
    this.dict = new Map([['__name__', name]]);
  }
  get nin(): number { return this.kernel.kind === 'binary' ? 2 : 1; }
}

export const UFUNC_CLASS = npClass('ufunc', [T.object]);
registerNative(Ufunc, UFUNC_CLASS);

const REDUCE_OPS: Partial<Record<BinaryOp, ReduceOp>> = {
  add: 'sum', multiply: 'prod', maximum: 'max', minimum: 'min', logical_and: 'all', logical_or: 'any',
};

const castIn = (x: Operand, d: DType | undefined): Operand => (d && x instanceof NDArray ? x.astype(d) : x);

function call(u: Ufunc, args: PyValue[], kw: Kwargs | null): PyValue {
  const names = u.nin === 2 ? ['x1', 'x2', 'out'] : ['x', 'out'];
  if (kw?.has('where')) throw pyErr('NotImplementedError', `Gradscope's ufuncs do not support where=`);
  const kw2 = kw && new Map([...kw].filter(([k]) => k !== 'dtype' && k !== 'casting'));
  if (args.length < u.nin || args.length > u.nin + 1) {
    throw pyErr('TypeError', `${u.name}() takes from ${u.nin} to ${u.nin + 1} positional arguments but ${args.length} ${args.length === 1 ? 'was' : 'were'} given`);
  }
  const p = npArgs(u.name, args, kw2, names, u.nin);
  const d = dtypeArg(kw?.get('dtype'));
  const out = outArg(p[u.nin]);
  const x = castIn(toOperand(p[0]!), d);
  const k = u.kernel;
  const r = ufuncErrors(() => {
    if (k.kind === 'binary') {
      const y = castIn(toOperand(p[1]!), d);
      if (!out && x instanceof NDArray && y instanceof NDArray) checkElements(binaryShape(x, y));
      return binary(k.op, x, y, out);
    }
    const a = asNDArray(x);
    if (k.kind === 'unary') return unary(k.op, a, out);
    const c = k.f(a);
    if (out) { out.set([], c); return out; }
    return c;
  });
  return out ? r : scalarIf0d(r);
}

function binaryShape(x: NDArray, y: NDArray): number[] {
  const n = Math.max(x.ndim, y.ndim);
  return Array.from({ length: n }, (_, i) => {
    const a = x.shape[x.ndim - n + i] ?? 1, b = y.shape[y.ndim - n + i] ?? 1;
    return Math.max(a, b);
  });
}

function binaryOp(u: Ufunc, what: string): BinaryOp {
  if (u.kernel.kind !== 'binary') throw pyErr('ValueError', `${what} only supported for binary functions`);
  return u.kernel.op;
}

function reduceCall(u: Ufunc, args: PyValue[], kw: Kwargs | null): PyValue {
  const op = binaryOp(u, 'reduce');
  const [array, axis, dtype, out, keepdims] = npArgs('reduce', args, kw, ['array', 'axis', 'dtype', 'out', 'keepdims', 'initial', 'where'], 1);
  let a = asNDArray(toOperand(array!));
  const d = dtypeArg(dtype);
  const keep = flag(keepdims);
  let ax = axis === undefined ? 0 : axisArg(axis);
  const fixed = REDUCE_OPS[op];
  let r: NDArray;
  if (fixed) r = reduce(fixed, d ? a.astype(d) : a, ax, keep, d);
  else {
    if (Array.isArray(ax)) throw pyErr('NotImplementedError', `Gradscope's ${u.name}.reduce takes one axis`);
    if (ax === null) { a = a.ravel(); ax = 0; }
    r = foldAxis(op, d ? a.astype(d) : a, ax, keep);
  }
  const o = outArg(out);
  if (o) { o.set([], r); return o; }
  return scalarIf0d(r);
}

methods(UFUNC_CLASS, {
  __call__: (s, a, kw) => call(s as Ufunc, a, kw),
  __repr__: (s) => `<ufunc '${(s as Ufunc).name}'>`,
  reduce: (s, a, kw) => reduceCall(s as Ufunc, a, kw),
  accumulate: (s, a, kw) => {
    const op = binaryOp(s as Ufunc, 'accumulate');
    const [array, axis, dtype] = npArgs('accumulate', a, kw, ['array', 'axis', 'dtype', 'out'], 1);
    const x = asNDArray(toOperand(array!));
    return accumulate(op, x, axis === undefined || axis === null ? 0 : Number(axisArg(axis)), dtypeArg(dtype) ?? x.dtype);
  },
  outer: (s, a, kw) => {
    const op = binaryOp(s as Ufunc, 'outer');
    const [x1, x2] = npArgs('outer', a, kw, ['A', 'B'], 2);
    const x = asNDArray(toOperand(x1!)), y = asNDArray(toOperand(x2!));
    checkElements([...x.shape, ...y.shape]);
    return scalarIf0d(ufuncErrors(() => binary(op, x.reshape([...x.shape, ...y.shape.map(() => 1)]), y)));
  },
  at: (s, a, kw) => {
    const u = s as Ufunc;
    const [target, indices, b] = npArgs('at', a, kw, ['a', 'indices', 'b'], 2);
    if (!(target instanceof NDArray) || target instanceof NpScalar) throw pyErr('TypeError', 'first operand must be array');
    const index = toEngineIndex(indices!);
    if (u.kernel.kind !== 'binary') {
      const k = u.kernel;
      const v = target.get(index);
      target.set(index, k.kind === 'unary' ? unary(k.op, v) : k.f(v));
      return null;
    }
    if (b === undefined || b === null) throw pyErr('ValueError', 'second operand needed for ufunc');
    const y = toOperand(b);
    if (u.kernel.op === 'add') addAt(target, index, y);
    else ufuncAt(u.kernel.op, target, index, y);
    return null;
  },
});
props(UFUNC_CLASS, {
  nin: [(s) => BigInt((s as Ufunc).nin)],
  nout: [() => 1n],
  nargs: [(s) => BigInt((s as Ufunc).nin + 1)],
});

const UNARY: UnaryOp[] = ['negative', 'positive', 'absolute', 'sign', 'square', 'reciprocal', 'exp', 'expm1', 'exp2',
  'log', 'log2', 'log10', 'log1p', 'sqrt', 'cbrt', 'sin', 'cos', 'tan', 'arcsin', 'arccos', 'arctan', 'sinh', 'cosh',
  'tanh', 'arcsinh', 'arccosh', 'arctanh', 'floor', 'ceil', 'trunc', 'rint', 'logical_not', 'invert', 'isnan', 'isinf',
  'isfinite', 'signbit'];
const BINARY: BinaryOp[] = ['add', 'subtract', 'multiply', 'floor_divide', 'remainder', 'power', 'maximum', 'minimum',
  'fmax', 'fmin', 'arctan2', 'hypot', 'equal', 'not_equal', 'less', 'less_equal', 'greater', 'greater_equal',
  'logical_and', 'logical_or', 'logical_xor', 'bitwise_and', 'bitwise_or', 'bitwise_xor'];
/** Other names NumPy 2 gives the same ufunc objects. */
const ALIASES: Record<string, string> = {
  abs: 'absolute', true_divide: 'divide', mod: 'remainder', pow: 'power', bitwise_not: 'invert', bitwise_invert: 'invert',
  acos: 'arccos', asin: 'arcsin', atan: 'arctan', acosh: 'arccosh', asinh: 'arcsinh', atanh: 'arctanh', atan2: 'arctan2',
  degrees: 'rad2deg', radians: 'deg2rad',
};

/** The ufunc objects of the numpy module, by attribute name. */
export function ufuncMembers(): Map<string, Ufunc> {
  const m = new Map<string, Ufunc>();
  for (const op of UNARY) m.set(op, new Ufunc(op, { kind: 'unary', op }));
  for (const op of BINARY) m.set(op, new Ufunc(op, { kind: 'binary', op }));
  m.set('divide', new Ufunc('divide', { kind: 'binary', op: 'true_divide' }));
  m.set('fabs', new Ufunc('fabs', { kind: 'custom', f: (a) => unary('absolute', a.dtype === 'float32' ? a : a.astype('float64')) }));
  // NumPy computes x * (180/pi) and x * (pi/180) with the constants folded.
  m.set('rad2deg', new Ufunc('rad2deg', { kind: 'custom', f: (a) => binary('multiply', floatIn(a), 180 / Math.PI) }));
  m.set('deg2rad', new Ufunc('deg2rad', { kind: 'custom', f: (a) => binary('multiply', floatIn(a), Math.PI / 180) }));
  for (const [alias, name] of Object.entries(ALIASES)) m.set(alias, m.get(name)!);
  return m;
}

const floatIn = (a: NDArray): NDArray => (a.dtype === 'float32' || a.dtype === 'float64' ? a : a.astype(a.dtype === 'bool' || a.dtype === 'uint8' ? 'float32' : 'float64'));

