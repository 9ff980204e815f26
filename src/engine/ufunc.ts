// Element-wise NumPy ufuncs: binary arithmetic and comparisons, unary math; broadcasting,
// NEP 50 promotion, float32 rounding through Float32Array stores, optional `out`.
import { DType, Scalar, Storage, canCastSameKind, floatResult, isFloat, promote, promoteWeak, scalarValue } from './dtype';
import { EngineError, typeError } from './errors';
import { NDArray, Operand, convert } from './ndarray';
import { iterateRows } from './iter';
import { broadcastShapes, broadcastStrides, sameShape } from './shape';

export type BinaryOp =
  | 'add' | 'subtract' | 'multiply' | 'true_divide' | 'floor_divide' | 'remainder' | 'power'
  | 'maximum' | 'minimum' | 'fmax' | 'fmin' | 'arctan2' | 'hypot'
  | 'equal' | 'not_equal' | 'less' | 'less_equal' | 'greater' | 'greater_equal'
  | 'logical_and' | 'logical_or' | 'logical_xor' | 'bitwise_and' | 'bitwise_or' | 'bitwise_xor';

export type UnaryOp =
  | 'negative' | 'positive' | 'absolute' | 'sign' | 'square' | 'reciprocal'
  | 'exp' | 'expm1' | 'exp2' | 'log' | 'log2' | 'log10' | 'log1p' | 'sqrt' | 'cbrt'
  | 'sin' | 'cos' | 'tan' | 'arcsin' | 'arccos' | 'arctan' | 'sinh' | 'cosh' | 'tanh'
  | 'arcsinh' | 'arccosh' | 'arctanh' | 'floor' | 'ceil' | 'trunc' | 'rint'
  | 'logical_not' | 'invert' | 'isnan' | 'isinf' | 'isfinite' | 'signbit';

const COMPARE = new Set<BinaryOp>(['equal', 'not_equal', 'less', 'less_equal', 'greater', 'greater_equal', 'logical_and', 'logical_or', 'logical_xor']);
const FLOAT_ONLY = new Set<BinaryOp>(['true_divide', 'arctan2', 'hypot']);
const BOOL_OUT_UNARY = new Set<UnaryOp>(['logical_not', 'isnan', 'isinf', 'isfinite', 'signbit']);
const KEEP_DTYPE_UNARY = new Set<UnaryOp>(['negative', 'positive', 'absolute', 'sign', 'square', 'invert']);

/** The output dtype of a binary ufunc, and the dtype its inputs are brought to. */
function binaryTypes(op: BinaryOp, a: Operand, b: Operand): { loop: DType; out: DType } {
  let loop: DType;
  if (a instanceof NDArray && b instanceof NDArray) loop = promote(a.dtype, b.dtype);
  else if (a instanceof NDArray) loop = promoteWeak(a.dtype, b as Scalar);
  else if (b instanceof NDArray) loop = promoteWeak(b.dtype, a as Scalar);
  else loop = promote(NDArray.fromScalar(a).dtype, NDArray.fromScalar(b).dtype);
  if (FLOAT_ONLY.has(op) && !isFloat(loop)) loop = loop === 'uint8' ? 'float32' : 'float64';
  if (loop === 'bool') {
    if (op === 'subtract') throw typeError('numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, the `^` operator, or the logical_xor function instead.');
    if (op === 'floor_divide' || op === 'remainder' || op === 'power') loop = 'int64';
  }
  return { loop, out: COMPARE.has(op) ? 'bool' : loop };
}

interface Side { data: Storage | Float64Array; strides: readonly number[]; offset: number }

/** An operand as an iteration side over `shape`, converting scalars to the loop dtype. */
function side(x: Operand, shape: readonly number[], loop: DType): Side {
  if (x instanceof NDArray) return { data: x.data, strides: broadcastStrides(x.shape, x.strides, shape), offset: x.offset };
  const v = new Float64Array(1);
  v[0] = loop === 'float32' ? Math.fround(scalarValue(x)) : convert(scalarValue(x), loop);
  return { data: v, strides: shape.map(() => 0), offset: 0 };
}

