// RandomState: NumPy's legacy MT19937 stream — seed, raw words, doubles, gauss, bounded ints,
// shuffle, choice, state.
import { libmLog } from './libm_log';

export { libmLog };

const N = 624;
const M = 397;
const UPPER = 0x80000000;
const LOWER = 0x7fffffff;
const MATRIX_A = 0x9908b0df;
const TWO_32 = 4294967296;
const UINT32_MAX = 0xffffffff;
// Largest span a float64 can carry exactly; int64 results live in Float64Array.
const MAX_SPAN = Number.MAX_SAFE_INTEGER;

/** The Python exception a RandomState error stands for (same field as the engine's EngineError). */
export type RandomErrorType = 'ValueError' | 'TypeError' | 'OverflowError' | 'IndexError';

/** An argument error carrying NumPy's own message; `pyType` names the Python exception. */
export class RandomError extends Error {
  constructor(readonly pyType: RandomErrorType, message: string) {
    super(message);
    this.name = pyType;
  }
}

/** A generator snapshot: NumPy's legacy `get_state()` tuple without the 'MT19937' tag. */
export interface RandomStateSnapshot {
  key: Uint32Array;
  pos: number;
  hasGauss: boolean;
  gauss: number;
}

const SEED_RANGE = 'Seed must be between 0 and 2**32 - 1';

function seedWord(v: number, what: 'scalar' | 'array data'): number {
  if (!Number.isInteger(v)) {
    throw new RandomError('TypeError',
      `Cannot cast ${what} from dtype('float64') to dtype('int64') according to the rule 'safe'`);
  }
  if (v < 0 || v > UINT32_MAX) throw new RandomError('ValueError', SEED_RANGE);
  return v;
}

/** An output length: NumPy's `size` as one non-negative integer. */
function count(n: number): number {
  if (!Number.isInteger(n)) {
    throw new RandomError('TypeError', `'float' object cannot be interpreted as an integer`);
  }
  if (n < 0) throw new RandomError('ValueError', 'negative dimensions are not allowed');
  return n;
}

/** Python's `int(x)` on a float bound: truncates, and refuses NaN and infinities. */
function pyInt(x: number): number {
  if (Number.isNaN(x)) throw new RandomError('ValueError', 'cannot convert float NaN to integer');
  if (!Number.isFinite(x)) throw new RandomError('OverflowError', 'cannot convert float infinity to integer');
  return Math.trunc(x);
}

/** Smallest 2^k - 1 >= x for a 32-bit x (NumPy's gen_mask on the low word). */
function mask32(x: number): number {
  x |= x >>> 1;
  x |= x >>> 2;
  x |= x >>> 4;
  x |= x >>> 8;
  x |= x >>> 16;
  return x >>> 0;
}

/** Kahan-compensated sum, the one NumPy's choice uses to validate `p`. */
function kahanSum(a: Float64Array): number {
  if (a.length === 0) return 0;
  let sum = a[0], c = 0;
  for (let i = 1; i < a.length; i++) {
    const y = a[i] - c;
    const t = sum + y;
    c = (t - sum) - y;
    sum = t;
  }
  return sum;
}

/** `cdf = cumsum(p); cdf /= cdf[-1]` — the running sum is sequential, as in add.accumulate. */
function normalizedCdf(p: Float64Array, cdf: Float64Array): void {
  let acc = 0;
  for (let i = 0; i < p.length; i++) cdf[i] = acc += p[i];
  const last = cdf[cdf.length - 1];
  for (let i = 0; i < cdf.length; i++) cdf[i] /= last;
}

/** `searchsorted(cdf, x, side='right')`: the first index whose cdf value exceeds x. */
function searchRight(cdf: Float64Array, x: number): number {
  let lo = 0, hi = cdf.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cdf[mid] <= x) lo = mid + 1; else hi = mid;
  }
  return lo;
}

/**
 * NumPy's legacy `numpy.random.RandomState`: the MT19937 Mersenne Twister with NumPy's
 * seeding, its 53-bit doubles, the polar Box–Muller gauss with its cached second value, and
 * masked rejection for bounded integers. Same seed, same call sequence → bit-identical
 * values to NumPy 2.x. Results are plain numbers; int64 draws must stay within ±2^53.
 */
