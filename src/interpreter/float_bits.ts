// Exact float ↔ integer work on the IEEE-754 bits: float.hex, float.fromhex,
// float.as_integer_ratio, and correctly rounded m·2^e → float.
import { pyErr } from './pyerrors';

/** |x| = mantissa · 2^exponent exactly, for finite x (mantissa < 2^53). */
export function decompose(x: number): [bigint, number] {
  const dv = new DataView(new ArrayBuffer(8));
  dv.setFloat64(0, x);
  const hi = dv.getUint32(0), lo = dv.getUint32(4);
  const e = (hi >>> 20) & 0x7ff;
  const frac = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  return e === 0 ? [frac, -1074] : [frac | (1n << 52n), e - 1075];
}

/** float.as_integer_ratio(): the exact fraction in lowest terms. */
export function integerRatio(x: number): [bigint, bigint] {
  if (x !== x) throw pyErr('ValueError', 'cannot convert NaN to integer ratio');
  if (!Number.isFinite(x)) throw pyErr('OverflowError', 'cannot convert Infinity to integer ratio');
  let [m, e] = decompose(x);
  if (m === 0n) return [0n, 1n];
  while ((m & 1n) === 0n && e < 0) { m >>= 1n; e++; }
  const sign = x < 0 ? -1n : 1n;
  return e >= 0 ? [sign * (m << BigInt(e)), 1n] : [sign * m, 1n << BigInt(-e)];
}

/** float.hex(): '0x1.8000000000000p+0'. */
export function floatHex(x: number): string {
  if (x !== x) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  const sign = x < 0 || Object.is(x, -0) ? '-' : '';
  if (x === 0) return `${sign}0x0.0p+0`;
  const [m, e] = decompose(x);
  const normal = m >= 1n << 52n;
  const frac = (m & ((1n << 52n) - 1n)).toString(16).padStart(13, '0');
  const exp = normal ? e + 52 : -1022;
  return `${sign}0x${normal ? 1 : 0}.${frac}p${exp < 0 ? '-' : '+'}${Math.abs(exp)}`;
}

const bitLength = (n: bigint) => n.toString(2).length;

/** The float nearest m·2^e (m ≥ 0), ties to even; Infinity when out of range. */
export function scaledToFloat(m: bigint, e: number): number {
  if (m === 0n) return 0;
  const bits = bitLength(m);
  const top = bits - 1 + e;
  if (top > 1024) return Infinity;
  const prec = top >= -1022 ? 53 : top + 1075;
  if (prec <= 0) {
    // Below half the smallest subnormal, except exactly-above-half rounds up to it.
    const half = prec === 0 && m !== 1n << BigInt(bits - 1);
    return half ? 2 ** -1074 : 0;
  }
  const shift = bits - prec;
  let q = m;
  if (shift > 0) {
    q = m >> BigInt(shift);
    const rem = m & ((1n << BigInt(shift)) - 1n), halfway = 1n << BigInt(shift - 1);
    if (rem > halfway || (rem === halfway && (q & 1n) === 1n)) q += 1n;
    e += shift;
  }
  return Number(q) * 2 ** e;
}

const HEX_RE = /^\s*([+-])?(?:(inf|infinity|nan)|(?:0x)?([0-9a-f]*)(?:\.([0-9a-f]*))?(?:p([+-]?\d+))?)\s*$/i;

/** float.fromhex(s). */
export function floatFromHex(s: string): number {
  const m = HEX_RE.exec(s);
  const bad = () => pyErr('ValueError', 'invalid hexadecimal floating-point string');
  if (!m) throw bad();
  const sign = m[1] === '-' ? -1 : 1;
  if (m[2]) return sign * (m[2].toLowerCase() === 'nan' ? NaN : Infinity);
  const int = m[3] ?? '', frac = m[4] ?? '';
  if (!int && !frac) throw bad();
  const mant = BigInt('0x' + (int + frac || '0'));
  const exp = Number(m[5] ?? '0') - 4 * frac.length;
  const v = scaledToFloat(mant, exp);
  if (!Number.isFinite(v)) throw pyErr('OverflowError', 'hexadecimal value too large to represent as a float');
  return sign * v;
}
