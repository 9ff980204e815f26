// Element-wise NumPy ufuncs: binary arithmetic and comparisons, unary math; broadcasting,
// NEP 50 promotion, float32 rounding through Float32Array stores, optional `out`, outputs laid
// out in the inputs' memory order (NumPy's order='K').
import { DType, Scalar, Storage, allocate, canCastSameKind, castFloat, checkPyInt, floatResult, isFloat, isInteger, promote, promoteWeak, scalarValue, wrapInt } from './dtype';
import { EngineError, shapeNp, typeError, valueError } from './errors';
import { NDArray, Operand } from './ndarray';
import { iterateRows } from './iter';
import { broadcastShapes, broadcastStrides, cStrides, sameShape } from './shape';
import { keepOrderStrides } from './layout';
import { BinaryOp, UnaryOp, cbrt, cbrtF32, scalarBinary } from './scalar_ops';
import { Floats } from './libm_fma';
import { LibmOp, ROW_KERNELS, RowKernel, isLibmOp, scalarKernel } from './libm';
import { floatRow, genericRow, simpleRowF64 } from './ufunc_rows';

export type { BinaryOp, UnaryOp } from './scalar_ops';
export { pyMod, floorDivide } from './scalar_ops';

const COMPARE = new Set<BinaryOp>(['equal', 'not_equal', 'less', 'less_equal', 'greater', 'greater_equal', 'logical_and', 'logical_or', 'logical_xor']);
const BOOL_OUT_UNARY = new Set<UnaryOp>(['logical_not', 'isnan', 'isinf', 'isfinite', 'signbit']);
const KEEP_DTYPE_UNARY = new Set<UnaryOp>(['negative', 'positive', 'absolute', 'sign', 'square', 'reciprocal', 'invert', 'floor', 'ceil', 'trunc']);

/**
 * The loop dtype of a binary ufunc (inputs are brought to it), its output dtype, and the name
 * NumPy gives that dtype in messages (int8 where Gradscope computes bool // bool in int64).
 */
const SYMBOLS: Partial<Record<BinaryOp, string>> = { add: '+', subtract: '-', multiply: '*', true_divide: '/', floor_divide: '//', remainder: '%', power: '** or pow()' };

/** What NumPy's object loop says when an operand is None (a Variable whose data is None). */
function rejectNone(op: BinaryOp, a: Operand, b: Operand): void {
  const name = (x: unknown) => x === null || x === undefined ? 'NoneType' : x instanceof NDArray ? (x.dtype === 'bool' ? 'bool' : isFloat(x.dtype) ? 'float' : 'int') : typeof x === 'number' ? 'float' : typeof x === 'bigint' ? 'int' : 'bool';
  if (a === null || a === undefined || b === null || b === undefined) {
    throw typeError(`unsupported operand type(s) for ${SYMBOLS[op] ?? op}: '${name(a)}' and '${name(b)}'`);
  }
}

function binaryTypes(op: BinaryOp, a: Operand, b: Operand): { loop: DType; out: DType; shown: string } {
  rejectNone(op, a, b);
  let loop: DType, shown = '';
  if (a instanceof NDArray && b instanceof NDArray) loop = promote(a.dtype, b.dtype);
  else if (a instanceof NDArray) loop = promoteWeak(a.dtype, b as Scalar);
  else if (b instanceof NDArray) loop = promoteWeak(b.dtype, a as Scalar);
  else loop = promote(NDArray.fromScalar(a).dtype, NDArray.fromScalar(b).dtype);
  if (op === 'true_divide' && !isFloat(loop)) loop = 'float64';
  if ((op === 'arctan2' || op === 'hypot') && !isFloat(loop)) loop = floatResult(loop);
  if (loop === 'bool') {
    if (op === 'subtract') throw typeError('numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, the `^` operator, or the logical_xor function instead.');
    // NumPy gives int8 here, a dtype Gradscope does not have.
    if (op === 'floor_divide' || op === 'remainder' || op === 'power') { loop = 'int64'; shown = 'int8'; }
  }
  // Comparisons see a Python int's exact value; arithmetic must fit it in the loop dtype.
  if (!COMPARE.has(op)) for (const x of [a, b]) if (!(x instanceof NDArray)) checkPyInt(x, loop);
  const out = COMPARE.has(op) ? 'bool' : loop;
  return { loop, out, shown: shown || out };
}