export class RandomState {
  private readonly key = new Uint32Array(N);
  private pos = N;
  private hasGauss = false;
  private gauss = 0;

  /** `np.random.RandomState(seed)`; see {@link RandomState.seed}. */
  constructor(seed?: number | readonly number[]) {
    this.seed(seed);
  }

  /**
   * Reseed like NumPy: an integer in [0, 2^32-1] runs init_genrand, an array of such
   * integers runs init_by_array, nothing seeds from Math.random. Drops the cached gauss.
   */
  seed(seed?: number | readonly number[]): void {
    if (seed === undefined) this.seedEntropy();
    else if (typeof seed === 'number') this.initGenrand(seedWord(seed, 'scalar'));
    else this.initByArray(seed.map(v => seedWord(v, 'array data')));
    this.pos = N;
    this.hasGauss = false;
    this.gauss = 0;
  }

  private initGenrand(s: number): void {
    const mt = this.key;
    mt[0] = s;
    for (let i = 1; i < N; i++) {
      const prev = mt[i - 1];
      mt[i] = (Math.imul(1812433253, prev ^ (prev >>> 30)) >>> 0) + i;
    }
  }

  private initByArray(initKey: readonly number[]): void {
    if (initKey.length === 0) throw new RandomError('ValueError', 'Seed must be non-empty');
    const mt = this.key, len = initKey.length;
    this.initGenrand(19650218);
    let i = 1, j = 0;
    for (let k = Math.max(N, len); k > 0; k--) {
      const prev = mt[i - 1];
      // Uint32Array stores the sum mod 2^32, the C code's `& 0xffffffff`.
      mt[i] = ((mt[i] ^ Math.imul(prev ^ (prev >>> 30), 1664525)) >>> 0) + initKey[j] + j;
      i++;
      j++;
      if (i >= N) { mt[0] = mt[N - 1]; i = 1; }
      if (j >= len) j = 0;
    }
    for (let k = N - 1; k > 0; k--) {
      const prev = mt[i - 1];
      mt[i] = ((mt[i] ^ Math.imul(prev ^ (prev >>> 30), 1566083941)) >>> 0) - i;
      i++;
      if (i >= N) { mt[0] = mt[N - 1]; i = 1; }
    }
    mt[0] = UPPER; // MSB set: the state can never be all zeros
  }

  // NumPy pulls OS entropy here; an unseeded stream only has to be unpredictable.
  private seedEntropy(): void {
    for (let i = 1; i < N; i++) this.key[i] = Math.floor(Math.random() * TWO_32);
    this.key[0] = UPPER;
  }

  private twist(): void {
    const mt = this.key;
    for (let i = 0; i < N; i++) {
      const y = (mt[i] & UPPER) | (mt[(i + 1) % N] & LOWER);
      mt[i] = mt[(i + M) % N] ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
    }
    this.pos = 0;
  }

