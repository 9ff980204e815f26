// glibc's sinf() and cosf() for |y| >= 120, bit for bit: NumPy's float32 sin and cos hand the
// C library exactly the arguments beyond their Cody-Waite range (|y| > 71476). glibc ships
// Szabolcs Nagy's single-precision sin/cos (s_sinf.c, s_cosf.c): an exact 2.62-bit fixed-point
// reduction modulo pi/2 by integer multiplication with 192 bits of 4/pi, then a polynomial in
// double precision whose multiply-adds GCC contracts on x86-64 with FMA. The polynomial
// coefficients are glibc's published values; the bits of 2/pi are computed on first use.
import { fma, hexFloat } from './libm_fma';

const PI63 = hexFloat('0x1.921FB54442D18p-62'); // 2pi · 2^-64
const [C0, C1, C2, C3, C4] = ['0x1p0', '-0x1.ffffffd0c621cp-2', '0x1.55553e1068f19p-5', '-0x1.6c087e89a359dp-10',
  '0x1.99343027bf8c3p-16'].map(hexFloat);
const [S1, S2, S3] = ['-0x1.555545995a603p-3', '0x1.1107605230bc4p-7', '-0x1.994eb3774cf24p-13'].map(hexFloat);

let invPio4: bigint[] | null = null;

/** glibc's __inv_pio4: 32-bit windows of the bits of 2/pi, each 8 bits further on. */
function windows(): bigint[] {
  const bits = 256n;
  const atan = (n: bigint) => { // arctan(1/n) · 2^bits
    let term = (1n << bits) / n, sum = term;
    for (let k = 1n; term !== 0n; k++) { term /= n * n; sum += (k & 1n ? -term : term) / (2n * k + 1n); }
    return sum;
  };
  const twoOverPi = (1n << (2n * bits + 1n)) / (16n * atan(5n) - 4n * atan(239n));
  return Array.from({ length: 24 }, (_, i) => (twoOverPi >> (bits - 8n * BigInt(i + 1))) & 0xffffffffn);
}

/** The float32 bits of y. */
function floatBits(y: number): number {
  return new Uint32Array(new Float32Array([y]).buffer)[0];
}

/** [r, n]: y = n·pi/2 + r (glibc's reduce_large), from the float32 bits xi of |y| >= 2. */
function reduceLarge(xi: number): [number, number] {
  invPio4 ??= windows();
  const at = (xi >>> 26) & 15, shift = (xi >>> 23) & 7;
  const m = BigInt(((xi & 0xffffff) | 0x800000) << shift >>> 0), M64 = (1n << 64n) - 1n;
  const res0 = (m * invPio4[at]) & 0xffffffffn, res1 = m * invPio4[at + 4], res2 = m * invPio4[at + 8];
  let r = ((res2 >> 32n) | (res0 << 32n)) + res1 & M64;
  const n = ((r + (1n << 61n)) & M64) >> 62n;
  r = (r - (n << 62n)) & M64;
  return [Number(BigInt.asIntN(64, r)) * PI63, Number(n)];
}

/** glibc's sinf_poly on x, x2 = x·x: the sine polynomial for even n, the cosine one for odd. */
function poly(x: number, x2: number, n: number, negCos: boolean): number {
  if ((n & 1) === 0) {
    const x3 = x * x2, s1 = fma(x2, S3, S2), x7 = x3 * x2;
    return Math.fround(fma(x7, s1, fma(x3, S1, x)));
  }
  const g = negCos ? -1 : 1; // glibc's second table negates the cosine coefficients
  const x4 = x2 * x2, c2 = fma(x2, g * C4, g * C3), c1 = fma(x2, g * C1, g * C0), x6 = x4 * x2;
  return Math.fround(fma(x6, c2, fma(x4, g * C2, c1)));
}

/** sinf (or cosf when `cos`) of a float32 value with |y| >= 120. */
function large(y: number, cos: boolean): number {
  if (!(Math.abs(y) < Infinity)) return NaN;
  if (!(Math.abs(y) >= 120)) throw new RangeError('glibc sinf/cosf port covers |y| >= 120 only');
  const xi = floatBits(y), sign = xi >>> 31;
  const [x, n] = reduceLarge(xi);
  const q = (n + sign) & 3, s = q === 1 || q === 2 ? -1 : 1;
  return poly(x * s, x * x, cos ? n ^ 1 : n, (q & 2) !== 0);
}

/** glibc's sinf(y) for a float32 value with |y| >= 120 (or infinite, NaN). */
export function glibcSinf(y: number): number {
  return large(y, false);
}

/** glibc's cosf(y) for a float32 value with |y| >= 120 (or infinite, NaN). */
export function glibcCosf(y: number): number {
  return large(y, true);
}
