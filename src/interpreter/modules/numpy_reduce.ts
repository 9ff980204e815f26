// Reductions shared by ndarray methods and numpy functions: sum prod mean var std max min
// any all argmax argmin, with axis / dtype / out / ddof / keepdims; cumsum, cumprod; round.
import { DType, isFloat, isInteger } from '../../engine/dtype';
import { NDArray } from '../../engine/ndarray';
import { binary, unary } from '../../engine/ufunc';
import { argReduce, mean, reduce, variance } from '../../engine/reduce';
import { cumsum } from '../../engine/manip';
import { Kwargs, PyValue } from '../objects';
import { pyErr } from '../pyerrors';
import { toIndex } from '../convert';
import { scalarIf0d } from './numpy_core';
import { axisArg, flag, npArgs, outArg, singleAxis } from './numpy_args';
import { dtypeArg } from './numpy_dtype';
import { accumulate } from './numpy_accumulate';

type Run = (a: NDArray, p: (PyValue | undefined)[]) => NDArray;

interface Reduction { names: string[]; keywordOnly?: number; run: Run }

// Parameter positions: axis 0, then as listed.
const SUM_NAMES = ['axis', 'dtype', 'out', 'keepdims'];
const EXT_NAMES = ['axis', 'out', 'keepdims'];
const VAR_NAMES = ['axis', 'dtype', 'out', 'ddof', 'keepdims'];

const cast = (a: NDArray, d: PyValue | undefined): NDArray => {
  const dt = dtypeArg(d);
  return dt && dt !== a.dtype ? a.astype(dt) : a;
};

function varOf(a: NDArray, p: (PyValue | undefined)[]): NDArray {
  const ddof = p[3] === undefined || p[3] === null ? 0 : Number(toIndex(p[3]));
  return variance(cast(a, p[1]), axisArg(p[0]), flag(p[4]), ddof);
}

/** The reductions, by method name. */
export const REDUCTIONS: Record<string, Reduction> = {
  sum: { names: SUM_NAMES, run: (a, p) => reduce('sum', a, axisArg(p[0]), flag(p[3]), dtypeArg(p[1])) },
  prod: { names: SUM_NAMES, run: (a, p) => reduce('prod', a, axisArg(p[0]), flag(p[3]), dtypeArg(p[1])) },
  mean: { names: SUM_NAMES, run: (a, p) => mean(cast(a, p[1]), axisArg(p[0]), flag(p[3])) },
  max: { names: EXT_NAMES, run: (a, p) => reduce('max', a, axisArg(p[0]), flag(p[2])) },
  min: { names: EXT_NAMES, run: (a, p) => reduce('min', a, axisArg(p[0]), flag(p[2])) },
  any: { names: EXT_NAMES, run: (a, p) => reduce('any', a, axisArg(p[0]), flag(p[2])) },
  all: { names: EXT_NAMES, run: (a, p) => reduce('all', a, axisArg(p[0]), flag(p[2])) },
  argmax: { names: EXT_NAMES, keywordOnly: 2, run: (a, p) => argReduce('argmax', a, singleAxis(p[0]), flag(p[2])) },
  argmin: { names: EXT_NAMES, keywordOnly: 2, run: (a, p) => argReduce('argmin', a, singleAxis(p[0]), flag(p[2])) },
  var: { names: VAR_NAMES, run: varOf },
  std: { names: VAR_NAMES, run: (a, p) => unary('sqrt', varOf(a, p)) },
};

const OUT_AT: Record<string, number> = { sum: 2, prod: 2, mean: 2, var: 2, std: 2 };

/** Runs reduction `name` on `a` with Python arguments (after the array). */
export function runReduction(name: string, a: NDArray, args: PyValue[], kw: Kwargs | null): PyValue {
  const r = REDUCTIONS[name];
  const p = npArgs(name, args, kw, r.names, 0, r.keywordOnly ?? r.names.length);
  const out = outArg(p[OUT_AT[name] ?? 1]);
  const res = r.run(a, p);
  if (out) {
    out.set([], res);
    return out;
  }
  return scalarIf0d(res);
}

/** cumsum / cumprod (axis=None flattens). */
export function runCumulative(name: 'cumsum' | 'cumprod', a: NDArray, args: PyValue[], kw: Kwargs | null): PyValue {
  const [axis, dtype, out] = npArgs(name, args, kw, ['axis', 'dtype', 'out'], 0);
  const ax = singleAxis(axis);
  const dt = dtypeArg(dtype);
  const r = name === 'cumsum' ? cumsum(a, ax, dt) : accumulate('multiply', ax === null ? a.ravel() : a, ax ?? 0, dt ?? defaultAccDType(a.dtype));
  const o = outArg(out);
  if (o) { o.set([], r); return o; }
  return r;
}

const defaultAccDType = (d: DType): DType => (isFloat(d) ? d : 'int64');

/** NumPy's power_of_ten: exact table below 1e9, repeated multiplication above. */
function powerOfTen(n: number): number {
  if (n < 9) return 10 ** n;
  let r = 1e9;
  while (n-- > 9) r *= 10;
  return r;
}

/** np.round(a, decimals): multiply, rint, divide (NumPy's PyArray_Round); integers with decimals >= 0 are copied. */
export function npRound(a: NDArray, decimals: number): NDArray {
  const int = isInteger(a.dtype) || a.dtype === 'bool';
  if (int && decimals >= 0) return a.copy();
  const f = powerOfTen(Math.abs(decimals));
  const x = int ? a.astype('float64') : a;
  const [op1, op2] = decimals >= 0 ? ['multiply', 'true_divide'] as const : ['true_divide', 'multiply'] as const;
  const r = binary(op2, unary('rint', binary(op1, x, f)), f);
  return int ? r.astype(a.dtype) : r;
}

/** A `decimals` argument. */
export function decimalsArg(v: PyValue | undefined): number {
  if (v === undefined || v === null) return 0;
  if (typeof v === 'number') throw pyErr('TypeError', "'float' object cannot be interpreted as an integer");
  return toIndex(v);
}