/** NumPy's name for a ufunc in messages (true_divide is np.divide). */
const ufuncName = (op: string) => (op === 'true_divide' ? 'divide' : op);

interface Side { data: Storage; strides: readonly number[]; offset: number }

/** An operand as an iteration side over `shape`; a scalar becomes a stride-0 value in the loop dtype. */
function side(x: Operand, shape: readonly number[], loop: DType): Side {
  if (x instanceof NDArray) return { data: x.data, strides: broadcastStrides(x.shape, x.strides, shape), offset: x.offset };
  const v = new Float64Array(1);
  v[0] = loop === 'float32' ? Math.fround(scalarValue(x)) : scalarValue(x);
  return { data: v, strides: shape.map(() => 0), offset: 0 };
}

/** A new output for `shape` in the memory order of the array operands (order='K'). */
function allocOut(shape: readonly number[], dtype: DType, operands: readonly Operand[]): NDArray {
  const arrays = operands.filter((x): x is NDArray => x instanceof NDArray);
  const strides = arrays.every((x) => x.contiguous) ? cStrides(shape)
    : keepOrderStrides(shape, arrays.map((x) => broadcastStrides(x.shape, x.strides, shape)));
  return new NDArray(allocate(dtype, shape.reduce((p, d) => p * d, 1)), shape.slice(), dtype, strides);
}

/** Checks a user-given `out` against the broadcast shape and NumPy's same_kind casting. */
function checkOut(out: NDArray, shape: readonly number[], op: string, outType: DType, shown: string = outType): void {
  out.checkWritable();
  let full: number[] | null;
  try { full = broadcastShapes(shape, out.shape); } catch { full = null; }
  if (!full || !sameShape(full, out.shape)) {
    throw valueError(`non-broadcastable output operand with shape ${shapeNp(out.shape)} doesn't match the broadcast shape ${shapeNp(full ?? shape)}`);
  }
  if (!canCastSameKind(outType, out.dtype)) {
    throw typeError(`Cannot cast ufunc '${ufuncName(op)}' output from dtype('${shown}') to dtype('${out.dtype}') with casting rule 'same_kind'`);
  }
}

const FAST_OPS = new Set<BinaryOp>(['add', 'subtract', 'multiply', 'true_divide', 'maximum', 'minimum', 'equal', 'greater', 'less']);

/**
 * The common small-array cases without the general machinery: float operands, contiguous,
 * of the same shape, with a scalar, or broadcasting a row (…, M)+(M,) or a column (N, M)+(N, 1).
 * Null when the case is not one of these.
 */
