// np.random: NumPy's global legacy RandomState, returning NDArrays.
import { Scalar, scalarValue } from './dtype';
import { EngineError } from './errors';
import { NDArray } from './ndarray';
import { RandomState } from './random';
import { sizeOf } from './shape';

/** np.random.* over one RandomState (the global one, or a user's `np.random.RandomState(s)`). */
export class NpRandom {
  constructor(readonly state: RandomState = new RandomState()) {}

  seed(seed?: number | number[]): void { this.state.seed(seed); }

  /** rand(d0, d1, …); no shape gives a 0-d result (a float for the interpreter). */
  rand(shape: readonly number[] = []): NDArray {
    return new NDArray(this.state.randomSample(sizeOf(shape)), shape.slice(), 'float64');
  }

  randn(shape: readonly number[] = []): NDArray {
    return new NDArray(this.state.standardNormal(sizeOf(shape)), shape.slice(), 'float64');
  }

  /** randint(low, high=None, size): [0, low) when high is omitted. */
  randint(low: number, high: number | null = null, shape: readonly number[] = []): NDArray {
    const [lo, hi] = high === null ? [0, low] : [low, high];
    if (lo >= hi) throw new EngineError('ValueError', 'low >= high');
    return new NDArray(this.state.randint(lo, hi, sizeOf(shape)), shape.slice(), 'int64');
  }

  uniform(low = 0, high = 1, shape: readonly number[] = []): NDArray {
    return new NDArray(this.state.uniform(low, high, sizeOf(shape)), shape.slice(), 'float64');
  }

  normal(loc = 0, scale = 1, shape: readonly number[] = []): NDArray {
    return new NDArray(this.state.normal(loc, scale, sizeOf(shape)), shape.slice(), 'float64');
  }

  /** permutation(n) → a shuffled arange; permutation(array) → a shuffled copy along axis 0. */
  permutation(x: number | NDArray): NDArray {
    if (typeof x === 'number') { const p = this.state.permutation(x); return new NDArray(p, [p.length], 'int64'); }
    const c = x.copy();
    this.shuffle(c);
    return c;
  }

  /** In-place shuffle along the first axis, with NumPy's swap sequence. */
  shuffle(a: NDArray): void {
    if (a.ndim === 0) throw new EngineError('TypeError', 'len() of unsized object');
    a.checkWritable();
    const n = a.shape[0];
    const swaps = this.state.shuffleIndices(n);
    const rowLen = a.size / Math.max(n, 1);
    const tmp = new Float64Array(rowLen);
    const rows = a.contiguous ? null : a.copy();
    const d = rows ? rows.data : a.data, base = rows ? 0 : a.offset;
    for (let i = n - 1, k = 0; i >= 1; i--, k++) {
      const j = swaps[k];
      if (j === i) continue;
      const pi = base + i * rowLen, pj = base + j * rowLen;
      for (let e = 0; e < rowLen; e++) tmp[e] = d[pi + e];
      for (let e = 0; e < rowLen; e++) d[pi + e] = d[pj + e];
      for (let e = 0; e < rowLen; e++) d[pj + e] = tmp[e];
    }
    if (rows) a.set([], rows);
  }

  choice(a: number | NDArray, shape: readonly number[] = [], replace = true, p: NDArray | null = null): NDArray {
    const pop = typeof a === 'number' ? a : a.shape[0];
    const idx = this.state.choice(pop, sizeOf(shape), replace, p ? p.values() : undefined);
    const ids = new NDArray(idx, shape.slice(), 'int64');
    return typeof a === 'number' ? ids : a.get(ids);
  }
}

let global: NpRandom | null = null;

/** NumPy's global random state (np.random.seed, np.random.rand, …). */
export function globalRandom(): NpRandom {
  return (global ??= new NpRandom());
}

/** A Python scalar seed as a number (np.random.seed(0)). */
export const seedValue = (s: Scalar): number => scalarValue(s);

/** A fresh, unseeded global state (each script run starts like a new Python process). */
export function resetGlobalRandom(): void {
  global = null;
}
