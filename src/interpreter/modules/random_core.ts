// The generator behind Python's `random`: the engine's MT19937 seeded as CPython seeds it
// (init_by_array over the 32-bit words of abs(n); floats through their hash; str and bytes
// through SHA-512), CPython's
// random() / getrandbits() / _randbelow(), and getstate()/setstate().
import { RandomState } from '../../engine/random';
import { PyTuple, PyValue } from '../objects';
import { pyErr } from '../pyerrors';
import { typeOf } from '../types';
import { frexp } from './floatbits';
import { sha512 } from './sha512';

const MODULUS = (1n << 61n) - 1n;

/** CPython's hash of a finite float (equal to the int's hash for integral values). */
export function floatHash(v: number): bigint {
  if (v === Infinity) return 314159n;
  if (v === -Infinity) return -314159n;
  let [m, e] = frexp(v);
  let sign = 1n;
  if (m < 0) { sign = -1n; m = -m; }
  let x = 0n;
  while (m) {
    x = ((x << 28n) & MODULUS) | (x >> 33n);
    m *= 268435456;
    e -= 28;
    const y = Math.floor(m);
    m -= y;
    x += BigInt(y);
    if (x >= MODULUS) x -= MODULUS;
  }
  const k = BigInt(e >= 0 ? e % 61 : 60 - ((-1 - e) % 61));
  x = ((x << k) & MODULUS) | (x >> (61n - k));
  x *= sign;
  return x === -1n ? -2n : x;
}

/** A str/bytes seed (version 2): int.from_bytes(b + sha512(b).digest()), big-endian. */
function bytesSeed(b: Uint8Array): bigint {
  let n = 0n;
  for (const byte of [...b, ...sha512(b)]) n = (n << 8n) | BigInt(byte);
  return n;
}

/** The 32-bit words of a non-negative int, least significant first ([0] for zero). */
function words(n: bigint): number[] {
  const out: number[] = [];
  for (; n > 0n; n >>= 32n) out.push(Number(n & 0xffffffffn));
  return out.length ? out : [0];
}

/** One Python `random.Random` generator's state. */
export class PyRandomCore {
  readonly mt = new RandomState([0]);
  gaussNext: number | null = null;

  /** random.seed(a) for None, int, bool and float seeds. */
  seed(a: PyValue): void {
    this.gaussNext = null;
    if (a === null) { this.mt.seed(); return; }
    let n: bigint;
    if (typeof a === 'bigint') n = a < 0n ? -a : a;
    else if (typeof a === 'boolean') n = a ? 1n : 0n;
    // Other seeds go through their hash, read as an unsigned 64-bit number (CPython's size_t cast).
    else if (typeof a === 'number') n = BigInt.asUintN(64, Number.isNaN(a) ? 0n : floatHash(a));
    else if (typeof a === 'string' || a instanceof Uint8Array) n = bytesSeed(typeof a === 'string' ? new TextEncoder().encode(a) : a);
    else throw pyErr('TypeError', 'The only supported seed types are: None,\nint, float, str, bytes, and bytearray.');
    this.mt.seed(words(n));
  }

  /** random(): 53 random bits in [0, 1). */
  random(): number {
    const a = this.mt.nextUint32() >>> 5, b = this.mt.nextUint32() >>> 6;
    return (a * 67108864 + b) / 9007199254740992;
  }

  /** getrandbits(k) for k <= 32, as a JS number. */
  bits32(k: number): number {
    return k === 0 ? 0 : this.mt.nextUint32() >>> (32 - k);
  }

  /** getrandbits(k): words filled least significant first, the last one shifted down. */
  getrandbits(k: number): bigint {
    if (k < 0) throw pyErr('ValueError', 'number of bits must be non-negative');
    if (k <= 32) return BigInt(this.bits32(k));
    let out = 0n;
    for (let i = 0, left = k; left > 0; i++, left -= 32) {
      let r = this.mt.nextUint32();
      if (left < 32) r >>>= 32 - left;
      out |= BigInt(r) << BigInt(32 * i);
    }
    return out;
  }

  /** _randbelow(n): getrandbits(n.bit_length()) until below n. */
  randbelow(n: bigint): bigint {
    const k = n.toString(2).length;
    if (k <= 32) {
      const m = Number(n);
      let r = this.bits32(k);
      while (r >= m) r = this.bits32(k);
      return BigInt(r);
    }
    let r = this.getrandbits(k);
    while (r >= n) r = this.getrandbits(k);
    return r;
  }

  /** _randbelow for sizes that fit a JS number. */
  below(n: number): number {
    return Number(this.randbelow(BigInt(n)));
  }

  getstate(): PyTuple {
    const s = this.mt.getState();
    const internal = new PyTuple([...Array.from(s.key, (w) => BigInt(w)), BigInt(s.pos)]);
    return new PyTuple([3n, internal, this.gaussNext]);
  }

  setstate(state: PyValue): void {
    if (!(state instanceof PyTuple) || state.items.length !== 3) throw pyErr('TypeError', 'state vector must be a tuple');
    const [version, internal, gauss] = state.items;
    if (version !== 3n) throw pyErr('ValueError', `state with version ${String(version)} passed to Random.setstate() of version 3`);
    if (!(internal instanceof PyTuple) || internal.items.length !== 625) throw pyErr('ValueError', 'state vector is the wrong size');
    const vals = internal.items.map((v) => {
      if (typeof v !== 'bigint') throw pyErr('TypeError', `state vector items must be integers, not ${typeOf(v).name}`);
      return Number(v);
    });
    const pos = vals[624];
    if (pos < 0 || pos > 624) throw pyErr('ValueError', 'invalid state');
    this.mt.setState({ key: Uint32Array.from(vals.slice(0, 624)), pos, hasGauss: false, gauss: 0 });
    this.gaussNext = typeof gauss === 'number' ? gauss : null;
  }
}