function fastBinary(op: BinaryOp, a: NDArray, b: Operand, into: NDArray | null): NDArray | null {
  const ad = a.dtype;
  if ((ad !== 'float64' && ad !== 'float32') || !FAST_OPS.has(op)) return null;
  let loop: DType;
  if (b instanceof NDArray) {
    if (!b.contiguous || (b.dtype !== 'float64' && b.dtype !== 'float32')) return null;
    loop = ad === b.dtype ? ad : 'float64';
  } else if (typeof b === 'number') loop = ad;
  else return null;
  const outType: DType = COMPARE.has(op) ? 'bool' : loop;
  // In place (a op= b): a is the output; float results cast back to a's float dtype.
  // (No closure here: one per call would be a third of a scalar op's garbage.)
  if (into && (outType === 'bool' || into.offset !== 0 || into.readonly)) return null;
  if (into && b instanceof NDArray && b.data === into.data && b.offset !== into.offset) return null;
  const x = a.data, xo = a.offset;
  if (!(b instanceof NDArray) || (b.size === 1 && b.ndim <= a.ndim)) {
    const v = b instanceof NDArray ? b.data[b.offset] : loop === 'float32' ? Math.fround(b) : b;
    const r = into ?? NDArray.like(a.shape, outType);
    SCALAR[0] = v;
    floatRow(op, a.size, r.data, 0, 1, x, xo, 1, SCALAR, 0, 0);
    return r;
  }
  if (a.size === 1 && a.ndim <= b.ndim) {
    const r = into ? null : NDArray.like(b.shape, outType);
    if (!r) return null;
    SCALAR[0] = x[xo];
    floatRow(op, b.size, r.data, 0, 1, SCALAR, 0, 0, b.data, b.offset, 1);
    return r;
  }
  const y = b.data, yo = b.offset;
  if (sameShape(a.shape, b.shape)) {
    const r = into ?? NDArray.like(a.shape, outType);
    floatRow(op, a.size, r.data, 0, 1, x, xo, 1, y, yo, 1);
    return r;
  }
  const an = a.ndim, bn = b.ndim, M = a.shape[an - 1];
  if (bn === 1 && an >= 1 && b.size === M) {
    const r = into ?? NDArray.like(a.shape, outType);
    for (let i = 0, n = a.size; i < n; i += M) floatRow(op, M, r.data, i, 1, x, xo + i, 1, y, yo, 1);
    return r;
  }
  if (an === 2 && bn === 2 && b.shape[1] === 1 && b.shape[0] === a.shape[0]) {
    const r = into ?? NDArray.like(a.shape, outType);
    for (let i = 0; i < a.shape[0]; i++) floatRow(op, M, r.data, i * M, 1, x, xo + i * M, 1, y, yo + i, 0);
    return r;
  }
  return null;
}

// Holds a broadcast scalar for floatRow; it is read before the call returns.
const SCALAR = new Float64Array(1);

/** A binary ufunc: `np.<op>(a, b, out=out)`. */
export function binary(op: BinaryOp, a: Operand, b: Operand, out?: NDArray): NDArray {
  if (a instanceof NDArray && a.contiguous && (out === undefined || out === a)) {
    const r = fastBinary(op, a, b, out ?? null);
    if (r !== null) return r;
  }
  const { loop, out: outType, shown } = binaryTypes(op, a, b);
  let shape = broadcastShapes(a instanceof NDArray ? a.shape : [], b instanceof NDArray ? b.shape : []);
  let result: NDArray;
  if (out) {
    checkOut(out, shape, op, outType, shown);
    shape = out.shape.slice();
    result = out;
    a = detach(a, out); b = detach(b, out);
  } else result = allocOut(shape, outType, [a, b]);
  if (op === 'power' && isInteger(loop)) rejectNegativeExponent(b);
  const generic = (loop !== 'float64' && loop !== 'float32') || result.dtype !== outType;
  const f = generic ? scalarBinary(op, loop) : null;
  const store = result.dtype, o = result.data;
  const row = (n: number, oi: number, os: number, x: Storage, xi: number, xs: number, y: Storage, yi: number, ys: number) => {
    if (f) genericRow(f, store, n, o, oi, os, x, xi, xs, y, yi, ys);
    else floatRow(op, n, o, oi, os, x, xi, xs, y, yi, ys);
  };
  // Fast path: contiguous operands of the result's shape, or single values, need no iterator.
  if (result.contiguous && flat(a, shape) && flat(b, shape)) {
    const [x, xi, xs] = flatSide(a, loop, shape), [y, yi, ys] = flatSide(b, loop, shape);
    row(result.size, result.offset, 1, x, xi, xs, y, yi, ys);
    return result;
  }
  const sa = side(a, shape, loop), sb = side(b, shape, loop);
  iterateRows(shape, [result, sa, sb], (n, offs, steps) => row(n, offs[0], steps[0], sa.data, offs[1], steps[1], sb.data, offs[2], steps[2]), true);
  return result;
}

