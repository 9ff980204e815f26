// Scalar semantics of NumPy's element-wise ops per loop dtype: Python-style floor division and
// modulo, integer powers, glibc's pow for float64, wrap-around int32/uint8 arithmetic, accurate hypot,
// glibc's cbrt and cbrtf.
import { DType, isInteger } from './dtype';
import { EngineError, typeError } from './errors';
import { fromWords, highWord, lowWord } from './libm_fma';
import { libmPow } from './libm_pow';

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

type F2 = (a: number, b: number) => number;

const MAX_INT = 2 ** 53;

/** An int64 result, or OverflowError past ±2**53 (where NumPy would wrap around). */
export function checkedInt(r: number): number {
  if (r > MAX_INT || r < -MAX_INT) {
    throw new EngineError('OverflowError', 'int64 result outside ±2**53, the range Gradscope represents exactly');
  }
  return r;
}

const notSupported = (op: string) => typeError(`ufunc '${op}' not supported for the input types, and the inputs could not be safely coerced to any supported types according to the casting rule ''safe''`);

/** Scalar semantics of each binary op for the loop dtype (results are stored with wrapInt). */
export function scalarBinary(op: BinaryOp, loop: DType): F2 {
  const int = isInteger(loop), wide = loop === 'int64', bool = loop === 'bool';
  switch (op) {
    case 'add': return bool ? (a, b) => (a || b ? 1 : 0) : wide ? (a, b) => checkedInt(a + b) : (a, b) => a + b;
    case 'subtract': return wide ? (a, b) => checkedInt(a - b) : (a, b) => a - b;
    case 'multiply':
      if (bool) return (a, b) => (a && b ? 1 : 0);
      return wide ? (a, b) => checkedInt(a * b) : loop === 'int32' ? Math.imul : (a, b) => a * b;
    case 'true_divide': return (a, b) => a / b;
    case 'floor_divide': return int ? (a, b) => (b === 0 ? 0 : Math.floor(a / b)) : floorDivide;
    case 'remainder': return int ? (a, b) => (b === 0 ? 0 : pyMod(a, b)) : pyMod;
    case 'power': return int ? intPower(loop) : loop === 'float64' ? libmPow : Math.pow;
    case 'maximum': return (a, b) => (a !== a || b !== b ? NaN : Math.max(a, b));
    case 'minimum': return (a, b) => (a !== a || b !== b ? NaN : Math.min(a, b));
    case 'fmax': return (a, b) => (a !== a ? b : b !== b ? a : Math.max(a, b));
    case 'fmin': return (a, b) => (a !== a ? b : b !== b ? a : Math.min(a, b));
    case 'arctan2': return Math.atan2;
    case 'hypot': return loop === 'float64' ? hypot : Math.hypot;
    case 'equal': return (a, b) => (a === b ? 1 : 0);
    case 'not_equal': return (a, b) => (a !== b ? 1 : 0);
    case 'less': return (a, b) => (a < b ? 1 : 0);
    case 'less_equal': return (a, b) => (a <= b ? 1 : 0);
    case 'greater': return (a, b) => (a > b ? 1 : 0);
    case 'greater_equal': return (a, b) => (a >= b ? 1 : 0);
    // NaN is true, as in NumPy (a JS `&&` would treat it as false).
    case 'logical_and': return (a, b) => (a !== 0 && b !== 0 ? 1 : 0);
    case 'logical_or': return (a, b) => (a !== 0 || b !== 0 ? 1 : 0);
    case 'logical_xor': return (a, b) => ((a !== 0) !== (b !== 0) ? 1 : 0);
    case 'bitwise_and': case 'bitwise_or': case 'bitwise_xor': return bitwise(op, loop);
  }
}

