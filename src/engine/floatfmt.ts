// Float → decimal digits: shortest round-trip digits (float64 and float32), exact rounding
// at a cutoff (half to even on the exact binary value, as NumPy's Dragon4 does), and the
// positional / scientific layouts of NumPy's format_float_* and Python's float repr.

/** Decimal digits of |x|: value = 0.d1d2… × 10^(point), i.e. `point` digits before the dot. */
export interface Digits { digits: string; point: number }

const F64_SCRATCH = new Float64Array(1);
const U32_VIEW = new Uint32Array(F64_SCRATCH.buffer);

/**
 * Shortest digits that round-trip |x| in its own precision (x finite, non-zero); of two
 * equally short candidates, the closer, and on a tie the even one (Dragon4's and
 * ECMAScript's rule, which String(x) follows for float64).
 */
export function shortest(x: number, f32: boolean): Digits {
  x = Math.abs(x);
  if (!f32) return parseDecimal(String(x));
  const exact = exactDigits(x);
  for (let k = 1; k < 9; k++) {
    const near = roundAt(exact, k);
    if (Math.fround(toNumber(near)) === x) return near;
    // Below a power of two the lower half-gap is narrower: the farther neighbour may still fit.
    const below = truncateAt(exact, k);
    const other = sameDigits(below, near) ? bumpAt(below, k) : below;
    if (Math.fround(toNumber(other)) === x) return other;
  }
  return roundAt(exact, 9);
}

/** Digits of a JS number's decimal string ("123.45", "1.5e-7", "1e+21"). */
function parseDecimal(s: string): Digits {
  const [mant, exp] = s.split('e');
  const dot = mant.indexOf('.');
  const intPart = dot < 0 ? mant : mant.slice(0, dot);
  const all = intPart + (dot < 0 ? '' : mant.slice(dot + 1));
  const lead = all.match(/^0*/)![0].length;
  const digits = all.slice(lead).replace(/0+$/, '') || '0';
  return { digits, point: intPart.length - lead + Number(exp ?? 0) };
}

function sameDigits(a: Digits, b: Digits): boolean {
  return a.digits === b.digits && a.point === b.point;
}

/** The first `keep` digits, truncated (rounded toward zero). */
function truncateAt(exact: Digits, keep: number): Digits {
  const d = exact.digits.slice(0, keep).replace(/0+$/, '');
  return d ? { digits: d, point: exact.point } : { digits: '0', point: exact.point };
}

function toNumber(d: Digits): number {
  return Number(`0.${d.digits}e${d.point}`);
}

/** The digits moved up by one unit in the `keep`-th place. */
function bumpAt(d: Digits, keep: number): Digits {
  const s = (BigInt(d.digits.padEnd(keep, '0')) + 1n).toString();
  const point = d.point + (s.length > keep ? 1 : 0);
  return { digits: s.replace(/0+$/, '') || '0', point };
}

/** The exact decimal expansion of |x| (finite): every double is a finite decimal. */
export function exactDigits(x: number): Digits {
  F64_SCRATCH[0] = Math.abs(x);
  const hi = U32_VIEW[1], lo = U32_VIEW[0];
  const bexp = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let e2: number;
  if (bexp === 0) e2 = -1074;
  else { mant |= 1n << 52n; e2 = bexp - 1075; }
  if (mant === 0n) return { digits: '0', point: 1 };
  let s: string, fracLen: number;
  if (e2 >= 0) { s = (mant << BigInt(e2)).toString(); fracLen = 0; }
  else { s = (mant * 5n ** BigInt(-e2)).toString(); fracLen = -e2; }
  const point = s.length - fracLen;
  const lead = s.match(/^0*/)![0].length;
  const digits = s.slice(lead).replace(/0+$/, '');
  return { digits, point: point - lead };
}

/**
 * Rounds |x| so that its last kept digit has place value 10^(-cutoff) … expressed as the
 * number of digits kept after the decimal point (`fraction`), half to even on the exact value.
 */
function roundAt(exact: Digits, keep: number): Digits {
  // keep = number of leading digits of `exact.digits` to retain (may be ≤ 0).
  if (keep >= exact.digits.length) return exact;
  if (keep < 0) return { digits: '0', point: exact.point };
  const head = exact.digits.slice(0, keep), rest = exact.digits.slice(keep);
  const first = rest.charCodeAt(0) - 48;
  let up: boolean;
  if (first > 5) up = true;
  else if (first < 5) up = false;
  else if (/[1-9]/.test(rest.slice(1))) up = true;
  else up = keep > 0 && (head.charCodeAt(keep - 1) - 48) % 2 === 1;
  if (!up) {
    const d = head.replace(/0+$/, '');
    return d ? { digits: d, point: exact.point } : { digits: '0', point: exact.point };
  }
  const n = (keep > 0 ? BigInt(head) : 0n) + 1n;
  const s = n.toString();
  const point = exact.point + (s.length > keep ? 1 : 0);
  return { digits: s.replace(/0+$/, '') || '0', point };
}

const isZero = (d: Digits) => d.digits === '0';