/**
 * A scalar, a single value broadcast (a size-1 array of no more dimensions: DeZero's `1 - y`
 * has a 0-d int64 array), or a C-contiguous array of exactly `shape`.
 */
function flat(x: Operand, shape: readonly number[]): boolean {
  return !(x instanceof NDArray) || (x.size === 1 && x.ndim <= shape.length) || (x.contiguous && sameShape(x.shape, shape));
}

/** Storage, start and step of a flat operand (a single value repeats with step 0). */
function flatSide(x: Operand, loop: DType, shape: readonly number[]): [Storage, number, number] {
  if (x instanceof NDArray) return [x.data, x.offset, sameShape(x.shape, shape) ? 1 : 0];
  const v = new Float64Array(1);
  v[0] = loop === 'float32' ? Math.fround(scalarValue(x)) : scalarValue(x);
  return [v, 0, 0];
}

/** NumPy checks every exponent of an integer power before any overflow can show. */
function rejectNegativeExponent(b: Operand): void {
  const neg = b instanceof NDArray ? binary('less', b, 0n).values().some((v) => v !== 0) : scalarValue(b) < 0;
  if (neg) throw valueError('Integers to negative integer powers are not allowed.');
}

/** An input sharing memory with `out` in a different layout is copied first (NumPy buffers overlap). */
function detach(x: Operand, out: NDArray): Operand {
  if (!(x instanceof NDArray) || x.data !== out.data) return x;
  const same = x.offset === out.offset && sameShape(x.shape, out.shape) && x.strides.every((s, i) => s === out.strides[i]);
  return same ? x : x.copy();
}

// ── unary ─────────────────────────────────────────────────────────────────────

const noLoop = (op: string, d: DType) => new EngineError('TypeError',
  `ufunc '${op}' did not contain a loop with signature matching types <class 'numpy.dtypes.${d === 'bool' ? 'Bool' : d[0].toUpperCase() + d.slice(1)}DType'> -> None`);

/** The output dtype of a unary ufunc on `d`, following NumPy's loop tables. */
function unaryType(op: UnaryOp, d: DType): DType {
  if (BOOL_OUT_UNARY.has(op)) return 'bool';
  if (d === 'bool') {
    if (op === 'negative') throw typeError('The numpy boolean negative, the `-` operator, is not supported, use the `~` operator or the logical_not function instead.');
    if (op === 'positive' || op === 'sign') throw noLoop(op, d);
    // square and reciprocal give int8 in NumPy, a dtype Gradscope does not have.
    if (op === 'square' || op === 'reciprocal') return 'int64';
  }
  if (op === 'invert' && isFloat(d)) {
    throw typeError(`ufunc 'invert' not supported for the input types, and the inputs could not be safely coerced to any supported types according to the casting rule ''safe''`);
  }
  return KEEP_DTYPE_UNARY.has(op) ? d : floatResult(d);
}

/** NumPy's loop dtype for unary float math on `d` (float16 loops for bool/uint8 are float32 here). */
const loopOf = (d: DType): 'float64' | 'float32' => (floatResult(d) === 'float32' ? 'float32' : 'float64');

/** The bit-exact loops of ./libm as functions of one value, made once. */
const LIBM_SCALAR = Object.fromEntries(Object.entries(ROW_KERNELS).map(([op, k]) =>
  [op, { float64: scalarKernel(k.float64), float32: scalarKernel(k.float32) }])) as Record<LibmOp, Record<'float64' | 'float32', (x: number) => number>>;

