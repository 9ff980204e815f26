// math's exact functions: factorial, gcd, lcm, comb, perm, isqrt, prod, and fsum / hypot /
// dist computed exactly (fsum is CPython's msum; hypot rounds the exact root once).
import { PyValue } from '../objects';
import { pyErr } from '../pyerrors';
import { typeOf } from '../types';
import { callMethod } from '../attrs';
import { iterate, toArray, toFloat } from '../convert';
import { binop } from '../arith';
import { NpScalar } from '../npscalar';
import { builtin, parseArgs } from '../native';
import { decompose, ldexp } from './floatbits';

/** An int argument as a bigint (ints, bools, __index__), else CPython's TypeError. */
export function intArg(v: PyValue): bigint {
  if (typeof v === 'bigint') return v;
  if (typeof v === 'boolean') return v ? 1n : 0n;
  if (v instanceof NpScalar && v.dtype !== 'float64' && v.dtype !== 'float32') return BigInt(v.value);
  if (v !== null && typeof v === 'object' && typeOf(v).lookup('__index__') !== undefined) return intArg(callMethod(v, '__index__', []));
  throw pyErr('TypeError', `'${typeOf(v).name}' object cannot be interpreted as an integer`);
}

/** int.bit_length(). */
export function bitLength(n: bigint): number {
  return n === 0n ? 0 : (n < 0n ? -n : n).toString(2).length;
}

/** Product of lo+1 … hi by binary splitting (fast for big factorials). */
function rangeProduct(lo: bigint, hi: bigint): bigint {
  if (hi - lo <= 16n) {
    let p = 1n;
    for (let i = lo + 1n; i <= hi; i++) p *= i;
    return p;
  }
  const mid = (lo + hi) / 2n;
  return rangeProduct(lo, mid) * rangeProduct(mid, hi);
}

function gcd2(a: bigint, b: bigint): bigint {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b) [a, b] = [b, a % b];
  return a;
}

/** isqrt by Newton's method on bigints. */
export function isqrt(n: bigint): bigint {
  if (n < 2n) return n;
  let x = 1n << BigInt(Math.ceil(bitLength(n) / 2));
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) return x;
    x = y;
  }
}

function nonNegative(v: PyValue, what: string): bigint {
  const n = intArg(v);
  if (n < 0n) throw pyErr('ValueError', `${what} must be a non-negative integer`);
  return n;
}

/** math.fsum: Shewchuk's exact partials with CPython's final half-even fix-up. */
export function fsum(values: Iterator<PyValue>): number {
  const p: number[] = [];
  let special = 0, infSum = 0;
  for (let r = values.next(); !r.done; r = values.next()) {
    let x = toFloat(r.value);
    const xsave = x;
    let i = 0;
    for (let j = 0; j < p.length; j++) {
      let y = p[j];
      if (Math.abs(x) < Math.abs(y)) [x, y] = [y, x];
      const hi = x + y, lo = y - (hi - x);
      if (lo !== 0) p[i++] = lo;
      x = hi;
    }
    p.length = i;
    if (x === 0) continue;
    if (!Number.isFinite(x)) {
      if (Number.isFinite(xsave)) throw pyErr('OverflowError', 'intermediate overflow in fsum');
      if (!Number.isNaN(xsave)) infSum += xsave;
      special += xsave;
      p.length = 0;
    } else p.push(x);
  }
  if (special !== 0) {
    if (Number.isNaN(infSum)) throw pyErr('ValueError', '-inf + inf in fsum');
    return special;
  }
  return sumPartials(p);
}

function sumPartials(p: number[]): number {
  let n = p.length;
  if (n === 0) return 0;
  let hi = p[--n], lo = 0;
  while (n > 0) {
    const x = hi, y = p[--n];
    hi = x + y;
    lo = y - (hi - x);
    if (lo !== 0) break;
  }
  if (n > 0 && ((lo < 0 && p[n - 1] < 0) || (lo > 0 && p[n - 1] > 0))) {
    const y = lo * 2, x = hi + y;
    if (y === x - hi) hi = x;
  }
  return hi;
}

