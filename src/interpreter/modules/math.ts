// math: constants, float functions with CPython's error rules (math_1: a NaN from a non-NaN
// argument is "math domain error"; an infinity from a finite one is "math range error" or a
// domain error), rounding to int through __floor__/__ceil__/__trunc__.
import { libmLog } from '../../engine/libm_log';
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
  const r = x === 1 || y === 0 ? 1 : Math.pow(x, y);
  if (Number.isNaN(r)) throw domainError();
  if (!Number.isFinite(r)) throw x === 0 ? domainError() : rangeError();
  return r;
}

/** glibc's cbrt (not correctly rounded: cbrt(27.0) is 3.0000000000000004 there, and so in CPython). */
function cbrt(x: number): number {
  if (x === 0 || !Number.isFinite(x)) return x + x;
  const [xm, xe] = frexp(Math.abs(x));
  const u = 0.354895765043919860 + ((1.50819193781584896 + ((-2.11499494167371287 + ((2.44693122563534430
    + ((-1.83469277483613086 + (0.784932344976639262 - 0.145263899385486377 * xm) * xm) * xm)) * xm)) * xm)) * xm);
  const t2 = u * u * u;
  const factor = [1 / 1.5874010519681994748, 1 / 1.2599210498948731648, 1, 1.2599210498948731648, 1.5874010519681994748];
  const ym = u * (t2 + 2 * xm) / (2 * t2 + xm) * factor[2 + (xe % 3)];
  return ldexp(x > 0 ? ym : -ym, Math.trunc(xe / 3));
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

function floatFunctions(): Record<string, PyValue> {
  const twoArg = (name: string, f: (x: number, y: number) => number) => builtin(name, (a, kw) => f(...twoFloats(name, a, kw)));
  return {
    sqrt: unary('sqrt', Math.sqrt), exp: unary('exp', Math.exp, true), exp2: unary('exp2', (x) => Math.pow(2, x), true),
    expm1: unary('expm1', Math.expm1, true), log1p: unary('log1p', Math.log1p), cbrt: unary('cbrt', cbrt),
    sin: unary('sin', Math.sin), cos: unary('cos', Math.cos), tan: unary('tan', Math.tan),
    asin: unary('asin', Math.asin), acos: unary('acos', Math.acos), atan: unary('atan', Math.atan),
    sinh: unary('sinh', Math.sinh, true), cosh: unary('cosh', Math.cosh, true), tanh: unary('tanh', Math.tanh),
    asinh: unary('asinh', Math.asinh), acosh: unary('acosh', Math.acosh), atanh: unary('atanh', Math.atanh),
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