function scalarUnary(op: UnaryOp, d: DType): (x: number) => number {
  switch (op) {
    case 'negative': return (x) => -x;
    case 'positive': return (x) => x;
    case 'absolute': return Math.abs;
    case 'sign': return (x) => (x !== x ? NaN : x > 0 ? 1 : x < 0 ? -1 : 0);
    case 'square': return (x) => x * x;
    // For bool, 1/True is 1 and 1/False (inf) casts to 0 in NumPy's int8 loop.
    case 'reciprocal': return d === 'bool' ? (x) => x : (x) => 1 / x;
    case 'exp': case 'log': case 'sin': case 'cos': case 'tanh': return LIBM_SCALAR[op][loopOf(d)];
    case 'expm1': return Math.expm1;
    case 'exp2': return (x) => Math.pow(2, x);
    case 'log2': return Math.log2;
    case 'log10': return Math.log10;
    case 'log1p': return Math.log1p;
    case 'sqrt': return Math.sqrt;
    case 'cbrt': return loopOf(d) === 'float32' ? cbrtF32 : cbrt;
    case 'tan': return Math.tan;
    case 'arcsin': return Math.asin;
    case 'arccos': return Math.acos;
    case 'arctan': return Math.atan;
    case 'sinh': return Math.sinh;
    case 'cosh': return Math.cosh;
    case 'arcsinh': return Math.asinh;
    case 'arccosh': return Math.acosh;
    case 'arctanh': return Math.atanh;
    case 'floor': return Math.floor;
    case 'ceil': return Math.ceil;
    case 'trunc': return Math.trunc;
    case 'rint': return roundHalfEven;
    case 'logical_not': return (x) => (x === 0 ? 1 : 0);
    case 'invert': return d === 'bool' ? (x) => (x ? 0 : 1) : (x) => -x - 1;
    case 'isnan': return (x) => (x !== x ? 1 : 0);
    case 'isinf': return (x) => (x === Infinity || x === -Infinity ? 1 : 0);
    case 'isfinite': return (x) => (Number.isFinite(x) ? 1 : 0);
    case 'signbit': return (x) => (x < 0 || Object.is(x, -0) ? 1 : 0);
  }
}