/** A binary ufunc: `np.<op>(a, b, out=out)`. */
export function binary(op: BinaryOp, a: Operand, b: Operand, out?: NDArray): NDArray {
  const { loop, out: outType } = binaryTypes(op, a, b);
  const shape = broadcastShapes(a instanceof NDArray ? a.shape : [], b instanceof NDArray ? b.shape : []);
  let result: NDArray;
  if (out) {
    out.checkWritable();
    if (!sameShape(out.shape, shape)) throw new EngineError('ValueError', `non-broadcastable output operand with shape ${fmt(out.shape)} doesn't match the broadcast shape ${fmt(shape)}`);
    if (!canCastSameKind(outType, out.dtype)) {
      throw new EngineError('TypeError', `Cannot cast ufunc '${op}' output from dtype('${outType}') to dtype('${out.dtype}') with casting rule 'same_kind'`);
    }
    result = out;
    a = detach(a, out); b = detach(b, out);
  } else result = NDArray.empty(shape, outType);
  const sa = side(a, shape, loop), sb = side(b, shape, loop);
  const o = result.data, x = sa.data, y = sb.data;
  const generic = loop !== 'float64' && loop !== 'float32' || result.dtype !== outType;
  const f = generic ? scalarBinary(op, loop) : null;
  const cast = generic && outType !== result.dtype ? result.dtype : outType;
  iterateRows(shape, [result, sa, sb], (n, offs, steps) => {
    if (f) genericRow(f, cast, n, o, offs[0], steps[0], x, offs[1], steps[1], y, offs[2], steps[2]);
    else floatRow(op, n, o, offs[0], steps[0], x, offs[1], steps[1], y, offs[2], steps[2]);
  });
  return result;
}

/** An input sharing memory with `out` in a different layout is copied first (NumPy buffers overlap). */
function detach(x: Operand, out: NDArray): Operand {
  if (!(x instanceof NDArray) || x.data !== out.data) return x;
  const same = x.offset === out.offset && sameShape(x.shape, out.shape) && x.strides.every((s, i) => s === out.strides[i]);
  return same ? x : x.copy();
}

function fmt(s: readonly number[]): string { return s.length === 1 ? `(${s[0]},)` : `(${s.join(',')})`; }

type Buf = Storage | Float64Array;

// Float loops, one tight loop per common op; the switch sits outside the loop.
function floatRow(op: BinaryOp, n: number, o: Buf, oi: number, os: number, x: Buf, xi: number, xs: number, y: Buf, yi: number, ys: number): void {
  switch (op) {
    case 'add': for (let j = 0; j < n; j++, oi += os, xi += xs, yi += ys) o[oi] = x[xi] + y[yi]; return;
    case 'subtract': for (let j = 0; j < n; j++, oi += os, xi += xs, yi += ys) o[oi] = x[xi] - y[yi]; return;
    case 'multiply': for (let j = 0; j < n; j++, oi += os, xi += xs, yi += ys) o[oi] = x[xi] * y[yi]; return;
    case 'true_divide': for (let j = 0; j < n; j++, oi += os, xi += xs, yi += ys) o[oi] = x[xi] / y[yi]; return;
    case 'maximum': for (let j = 0; j < n; j++, oi += os, xi += xs, yi += ys) o[oi] = Math.max(x[xi], y[yi]); return;
    case 'minimum': for (let j = 0; j < n; j++, oi += os, xi += xs, yi += ys) o[oi] = Math.min(x[xi], y[yi]); return;
    case 'equal': for (let j = 0; j < n; j++, oi += os, xi += xs, yi += ys) o[oi] = x[xi] === y[yi] ? 1 : 0; return;
    case 'greater': for (let j = 0; j < n; j++, oi += os, xi += xs, yi += ys) o[oi] = x[xi] > y[yi] ? 1 : 0; return;
    case 'less': for (let j = 0; j < n; j++, oi += os, xi += xs, yi += ys) o[oi] = x[xi] < y[yi] ? 1 : 0; return;
    default: {
      const f = scalarBinary(op, 'float64');
      for (let j = 0; j < n; j++, oi += os, xi += xs, yi += ys) o[oi] = f(x[xi], y[yi]);
    }
  }
}

function genericRow(f: (a: number, b: number) => number, out: DType, n: number, o: Buf, oi: number, os: number, x: Buf, xi: number, xs: number, y: Buf, yi: number, ys: number): void {
  const exact = out === 'float64' || out === 'float32';
  for (let j = 0; j < n; j++, oi += os, xi += xs, yi += ys) {
    const r = f(x[xi], y[yi]);
    o[oi] = exact ? r : convert(r, out);
  }
}

const MAX_INT = 2 ** 53;

function checkedInt(r: number): number {
  if (r > MAX_INT || r < -MAX_INT) {
    throw new EngineError('OverflowError', 'int64 result outside ±2**53, the range Gradscope represents exactly');
  }
  return r;
}