/** Digits for positional output with at most `precision` fraction digits (unique mode). */
export function positionalDigits(x: number, f32: boolean, precision: number): Digits {
  if (x === 0) return { digits: '0', point: 1 };
  const s = shortest(x, f32);
  if (s.digits.length - s.point <= precision) return s;
  return roundAt(exactDigits(x), s.point + precision);
}

/**
 * Digits for scientific output with at most `precision` digits after the first and at least
 * `minDigits`. Like Dragon4, digits past the shortest ones come from the exact binary value
 * (rounded half to even), not zeros: float32 0.1 with 8 digits is 1.00000001e-01.
 */
export function scientificDigits(x: number, f32: boolean, precision: number, minDigits = 0): Digits {
  if (x === 0) return { digits: '0', point: 1 };
  const s = shortest(x, f32);
  const fracLen = s.digits.length - 1;
  if (fracLen > precision) return roundAt(exactDigits(x), precision + 1);
  if (fracLen >= minDigits) return s;
  return roundAt(exactDigits(x), Math.min(minDigits, precision) + 1);
}

export type Trim = 'k' | '.' | '0' | '-';

export interface PositionalOptions {
  precision?: number; minDigits?: number; trim?: Trim; padLeft?: number; padRight?: number; sign?: boolean; f32?: boolean;
}

/** np.format_float_positional in unique mode. */
export function formatPositional(x: number, o: PositionalOptions = {}): string {
  const precision = o.precision ?? Infinity;
  const d = positionalDigits(x, !!o.f32, precision);
  const neg = x < 0 || Object.is(x, -0);
  let whole: string, frac: string;
  if (isZero(d)) { whole = '0'; frac = ''; }
  else if (d.point <= 0) { whole = '0'; frac = '0'.repeat(-d.point) + d.digits; }
  else if (d.point >= d.digits.length) { whole = d.digits + '0'.repeat(d.point - d.digits.length); frac = ''; }
  else { whole = d.digits.slice(0, d.point); frac = d.digits.slice(d.point); }
  const sign = neg ? '-' : o.sign ? '+' : '';
  const minDigits = o.minDigits ?? 0;
  if (frac.length < minDigits) frac = frac.padEnd(minDigits, '0');
  const trim = o.trim ?? '.';
  if (trim === 'k' && Number.isFinite(precision) && frac.length < precision) frac = frac.padEnd(precision, '0');
  let body = `${sign}${whole}`;
  if (frac.length > 0) body += `.${frac}`;
  else if (trim === '.' || trim === 'k') body += '.';
  else if (trim === '0') { body += '.0'; frac = '0'; }
  if (o.padRight !== undefined && o.padRight > frac.length) {
    body += ' '.repeat(o.padRight - frac.length + (trim === '-' && frac.length === 0 ? 1 : 0));
  }
  const wholeLen = sign.length + whole.length;
  if (o.padLeft !== undefined && o.padLeft > wholeLen) body = ' '.repeat(o.padLeft - wholeLen) + body;
  return body;
}

export interface ScientificOptions {
  precision?: number; minDigits?: number; trim?: Trim; padLeft?: number; expDigits?: number; sign?: boolean; f32?: boolean;
}

/** np.format_float_scientific in unique mode. */
export function formatScientific(x: number, o: ScientificOptions = {}): string {
  const precision = o.precision ?? Infinity;
  const d = scientificDigits(x, !!o.f32, precision, o.minDigits ?? 0);
  const neg = x < 0 || Object.is(x, -0);
  const exp = isZero(d) ? 0 : d.point - 1;
  const lead = d.digits[0];
  let frac = d.digits.slice(1);
  if (frac.length < (o.minDigits ?? 0)) frac = frac.padEnd(o.minDigits!, '0');
  const trim = o.trim ?? '.';
  if (trim === 'k' && Number.isFinite(precision) && frac.length < precision) frac = frac.padEnd(precision, '0');
  const sign = neg ? '-' : o.sign ? '+' : '';
  let body = sign + lead;
  if (frac.length) body += `.${frac}`;
  else if (trim === '.' || trim === 'k') body += '.';
  else if (trim === '0') body += '.0';
  const ed = Math.max(o.expDigits ?? 2, 1);
  body += `e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(ed, '0')}`;
  const wholeLen = sign.length + 1;
  if (o.padLeft !== undefined && o.padLeft > wholeLen) body = ' '.repeat(o.padLeft - wholeLen) + body;
  return body;
}

/** Python's repr(float) (== str(float)): shortest digits, scientific outside 1e-4 ≤ |x| < 1e16. */
export function pyFloatRepr(x: number): string {
  return floatScalarStr(x, false);
}

/**
 * str() of a NumPy float scalar (and Python float): positional for 1e-4 ≤ |x| < 1e16, where
 * NumPy 2.3+ lowers the upper bound to 1e6 for float32 (10**FLT_DIG); the lower bound compares
 * the float32 value exactly (np.float32(1e-4) is below 1e-4, so it prints 1e-04).
 */
export function floatScalarStr(x: number, f32: boolean): string {
  if (x !== x) return 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  const ax = Math.abs(x);
  if (ax === 0 || (ax >= 1e-4 && ax < (f32 ? 1e6 : 1e16))) return formatPositional(x, { trim: '0', f32 });
  return formatScientific(x, { trim: '-', f32 });
}