/** Round half to even, as np.rint / np.round do. */
export function roundHalfEven(x: number): number {
  if (!Number.isFinite(x)) return x;
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

const FAST_UNARY: ReadonlySet<UnaryOp> = new Set<UnaryOp>(['exp', 'log', 'tanh', 'negative', 'sqrt', 'sin', 'cos', 'square', 'absolute', 'reciprocal']);

/** Contiguous float input, fresh output or in place: one tight loop per common op. */
function fastUnary(op: UnaryOp, a: NDArray, into: NDArray | undefined): NDArray | null {
  if ((a.dtype !== 'float64' && a.dtype !== 'float32') || !a.contiguous || !FAST_UNARY.has(op)) return null;
  if (into !== undefined && (into !== a || a.readonly)) return null;
  const n = a.size, x = a.data, xo = a.offset;
  const r = into ?? NDArray.like(a.shape, a.dtype), o = r.data, oo = r.offset;
  if (isLibmOp(op)) {
    ROW_KERNELS[op][a.dtype](n, x as Floats, xo, 1, o as Floats, oo, 1);
    return r;
  }
  if (x instanceof Float64Array && o instanceof Float64Array) simpleRowF64(op, n, x, xo, o, oo);
  else if (op === 'negative') for (let i = 0; i < n; i++) o[oo + i] = -x[xo + i];
  else if (op === 'square') for (let i = 0; i < n; i++) o[oo + i] = x[xo + i] * x[xo + i];
  else if (op === 'absolute') for (let i = 0; i < n; i++) o[oo + i] = Math.abs(x[xo + i]);
  else if (op === 'reciprocal') for (let i = 0; i < n; i++) o[oo + i] = 1 / x[xo + i];
  else for (let i = 0; i < n; i++) o[oo + i] = Math.sqrt(x[xo + i]);
  return r;
}

/** A unary ufunc: `np.<op>(a, out=out)`. */
export function unary(op: UnaryOp, a: NDArray, out?: NDArray): NDArray {
  const fast = fastUnary(op, a, out);
  if (fast !== null) return fast;
  const outType = unaryType(op, a.dtype);
  let result: NDArray;
  if (out) {
    // bool square/reciprocal are int8 loops in NumPy; Gradscope computes them in int64.
    checkOut(out, a.shape, op, outType, a.dtype === 'bool' && outType === 'int64' ? 'int8' : outType);
    result = out;
    a = detach(a, out) as NDArray;
    if (!sameShape(a.shape, out.shape)) a = a.broadcastTo(out.shape);
  } else result = allocOut(a.shape, outType, [a]);
  const o = result.data, x = a.data;
  const rd = result.dtype;
  if (isLibmOp(op) && isFloat(rd)) {
    // NumPy's loop for the input's dtype; a store into another float dtype casts (rounds).
    const k: RowKernel = ROW_KERNELS[op][loopOf(a.dtype)];
    iterateRows(a.shape, [result, a], (n, offs, steps) => k(n, x as Floats, offs[1], steps[1], o as Floats, offs[0], steps[0]), true);
    return result;
  }
  const f = scalarUnary(op, a.dtype);
  // Integer reciprocal is 1.0/x cast back (NumPy's loop), other integer results wrap around.
  const store = isFloat(rd) ? null : op === 'reciprocal' && !isFloat(a.dtype) ? castFloat : wrapInt;
  iterateRows(a.shape, [result, a], (n, offs, steps) => {
    let oi = offs[0], xi = offs[1];
    const os = steps[0], xs = steps[1];
    if (!store) for (let j = 0; j < n; j++, oi += os, xi += xs) o[oi] = f(x[xi]);
    else for (let j = 0; j < n; j++, oi += os, xi += xs) o[oi] = store(f(x[xi]), rd);
  }, true);
  return result;
}

/**
 * The `**` operator (ndarray.__pow__): NumPy computes a ** 2 as square(a) for every dtype, and
 * for float arrays a ** -1 as reciprocal and a ** 0.5 as sqrt; other exponents use np.power.
 */
export function power(a: NDArray, b: Operand, out?: NDArray): NDArray {
  if (b === 2n) return unary('square', a, out);
  if (isFloat(a.dtype) && b === -1n) return unary('reciprocal', a, out);
  if (isFloat(a.dtype) && b === 0.5) return unary('sqrt', a, out);
  return binary('power', a, b, out);
}

/** np.where(cond, x, y): any non-zero cond (NaN included) picks x. */
export function where(cond: NDArray, x: Operand, y: Operand): NDArray {
  const shapes = [cond.shape, x instanceof NDArray ? x.shape : [], y instanceof NDArray ? y.shape : []];
  let shape: number[];
  try {
    shape = broadcastShapes(broadcastShapes(shapes[0], shapes[1]), shapes[2]);
  } catch {
    throw valueError(`operands could not be broadcast together with shapes ${shapes.map(shapeNp).join(' ')} `);
  }
  const { loop } = binaryTypes('add', x, y);
  const result = allocOut(shape, loop, [cond, x, y]);
  const sc = side(cond, shape, 'bool'), sx = side(x, shape, loop), sy = side(y, shape, loop);
  const o = result.data, c = sc.data, xd = sx.data, yd = sy.data;
  iterateRows(shape, [result, sc, sx, sy], (n, offs, steps) => {
    let oi = offs[0], ci = offs[1], xi = offs[2], yi = offs[3];
    for (let j = 0; j < n; j++, oi += steps[0], ci += steps[1], xi += steps[2], yi += steps[3]) {
      o[oi] = c[ci] !== 0 ? xd[xi] : yd[yi];
    }
  }, true);
  return result;
}

/** np.clip(a, lo, hi) = minimum(maximum(a, lo), hi); either bound may be null. */
export function clip(a: NDArray, lo: Operand | null, hi: Operand | null): NDArray {
  let r = a;
  if (lo !== null) r = binary('maximum', r, lo);
  if (hi !== null) r = binary('minimum', r, hi);
  return r === a ? a.copy() : r;
}