/** Scalar semantics of each binary op for the loop dtype. */
function scalarBinary(op: BinaryOp, loop: DType): (a: number, b: number) => number {
  const int = loop === 'int64' || loop === 'int32' || loop === 'uint8';
  const wide = loop === 'int64';
  const bool = loop === 'bool';
  switch (op) {
    case 'add': return bool ? (a, b) => (a || b ? 1 : 0) : wide ? (a, b) => checkedInt(a + b) : (a, b) => a + b;
    case 'subtract': return wide ? (a, b) => checkedInt(a - b) : (a, b) => a - b;
    case 'multiply': return bool ? (a, b) => (a && b ? 1 : 0) : wide ? (a, b) => checkedInt(a * b) : (a, b) => a * b;
    case 'true_divide': return (a, b) => a / b;
    case 'floor_divide': return int ? (a, b) => (b === 0 ? 0 : Math.floor(a / b)) : floorDivide;
    case 'remainder': return int ? (a, b) => (b === 0 ? 0 : pyMod(a, b)) : pyMod;
    case 'power': return int ? intPower(wide) : Math.pow;
    case 'maximum': return (a, b) => (a !== a || b !== b ? NaN : Math.max(a, b));
    case 'minimum': return (a, b) => (a !== a || b !== b ? NaN : Math.min(a, b));
    case 'fmax': return (a, b) => (a !== a ? b : b !== b ? a : Math.max(a, b));
    case 'fmin': return (a, b) => (a !== a ? b : b !== b ? a : Math.min(a, b));
    case 'arctan2': return Math.atan2;
    case 'hypot': return Math.hypot;
    case 'equal': return (a, b) => (a === b ? 1 : 0);
    case 'not_equal': return (a, b) => (a !== b ? 1 : 0);
    case 'less': return (a, b) => (a < b ? 1 : 0);
    case 'less_equal': return (a, b) => (a <= b ? 1 : 0);
    case 'greater': return (a, b) => (a > b ? 1 : 0);
    case 'greater_equal': return (a, b) => (a >= b ? 1 : 0);
    case 'logical_and': return (a, b) => (a && b ? 1 : 0);
    case 'logical_or': return (a, b) => (a || b ? 1 : 0);
    case 'logical_xor': return (a, b) => (!a !== !b ? 1 : 0);
    case 'bitwise_and': case 'bitwise_or': case 'bitwise_xor': {
      if (!int && !bool) throw typeError(`ufunc '${op}' not supported for the input types, and the inputs could not be safely coerced to any supported types according to the casting rule ''safe''`);
      if (op === 'bitwise_and') return (a, b) => Number(BigInt(a) & BigInt(b));
      if (op === 'bitwise_or') return (a, b) => Number(BigInt(a) | BigInt(b));
      return (a, b) => Number(BigInt(a) ^ BigInt(b));
    }
  }
}

/** Python's modulo: the result takes the divisor's sign. */
export function pyMod(a: number, b: number): number {
  const m = a % b;
  if (m !== 0) return (m < 0) !== (b < 0) ? m + b : m;
  return b < 0 ? -0 : 0;
}

/** NumPy's float floor_divide (npy_floor_divide): divmod-based, snapped to an integer. */
export function floorDivide(a: number, b: number): number {
  if (b === 0) return a / b;
  const mod = a % b;
  let div = (a - mod) / b;
  if (mod !== 0 && (b < 0) !== (mod < 0)) div -= 1;
  if (div === 0) return (a / b < 0 || Object.is(a / b, -0)) ? -0 : 0;
  let fl = Math.floor(div);
  if (div - fl > 0.5) fl += 1;
  return fl;
}

function intPower(wide: boolean): (a: number, b: number) => number {
  return (a, b) => {
    if (b < 0) throw new EngineError('ValueError', 'Integers to negative integer powers are not allowed.');
    const r = Math.pow(a, b);
    return wide ? checkedInt(r) : r;
  };
}

// ── unary ─────────────────────────────────────────────────────────────────────

function unaryType(op: UnaryOp, d: DType): DType {
  if (BOOL_OUT_UNARY.has(op)) return 'bool';
  if (op === 'negative' && d === 'bool') throw typeError('The numpy boolean negative, the `-` operator, is not supported, use the `~` operator or the logical_not function instead.');
  if (KEEP_DTYPE_UNARY.has(op)) return d === 'bool' && op !== 'invert' && op !== 'positive' ? 'int64' : d;
  if ((op === 'floor' || op === 'ceil' || op === 'trunc' || op === 'rint') && !isFloat(d)) return d === 'bool' ? 'bool' : d;
  return floatResult(d);
}