/** sqrt(sum of squares), computed exactly and rounded once. */
export function hypot(xs: number[]): number {
  if (xs.some((x) => x === Infinity || x === -Infinity)) return Infinity;
  if (xs.some(Number.isNaN)) return NaN;
  const parts = xs.filter((x) => x !== 0).map(decompose);
  if (!parts.length) return 0;
  const emin = Math.min(...parts.map(([, e]) => e));
  let s = 0n;
  for (const [m, e] of parts) s += (m * m) << BigInt(2 * (e - emin));
  // sqrt(s) * 2^emin: scale s by an even power of two so the root has ~62 bits, keep a
  // sticky bit for anything below, and round once.
  const shift = 62 - Math.floor(bitLength(s) / 2);
  let scaled: bigint, inexact = false;
  if (shift >= 0) scaled = s << BigInt(2 * shift);
  else {
    const d = BigInt(-2 * shift);
    scaled = s >> d;
    inexact = scaled << d !== s;
  }
  const r = isqrt(scaled);
  const sticky = inexact || r * r !== scaled ? 1n : 0n;
  return ldexp(Number(2n * r + sticky), emin - shift - 1);
}

/** The exact integer and sequence functions of `math`. */
export function INTEGER_FUNCTIONS(): Record<string, PyValue> {
  return {
    factorial: builtin('factorial', (a, kw) => {
      const n = intArg(parseArgs('factorial', a, kw, ['n'])[0]!);
      if (n < 0n) throw pyErr('ValueError', 'factorial() not defined for negative values');
      if (n > 9223372036854775807n) throw pyErr('OverflowError', 'factorial() argument should not exceed 9223372036854775807');
      return rangeProduct(1n, n);
    }),
    gcd: builtin('gcd', (a) => a.map(intArg).reduce(gcd2, 0n)),
    lcm: builtin('lcm', (a) => a.map(intArg).reduce((x, y) => {
      if (x === 0n || y === 0n) return 0n;
      const l = (x / gcd2(x, y)) * y;
      return l < 0n ? -l : l;
    }, 1n)),
    comb: builtin('comb', (a, kw) => {
      const [nv, kv] = parseArgs('comb', a, kw, ['n', 'k']);
      const n = nonNegative(nv!, 'n'), k0 = nonNegative(kv!, 'k');
      if (k0 > n) return 0n;
      const k = k0 < n - k0 ? k0 : n - k0;
      return rangeProduct(n - k, n) / rangeProduct(1n, k);
    }),
    perm: builtin('perm', (a, kw) => {
      const [nv, kv] = parseArgs('perm', a, kw, ['n', 'k'], 1);
      const n = nonNegative(nv!, 'n');
      const k = kv === undefined || kv === null ? n : nonNegative(kv, 'k');
      return k > n ? 0n : rangeProduct(n - k, n);
    }),
    isqrt: builtin('isqrt', (a, kw) => {
      const n = intArg(parseArgs('isqrt', a, kw, ['n'])[0]!);
      if (n < 0n) throw pyErr('ValueError', 'isqrt() argument must be nonnegative');
      return isqrt(n);
    }),
    prod: builtin('prod', (a, kw) => {
      if (a.length !== 1) throw pyErr('TypeError', `prod() takes exactly 1 positional argument (${a.length} given)`);
      const [, start] = parseArgs('prod', [], kw, ['iterable', 'start'], 0);
      let acc: PyValue = start ?? 1n;
      const it = iterate(a[0]);
      for (let r = it.next(); !r.done; r = it.next()) acc = binop('Mult', acc, r.value);
      return acc;
    }),
    fsum: builtin('fsum', (a, kw) => fsum(iterate(parseArgs('fsum', a, kw, ['seq'])[0]!))),
    dist: builtin('dist', (a, kw) => {
      const [p, q] = parseArgs('dist', a, kw, ['p', 'q']).map((v) => toArray(v!).map(toFloat));
      if (p.length !== q.length) throw pyErr('ValueError', 'both points must have the same number of dimensions');
      return hypot(p.map((x, i) => x - q[i]));
    }),
  };
}