  /** The next raw tempered 32-bit word (`random_raw` of the 32-bit generator). */
  nextUint32(): number {
    if (this.pos === N) this.twist();
    let y = this.key[this.pos++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  /** 53-bit double in [0, 1): 27 high bits of one word, 26 of the next. */
  private nextDouble(): number {
    const a = this.nextUint32() >>> 5;
    const b = this.nextUint32() >>> 6;
    return (a * 67108864 + b) / 9007199254740992;
  }

  /** legacy_gauss: polar Box–Muller, returning f*x2 now and keeping f*x1 for the next call. */
  private nextGauss(): number {
    if (this.hasGauss) {
      const cached = this.gauss;
      this.hasGauss = false;
      this.gauss = 0;
      return cached;
    }
    let x1: number, x2: number, r2: number;
    do {
      x1 = 2 * this.nextDouble() - 1;
      x2 = 2 * this.nextDouble() - 1;
      r2 = x1 * x1 + x2 * x2;
    } while (r2 >= 1 || r2 === 0);
    const f = Math.sqrt(-2 * libmLog(r2) / r2);
    this.gauss = f * x1;
    this.hasGauss = true;
    return f * x2;
  }

  /** A draw in [0, rng] by masked rejection; 32-bit words while rng fits, else 64-bit pairs. */
  private bounded(rng: number): number {
    if (rng <= UINT32_MAX) {
      const mask = mask32(rng);
      let v: number;
      do v = (this.nextUint32() & mask) >>> 0; while (v > rng);
      return v;
    }
    // rng > 2^32 - 1, so the 64-bit mask has every low-word bit set: only the high word is masked.
    const maskHi = mask32(Math.floor(rng / TWO_32));
    let v: number;
    do {
      const hi = (this.nextUint32() & maskHi) >>> 0; // NumPy's next64: high word drawn first
      v = hi * TWO_32 + this.nextUint32();
    } while (v > rng);
    return v;
  }

  /** `random_sample(n)` / `rand(n)`: n doubles in [0, 1). */
  randomSample(n: number): Float64Array {
    const out = new Float64Array(count(n));
    for (let i = 0; i < out.length; i++) out[i] = this.nextDouble();
    return out;
  }

  /** `standard_normal(n)` / `randn(n)`, sharing the cached gauss across calls as NumPy does. */
  standardNormal(n: number): Float64Array {
    const out = new Float64Array(count(n));
    for (let i = 0; i < out.length; i++) out[i] = this.nextGauss();
    return out;
  }

  /** `normal(loc, scale, n)` = loc + scale * gauss; a negative (or -0) scale is refused. */
  normal(loc: number, scale: number, n: number): Float64Array {
    if (scale < 0 || Object.is(scale, -0)) throw new RandomError('ValueError', 'scale < 0');
    const out = new Float64Array(count(n));
    for (let i = 0; i < out.length; i++) out[i] = loc + scale * this.nextGauss();
    return out;
  }

  /** `uniform(low, high, n)` = low + (high - low) * double; high < low is allowed, as in NumPy. */
  uniform(low: number, high: number, n: number): Float64Array {
    const range = high - low;
    if (!Number.isFinite(range)) throw new RandomError('OverflowError', 'Range exceeds valid bounds');
    const out = new Float64Array(count(n));
    for (let i = 0; i < out.length; i++) out[i] = low + range * this.nextDouble();
    return out;
  }

  /**
   * `randint(low, high, n)` with dtype int64: n integers in [low, high), or [0, low) when high
   * is null. Bounds truncate like Python's int(). Spans and bounds beyond ±2^53 are refused
   * because the results could not be stored exactly.
   */
  randint(low: number, high: number | null, n: number): Float64Array {
    if (high === null) { high = low; low = 0; }
    if (n === 0) return new Float64Array(0); // NumPy returns before looking at the bounds
    const lo = pyInt(low), hi = pyInt(high) - 1;
    if (lo < -(2 ** 63)) throw new RandomError('ValueError', 'low is out of bounds for int64');
    if (hi > 2 ** 63 - 1) throw new RandomError('ValueError', 'high is out of bounds for int64');
    if (lo > hi) throw new RandomError('ValueError', 'low >= high');
    const rng = hi - lo;
    if (!Number.isSafeInteger(lo) || !Number.isSafeInteger(hi) || rng > MAX_SPAN) {
      throw new RandomError('ValueError', 'randint bounds beyond ±2**53 are not supported');
    }
    const out = new Float64Array(count(n));
    for (let i = 0; i < out.length; i++) out[i] = rng === 0 ? lo : lo + this.bounded(rng);
    return out;
  }

  /** `random_interval(max)`: one integer in [0, max]; max = 0 draws nothing. */
  interval(max: number): number {
    if (!Number.isSafeInteger(max) || max < 0) {
      throw new RandomError('ValueError', `interval max must be an integer in [0, 2**53): ${max}`);
    }
    return max === 0 ? 0 : this.bounded(max);
  }

  /**
   * The swaps legacy `shuffle` makes on a length-n first axis, in draw order: `swaps[k]` is
   * the row exchanged with row n-1-k (length n-1; a row may swap with itself). Applying them
   * in order shuffles any array along axis 0 exactly as NumPy would, whatever its dtype/shape.
   */
  shuffleIndices(n: number): Int32Array {
    const swaps = new Int32Array(Math.max(count(n) - 1, 0));
    for (let k = 0; k < swaps.length; k++) swaps[k] = this.interval(swaps.length - k);
    return swaps;
  }

  /** `permutation(n)`: arange(n) shuffled; n <= 0 gives an empty result, as np.arange does. */
  permutation(n: number): Float64Array {
    if (!Number.isInteger(n)) {
      throw new RandomError('IndexError', 'x must be an integer or at least 1-dimensional');
    }
    const out = new Float64Array(Math.max(n, 0));
    for (let i = 0; i < out.length; i++) out[i] = i;
    for (let i = out.length - 1; i >= 1; i--) {
      const j = this.interval(i);
      const t = out[i];
      out[i] = out[j];
      out[j] = t;
    }
    return out;
  }

  /**
   * Legacy `choice(a, size, replace, p)` for an integer population `a`: randint without p,
   * a permutation prefix without replacement, and NumPy's cdf/searchsorted draws with p.
   */
  choice(a: number, size: number, replace = true, p?: ArrayLike<number>): Float64Array {
    if (!Number.isInteger(a)) throw new RandomError('ValueError', 'a must be 1-dimensional or an integer');
    count(size);
    if (a <= 0 && size !== 0) {
      throw new RandomError('ValueError', 'a must be greater than 0 unless no samples are taken');
    }
    const probs = p === undefined ? undefined : checkProbabilities(p, a);
    if (replace) return probs ? this.choiceCdf(probs, size) : this.randint(0, a, size);
    if (size > a) {
      throw new RandomError('ValueError', "Cannot take a larger sample than population when 'replace=False'");
    }
    return probs ? this.choiceUnique(probs, size) : this.permutation(a).slice(0, size);
  }

  private choiceCdf(p: Float64Array, size: number): Float64Array {
    const cdf = new Float64Array(p.length);
    normalizedCdf(p, cdf);
    const out = this.randomSample(size);
    for (let i = 0; i < size; i++) out[i] = searchRight(cdf, out[i]);
    return out;
  }

  /**
   * Weighted sampling without replacement, NumPy's legacy way: draw the missing count,
   * keep first occurrences of new indices in draw order, zero the found weights, repeat.
   */
  private choiceUnique(p: Float64Array, size: number): Float64Array {
    let nonzero = 0;
    for (let i = 0; i < p.length; i++) if (p[i] > 0) nonzero++;
    if (nonzero < size) throw new RandomError('ValueError', 'Fewer non-zero entries in p than size');
    const weights = p.slice();
    const cdf = new Float64Array(p.length);
    const seen = new Uint8Array(p.length);
    const found = new Float64Array(size);
    let nUniq = 0;
    while (nUniq < size) {
      const x = this.randomSample(size - nUniq);
      for (let k = 0; k < nUniq; k++) weights[found[k]] = 0;
      normalizedCdf(weights, cdf);
      seen.fill(0);
      for (let k = 0; k < x.length; k++) {
        const idx = searchRight(cdf, x[k]);
        if (!seen[idx]) { seen[idx] = 1; found[nUniq++] = idx; }
      }
    }
    return found;
  }

  /** `get_state()`: a copy of the 624-word key, the position and the cached gauss. */
  getState(): RandomStateSnapshot {
    return { key: this.key.slice(), pos: this.pos, hasGauss: this.hasGauss, gauss: this.gauss };
  }

  /** `set_state(...)`: restore a snapshot taken by {@link RandomState.getState}. */
  setState(state: RandomStateSnapshot): void {
    if (state.key.length !== N) throw new RandomError('ValueError', `state key must have ${N} words`);
    if (!Number.isInteger(state.pos) || state.pos < 0 || state.pos > N) {
      throw new RandomError('ValueError', `state pos must be an integer in [0, ${N}]`);
    }
    this.key.set(state.key);
    this.pos = state.pos;
    this.hasGauss = state.hasGauss;
    this.gauss = state.gauss;
  }
}

/** NumPy choice's checks on `p`, in its order; returns p as float64. */
function checkProbabilities(p: ArrayLike<number>, popSize: number): Float64Array {
  const probs = Float64Array.from(p);
  if (probs.length !== popSize) throw new RandomError('ValueError', "'a' and 'p' must have same size");
  const sum = kahanSum(probs);
  if (Number.isNaN(sum)) throw new RandomError('ValueError', 'probabilities contain NaN');
  if (probs.some(v => v < 0)) throw new RandomError('ValueError', 'probabilities are not non-negative');
  // atol = sqrt(float64 eps), NumPy's tolerance for float64 probabilities.
  if (Math.abs(sum - 1) > Math.sqrt(Number.EPSILON)) {
    throw new RandomError('ValueError', 'probabilities do not sum to 1');
  }
  return probs;
}