function scalarUnary(op: UnaryOp, d: DType): (x: number) => number {
  switch (op) {
    case 'negative': return (x) => -x;
    case 'positive': return (x) => x;
    case 'absolute': return Math.abs;
    case 'sign': return (x) => (x !== x ? NaN : x > 0 ? 1 : x < 0 ? -1 : 0);
    case 'square': return (x) => x * x;
    case 'reciprocal': return (x) => 1 / x;
    case 'exp': return Math.exp;
    case 'expm1': return Math.expm1;
    case 'exp2': return (x) => Math.pow(2, x);
    case 'log': return Math.log;
    case 'log2': return Math.log2;
    case 'log10': return Math.log10;
    case 'log1p': return Math.log1p;
    case 'sqrt': return Math.sqrt;
    case 'cbrt': return Math.cbrt;
    case 'sin': return Math.sin;
    case 'cos': return Math.cos;
    case 'tan': return Math.tan;
    case 'arcsin': return Math.asin;
    case 'arccos': return Math.acos;
    case 'arctan': return Math.atan;
    case 'sinh': return Math.sinh;
    case 'cosh': return Math.cosh;
    case 'tanh': return Math.tanh;
    case 'arcsinh': return Math.asinh;
    case 'arccosh': return Math.acosh;
    case 'arctanh': return Math.atanh;
    case 'floor': return Math.floor;
    case 'ceil': return Math.ceil;
    case 'trunc': return Math.trunc;
    case 'rint': return roundHalfEven;
    case 'logical_not': return (x) => (x ? 0 : 1);
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

/** A unary ufunc: `np.<op>(a, out=out)`. */
export function unary(op: UnaryOp, a: NDArray, out?: NDArray): NDArray {
  const outType = unaryType(op, a.dtype);
  let result: NDArray;
  if (out) {
    out.checkWritable();
    if (!sameShape(out.shape, a.shape)) throw new EngineError('ValueError', `non-broadcastable output operand with shape ${fmt(out.shape)} doesn't match the broadcast shape ${fmt(a.shape)}`);
    if (!canCastSameKind(outType, out.dtype)) {
      throw new EngineError('TypeError', `Cannot cast ufunc '${op}' output from dtype('${outType}') to dtype('${out.dtype}') with casting rule 'same_kind'`);
    }
    result = out;
    a = detach(a, out) as NDArray;
  } else result = NDArray.empty(a.shape, outType);
  const f = scalarUnary(op, a.dtype);
  const o = result.data, x = a.data;
  const exact = isFloat(result.dtype);
  const rd = result.dtype;
  iterateRows(a.shape, [result, a], (n, offs, steps) => {
    let oi = offs[0], xi = offs[1];
    const os = steps[0], xs = steps[1];
    if (exact) for (let j = 0; j < n; j++, oi += os, xi += xs) o[oi] = f(x[xi]);
    else for (let j = 0; j < n; j++, oi += os, xi += xs) o[oi] = convert(f(x[xi]), rd);
  });
  return result;
}

/** np.where(cond, x, y). */
export function where(cond: NDArray, x: Operand, y: Operand): NDArray {
  const xs = x instanceof NDArray ? x.shape : [], ys = y instanceof NDArray ? y.shape : [];
  const shape = broadcastShapes(broadcastShapes(cond.shape, xs), ys);
  const { loop } = binaryTypes('add', x, y);
  const result = NDArray.empty(shape, loop);
  const sc = side(cond, shape, 'bool'), sx = side(x, shape, loop), sy = side(y, shape, loop);
  const o = result.data;
  iterateRows(shape, [result, sc, sx, sy], (n, offs, steps) => {
    let oi = offs[0], ci = offs[1], xi = offs[2], yi = offs[3];
    for (let j = 0; j < n; j++, oi += steps[0], ci += steps[1], xi += steps[2], yi += steps[3]) {
      o[oi] = sc.data[ci] ? sx.data[xi] : sy.data[yi];
    }
  });
  return result;
}

/** np.clip(a, lo, hi); either bound may be null. */
export function clip(a: NDArray, lo: Operand | null, hi: Operand | null): NDArray {
  let r = a;
  if (lo !== null) r = binary('maximum', r, lo);
  if (hi !== null) r = binary('minimum', r, hi);
  return r === a ? a.copy() : r;
}
