// math: constants, float functions with CPython's error rules (math_1: a NaN from a non-NaN
// argument is "math domain error"; an infinity from a finite one is "math range error" or a
// domain error), rounding to int through __floor__/__ceil__/__trunc__.
import { libmCos, libmExp, libmLog, libmSin } from '../../engine/libm';
import { libmPow } from '../../engine/libm_pow';
import { cbrt } from '../../engine/scalar_ops';
import { Kwargs, PyTuple, PyValue } from '../objects';
import { pyErr } from '../pyerrors';
import { typeOf } from '../types';
import { callMethod } from '../attrs';
import { toFloat } from '../convert';
import { builtin, makeModule, parseArgs } from '../native';
import { copySign, frexp, ldexp, nextAfter, ulp } from './floatbits';
import { INTEGER_FUNCTIONS, bitLength, hypot } from './math_int';

/** CPython's error for an argument outside a function's domain. */
export const domainError = () => pyErr('ValueError', 'math domain error');
/** CPython's error for a result too large for a float. */
export const rangeError = () => pyErr('OverflowError', 'math range error');

/** One-argument float function: `canOverflow` says whether an infinite result is a range error. */
function unary(name: string, f: (x: number) => number, canOverflow = false) {
  return builtin(name, (a, kw) => {
    const [v] = parseArgs(name, a, kw, ['x']);
    const x = toFloat(v!);
    const r = f(x);
    if (Number.isNaN(r) && !Number.isNaN(x)) throw domainError();
    if (!Number.isFinite(r) && !Number.isNaN(r) && Number.isFinite(x)) throw canOverflow ? rangeError() : domainError();
    return r;
  });
}

/** log of an int too large for a float: log(m) + e*log(2) with x = m * 2^e, as CPython's loghelper. */
function logHelper(v: PyValue, f: (x: number) => number): number {
  if (typeof v === 'bigint') {
    if (v <= 0n) throw domainError();
    const asFloat = Number(v);
    if (Number.isFinite(asFloat)) return logOf(asFloat, f);
    const e = bitLength(v);
    const m = Number(v >> BigInt(e - 60)) / 2 ** 60;
    return f(m) + e * f(2);
  }
  return logOf(toFloat(v), f);
}

function logOf(x: number, f: (x: number) => number): number {
  if (Number.isNaN(x)) return x;
  if (x <= 0) throw domainError();
  return f(x);
}

/** C pow with CPython's handling of IEEE specials. */
export function mathPow(x: number, y: number): number {
  if (!Number.isFinite(x) || !Number.isFinite(y)) {
    if (Number.isNaN(x)) return y === 0 ? 1 : x;
    if (Number.isNaN(y)) return x === 1 ? 1 : y;
    if (!Number.isFinite(x)) {
      const oddY = Number.isFinite(y) && Math.abs(y) % 2 === 1;
      if (y > 0) return oddY ? x : Math.abs(x);
      if (y === 0) return 1;
      return oddY ? copySign(0, x) : 0;
    }
    if (Math.abs(x) === 1) return 1;
    if (y > 0 && Math.abs(x) > 1) return y;
    if (y < 0 && Math.abs(x) < 1) return -y;
    return 0;
  }
  const r = libmPow(x, y);
  if (Number.isNaN(r)) throw domainError();
  if (!Number.isFinite(r)) throw x === 0 ? domainError() : rangeError();
  return r;
}

/** floor/ceil/trunc to an int: the object's own method if it has one, else through float. */
function rounding(name: string, dunder: string, f: (x: number) => number) {
  return builtin(name, (a, kw) => {
    const [v] = parseArgs(name, a, kw, ['x']);
    const x = v!;
    if (typeof x === 'bigint') return x;
    if (typeof x === 'boolean') return x ? 1n : 0n;
    if (typeof x !== 'number' && typeOf(x).lookup(dunder) !== undefined) return callMethod(x, dunder, []);
    if (typeof x !== 'number' && name === 'trunc') throw pyErr('TypeError', `type ${typeOf(x).name} doesn't define __trunc__ method`);
    return floatToInt(f(toFloat(x)));
  });
}

