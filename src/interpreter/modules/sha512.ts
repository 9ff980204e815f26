// SHA-512 (FIPS 180-4) on bigints, for random.seed(str) — which CPython seeds with
// int.from_bytes(s.encode() + sha512(s.encode()).digest()). Small inputs only; not fast.

const MASK = (1n << 64n) - 1n;

function iroot(n: bigint, k: bigint): bigint {
  let x = 1n << BigInt(Math.ceil(n.toString(2).length / Number(k)) + 1);
  for (;;) {
    const y = ((k - 1n) * x + n / x ** (k - 1n)) / k;
    if (y >= x) return x;
    x = y;
  }
}

function primes(count: number): bigint[] {
  const out: bigint[] = [];
  for (let n = 2; out.length < count; n++) if (out.every((p) => BigInt(n) % p !== 0n)) out.push(BigInt(n));
  return out;
}

// The constants are defined as the first 64 fraction bits of square and cube roots of primes;
// computed at the first use (seeding with a string is rare, and startup pays for every module).
let K: bigint[] = [], INIT: bigint[] = [];
function constants(): void {
  if (K.length) return;
  const P = primes(80);
  K = P.map((p) => iroot(p << 192n, 3n) & MASK);
  INIT = P.slice(0, 8).map((p) => iroot(p << 128n, 2n) & MASK);
}

const rotr = (x: bigint, n: bigint) => ((x >> n) | (x << (64n - n))) & MASK;

function block(H: bigint[], buf: Uint8Array, off: number): bigint[] {
  const W: bigint[] = [];
  for (let t = 0; t < 16; t++) {
    let w = 0n;
    for (let j = 0; j < 8; j++) w = (w << 8n) | BigInt(buf[off + t * 8 + j]);
    W.push(w);
  }
  for (let t = 16; t < 80; t++) {
    const s0 = rotr(W[t - 15], 1n) ^ rotr(W[t - 15], 8n) ^ (W[t - 15] >> 7n);
    const s1 = rotr(W[t - 2], 19n) ^ rotr(W[t - 2], 61n) ^ (W[t - 2] >> 6n);
    W.push((W[t - 16] + s0 + W[t - 7] + s1) & MASK);
  }
  let [a, b, c, d, e, f, g, h] = H;
  for (let t = 0; t < 80; t++) {
    const t1 = (h + (rotr(e, 14n) ^ rotr(e, 18n) ^ rotr(e, 41n)) + ((e & f) ^ (~e & MASK & g)) + K[t] + W[t]) & MASK;
    const t2 = ((rotr(a, 28n) ^ rotr(a, 34n) ^ rotr(a, 39n)) + ((a & b) ^ (a & c) ^ (b & c))) & MASK;
    [h, g, f, e, d, c, b, a] = [g, f, e, (d + t1) & MASK, c, b, a, (t1 + t2) & MASK];
  }
  return H.map((x, i) => (x + [a, b, c, d, e, f, g, h][i]) & MASK);
}

/** The SHA-512 digest of msg. */
export function sha512(msg: Uint8Array): Uint8Array {
  constants();
  const size = Math.ceil((msg.length + 17) / 128) * 128;
  const buf = new Uint8Array(size);
  buf.set(msg);
  buf[msg.length] = 0x80;
  const bits = BigInt(msg.length) * 8n;
  for (let i = 0; i < 16; i++) buf[size - 1 - i] = Number((bits >> BigInt(8 * i)) & 0xffn);
  let H = INIT;
  for (let off = 0; off < size; off += 128) H = block(H, buf, off);
  const out = new Uint8Array(64);
  H.forEach((x, i) => { for (let j = 0; j < 8; j++) out[i * 8 + j] = Number((x >> BigInt(56 - 8 * j)) & 0xffn); });
  return out;
}