function bitwise(op: 'bitwise_and' | 'bitwise_or' | 'bitwise_xor', loop: DType): F2 {
  if (loop !== 'bool' && !isInteger(loop)) throw notSupported(op);
  if (loop !== 'int64') return op === 'bitwise_and' ? (a, b) => a & b : op === 'bitwise_or' ? (a, b) => a | b : (a, b) => a ^ b;
  const big = op === 'bitwise_and' ? (a: bigint, b: bigint) => a & b : op === 'bitwise_or' ? (a: bigint, b: bigint) => a | b : (a: bigint, b: bigint) => a ^ b;
  return (a, b) => Number(big(BigInt(a), BigInt(b)));
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

/** Integer power by squaring: exact in int64 (within ±2**53), wrapping in int32 and uint8. */
function intPower(loop: DType): F2 {
  const mul: F2 = loop === 'int64' ? (a, b) => checkedInt(a * b) : loop === 'int32' ? Math.imul : (a, b) => (a * b) & 255;
  return (a, b) => {
    if (b < 0) throw new EngineError('ValueError', 'Integers to negative integer powers are not allowed.');
    let r = 1, base = a;
    for (let e = b; e > 0; e = Math.floor(e / 2)) {
      if (e % 2 === 1) r = mul(r, base);
      if (e > 1) base = mul(base, base);
    }
    return r;
  };
}

/** Splits x into hi + lo with hi holding the top 26 bits (Dekker), so hi·hi, hi·lo are exact. */
function split(x: number): [number, number] {
  const c = 134217729 * x; // 2^27 + 1
  const hi = c - (c - x);
  return [hi, x - hi];
}

/** x² as an unevaluated sum hi + lo (exact). */
function square2(x: number): [number, number] {
  const p = x * x;
  const [h, l] = split(x);
  return [p, ((h * h - p) + 2 * h * l) + l * l];
}

/** hypot(x, y) = √(x² + y²), correctly rounded but for rare ties (glibc's is within 1 ulp). */
export function hypot(x: number, y: number): number {
  x = Math.abs(x); y = Math.abs(y);
  if (x === Infinity || y === Infinity) return Infinity;
  if (x !== x || y !== y) return NaN;
  if (x < y) [x, y] = [y, x];
  if (y === 0) return x;
  // Scale by a power of two into a range where squares neither overflow nor underflow.
  const e = Math.max(-1000, Math.min(1000, Math.floor(Math.log2(x))));
  const k = 2 ** -e;
  const a = x * k, b = y * k;
  const [ah, al] = square2(a), [bh, bl] = square2(b);
  const sh = ah + bh, sl = (ah - sh) + bh + al + bl;
  const r = Math.sqrt(sh);
  const [rh, rl] = square2(r);
  const corr = ((sh - rh) - rl + sl) / (2 * r);
  return (r + corr) / k;
}

const CBRT_FACTOR = [1 / 1.5874010519681994748, 1 / 1.2599210498948731648, 1, 1.2599210498948731648, 1.5874010519681994748];

/**
 * glibc's cbrt, operation for operation (np.cbrt on float64 and CPython's math.cbrt call it; it
 * is not correctly rounded: cbrt(27.0) is 3.0000000000000004). glibc builds it without FMA.
 */
export function cbrt(x: number): number {
  if (x === 0 || !Number.isFinite(x)) return x + x;
  // frexp: |x| = xm·2^xe with xm in [0.5, 1), subnormals normalised first.
  let ax = Math.abs(x), xe = 0;
  if (ax < 2.2250738585072014e-308) { ax *= 2 ** 64; xe = -64; }
  const hi = highWord(ax);
  xe += ((hi >>> 20) & 0x7ff) - 1022;
  const xm = fromWords((hi & 0x800fffff) | 0x3fe00000, lowWord(ax));
  const u = 0.354895765043919860 + ((1.50819193781584896 + ((-2.11499494167371287 + ((2.44693122563534430
    + ((-1.83469277483613086 + (0.784932344976639262 - 0.145263899385486377 * xm) * xm) * xm)) * xm)) * xm)) * xm);
  const t2 = u * u * u;
  const ym = u * (t2 + 2 * xm) / (2 * t2 + xm) * CBRT_FACTOR[2 + (xe % 3)];
  return (x > 0 ? ym : -ym) * 2 ** Math.trunc(xe / 3); // a normal result: the scaling is exact
}

/**
 * glibc's cbrtf (np.cbrt on float32), operation for operation: its float variables round where
 * C assigns them, its double constants widen the rest to double.
 */
export function cbrtF32(x: number): number {
  if (x === 0 || !Number.isFinite(x)) return x + x;
  // frexpf: |x| = xm·2^xe, xm in [0.5, 1), read from the double (float32 subnormals are normal).
  const ax = Math.abs(x), hi = highWord(ax), xe = ((hi >>> 20) & 0x7ff) - 1022;
  const xm = fromWords((hi & 0x800fffff) | 0x3fe00000, lowWord(ax));
  const u = Math.fround(0.492659620528969547 + (0.697570460207922770 - 0.191502161678719066 * xm) * xm);
  const t2 = Math.fround(Math.fround(u * u) * u);
  const ym = Math.fround(u * (t2 + 2 * xm) / (2 * t2 + xm) * CBRT_FACTOR[2 + (xe % 3)]);
  return (x > 0 ? ym : -ym) * 2 ** Math.trunc(xe / 3);
}