/** An integral float as an int, with CPython's errors for NaN and infinities. */
export function floatToInt(x: number): bigint {
  if (Number.isNaN(x)) throw pyErr('ValueError', 'cannot convert float NaN to integer');
  if (!Number.isFinite(x)) throw pyErr('OverflowError', 'cannot convert float infinity to integer');
  return BigInt(x);
}

function twoFloats(name: string, a: PyValue[], kw: Kwargs | null): [number, number] {
  const [x, y] = parseArgs(name, a, kw, ['x', 'y']);
  return [toFloat(x!), toFloat(y!)];
}

/** IEEE remainder (CPython's m_remainder). */
function remainder(x: number, y: number): number {
  if (Number.isNaN(x)) return x;
  if (Number.isNaN(y)) return y;
  if (!Number.isFinite(x) || y === 0) throw domainError();
  if (!Number.isFinite(y)) return x;
  const ax = Math.abs(x), ay = Math.abs(y);
  const m = ax % ay, c = ay - m;
  const r = m < c ? m : m > c ? -c : m - 2 * ((0.5 * (ax - m)) % ay);
  return copySign(1, x) * r;
}

function modf(x: number): PyTuple {
  if (!Number.isFinite(x)) return new PyTuple(Number.isNaN(x) ? [x, x] : [copySign(0, x), x]);
  const ip = Math.trunc(x);
  const frac = x - ip;
  return new PyTuple([frac === 0 ? copySign(0, x) : frac, ip === 0 ? copySign(0, x) : ip]);
}

const DEG = Math.PI / 180;

/**
 * CPython's math functions call the C library's double functions (glibc here), whatever NumPy's
 * SIMD loops do; keyed by NumPy's names. exp, log, sin, cos and cbrt are glibc's, bit for bit
 * (../../engine/libm*); the rest are V8's fdlibm ports, within an ulp. Exported for
 * scripts/check_libm.ts.
 */
export const MATH_FUNCTIONS: Readonly<Record<string, (x: number) => number>> = {
  exp: libmExp, exp2: (x) => Math.pow(2, x), expm1: Math.expm1, log: libmLog, log2: Math.log2, log10: Math.log10,
  log1p: Math.log1p, sqrt: Math.sqrt, cbrt, sin: libmSin, cos: libmCos, tan: Math.tan, arcsin: Math.asin,
  arccos: Math.acos, arctan: Math.atan, sinh: Math.sinh, cosh: Math.cosh, tanh: Math.tanh, arcsinh: Math.asinh,
  arccosh: Math.acosh, arctanh: Math.atanh,
};
const C = MATH_FUNCTIONS;

function floatFunctions(): Record<string, PyValue> {
  const twoArg = (name: string, f: (x: number, y: number) => number) => builtin(name, (a, kw) => f(...twoFloats(name, a, kw)));
  return {
    sqrt: unary('sqrt', Math.sqrt), exp: unary('exp', C.exp, true), exp2: unary('exp2', C.exp2, true),
    expm1: unary('expm1', C.expm1, true), log1p: unary('log1p', C.log1p), cbrt: unary('cbrt', cbrt),
    sin: unary('sin', C.sin), cos: unary('cos', C.cos), tan: unary('tan', C.tan),
    asin: unary('asin', C.arcsin), acos: unary('acos', C.arccos), atan: unary('atan', C.arctan),
    sinh: unary('sinh', C.sinh, true), cosh: unary('cosh', C.cosh, true), tanh: unary('tanh', C.tanh),
    asinh: unary('asinh', C.arcsinh), acosh: unary('acosh', C.arccosh), atanh: unary('atanh', C.arctanh),
    fabs: unary('fabs', Math.abs),
    degrees: unary('degrees', (x) => x / DEG), radians: unary('radians', (x) => x * DEG),
    log: builtin('log', (a, kw) => {
      const [x, base] = parseArgs('log', a, kw, ['x', 'base'], 1);
      const num = logHelper(x!, libmLog);
      if (base === undefined) return num;
      const den = logHelper(base, libmLog);
      if (den === 0) throw pyErr('ZeroDivisionError', 'float division by zero');
      return num / den;
    }),
    log2: builtin('log2', (a, kw) => logHelper(parseArgs('log2', a, kw, ['x'])[0]!, Math.log2)),
    log10: builtin('log10', (a, kw) => logHelper(parseArgs('log10', a, kw, ['x'])[0]!, Math.log10)),
    pow: twoArg('pow', mathPow),
    atan2: twoArg('atan2', Math.atan2),
    copysign: twoArg('copysign', copySign),
    fmod: twoArg('fmod', (x, y) => {
      if (!Number.isFinite(y) && !Number.isNaN(y) && Number.isFinite(x)) return x;
      const r = x % y;
      if (Number.isNaN(r) && !Number.isNaN(x) && !Number.isNaN(y)) throw domainError();
      return r;
    }),
    remainder: twoArg('remainder', remainder),
    nextafter: twoArg('nextafter', nextAfter),
    ulp: unary('ulp', ulp),
    modf: builtin('modf', (a, kw) => modf(toFloat(parseArgs('modf', a, kw, ['x'])[0]!))),
    frexp: builtin('frexp', (a, kw) => {
      const [m, e] = frexp(toFloat(parseArgs('frexp', a, kw, ['x'])[0]!));
      return new PyTuple([m, BigInt(e)]);
    }),
    ldexp: builtin('ldexp', (a, kw) => {
      const [xv, iv] = parseArgs('ldexp', a, kw, ['x', 'i']);
      if (typeof iv !== 'bigint' && typeof iv !== 'boolean') throw pyErr('TypeError', 'Expected an int as second argument to ldexp.');
      const x = toFloat(xv!), i = typeof iv === 'boolean' ? (iv ? 1n : 0n) : iv;
      const e = i > 100000n ? 100000 : i < -100000n ? -100000 : Number(i);
      const r = ldexp(x, e);
      if (!Number.isFinite(r) && Number.isFinite(x)) throw rangeError();
      return r;
    }),
    isfinite: builtin('isfinite', (a) => Number.isFinite(toFloat(a[0]))),
    isinf: builtin('isinf', (a) => { const x = toFloat(a[0]); return x === Infinity || x === -Infinity; }),
    isnan: builtin('isnan', (a) => Number.isNaN(toFloat(a[0]))),
    isclose: builtin('isclose', isclose),
    floor: rounding('floor', '__floor__', Math.floor),
    ceil: rounding('ceil', '__ceil__', Math.ceil),
    trunc: rounding('trunc', '__trunc__', Math.trunc),
    hypot: builtin('hypot', (a, kw) => { if (kw?.size) throw pyErr('TypeError', 'hypot() takes no keyword arguments'); return hypot(a.map(toFloat)); }),
  };
}

function isclose(a: PyValue[], kw: Kwargs | null): PyValue {
  const pos = a.slice(0, 2);
  if (a.length > 2) throw pyErr('TypeError', `isclose() takes exactly 2 positional arguments (${a.length} given)`);
  const [av, bv, rt, at] = parseArgs('isclose', pos, kw, ['a', 'b', 'rel_tol', 'abs_tol'], 2);
  const x = toFloat(av!), y = toFloat(bv!);
  const relTol = rt === undefined ? 1e-9 : toFloat(rt), absTol = at === undefined ? 0 : toFloat(at);
  if (relTol < 0 || absTol < 0) throw pyErr('ValueError', 'tolerances must be non-negative');
  if (x === y) return true;
  if (!Number.isFinite(x) || !Number.isFinite(y)) return false;
  const diff = Math.abs(y - x);
  return diff <= Math.abs(relTol * y) || diff <= Math.abs(relTol * x) || diff <= absTol;
}

/** The `math` module. */
export function makeMath(): ReturnType<typeof makeModule> {
  return makeModule('math', {
    pi: Math.PI, e: Math.E, tau: 2 * Math.PI, inf: Infinity, nan: NaN,
    ...floatFunctions(),
    ...INTEGER_FUNCTIONS(),
  });
}
