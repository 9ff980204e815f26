// dtypes: float64 float32 int64 int32 uint8 bool — storage, promotion (NumPy 2 / NEP 50), casts.
import { EngineError } from './errors';

/** The element types an NDArray can hold. */
export type DType = 'float64' | 'float32' | 'int64' | 'int32' | 'uint8' | 'bool';

/** The typed array behind each dtype. int64 lives in a Float64Array (exact within ±2^53). */
export type Storage = Float64Array | Float32Array | Int32Array | Uint8Array;

/**
 * A Python scalar as the engine sees it: a JS number is a Python float, a bigint a Python
 * int, a boolean a Python bool. They are "weak" in NumPy 2's sense: they take the array's
 * dtype where they can.
 */
export type Scalar = number | bigint | boolean;

export const DTYPES: readonly DType[] = ['float64', 'float32', 'int64', 'int32', 'uint8', 'bool'];

export function isDType(s: string): s is DType {
  return (DTYPES as readonly string[]).includes(s);
}

// Arrays up to 8 KiB (a 30×30 float64 batch) are carved from shared 128 KiB slabs: a fresh
// ArrayBuffer per array costs an allocation outside the heap each time, and an on-heap typed
// array (V8 keeps ≤ 64 bytes inside the heap) is twice the size of a view. Training loops and scalar chains make
// thousands of small arrays, so their size is what the garbage collector pays for.
// Slabs are never reused, so every carved array starts zeroed; a slab is freed once no
// array carved from it is alive (so a long-lived small array can keep up to 128 KiB alive).
const SLAB = 1 << 17, SMALL = 8192;
let slab = new ArrayBuffer(SLAB), slabUsed = 0;

export function allocate(dtype: DType, n: number): Storage {
  const size = itemsize(dtype), bytes = n * size;
  if (bytes === 0 || bytes > SMALL) {
    switch (dtype) {
      case 'float64': case 'int64': return new Float64Array(n);
      case 'float32': return new Float32Array(n);
      case 'int32': return new Int32Array(n);
      case 'uint8': case 'bool': return new Uint8Array(n);
    }
  }
  let at = (slabUsed + 7) & ~7;
  if (at + bytes > SLAB) { slab = new ArrayBuffer(SLAB); at = 0; }
  slabUsed = at + bytes;
  switch (dtype) {
    case 'float64': case 'int64': return new Float64Array(slab, at, n);
    case 'float32': return new Float32Array(slab, at, n);
    case 'int32': return new Int32Array(slab, at, n);
    case 'uint8': case 'bool': return new Uint8Array(slab, at, n);
  }
}

export function isFloat(d: DType): boolean { return d === 'float64' || d === 'float32'; }
export function isInteger(d: DType): boolean { return d === 'int64' || d === 'int32' || d === 'uint8'; }

/** Bytes per element as NumPy reports them (itemsize, nbytes). */
export function itemsize(d: DType): number {
  switch (d) {
    case 'float64': case 'int64': return 8;
    case 'float32': case 'int32': return 4;
    case 'uint8': case 'bool': return 1;
  }
}

// Rank on each kind's ladder: bool < uint8 < int32 < int64 ; float32 < float64.
const INT_RANK: Partial<Record<DType, number>> = { bool: 0, uint8: 1, int32: 2, int64: 3 };

/** np.result_type for two array dtypes. */
export function promote(a: DType, b: DType): DType {
  if (a === b) return a;
  if (a === 'bool') return b;
  if (b === 'bool') return a;
  const fa = isFloat(a), fb = isFloat(b);
  if (fa && fb) return 'float64';
  if (!fa && !fb) return INT_RANK[a]! > INT_RANK[b]! ? a : b;
  const f = fa ? a : b, i = fa ? b : a;
  // float32 holds uint8 exactly; wider ints need float64.
  return f === 'float32' && i !== 'uint8' ? 'float64' : f;
}

/** The dtype of an array combined with a weak Python scalar (NEP 50). */
export function promoteWeak(a: DType, s: Scalar): DType {
  if (typeof s === 'boolean') return a;
  if (typeof s === 'bigint') return a === 'bool' ? 'int64' : a;
  return isFloat(a) ? a : 'float64';
}

/** The dtype NumPy gives a Python scalar on its own (np.array(2.0) → float64, np.array(2) → int64). */
export function scalarDType(s: Scalar): DType {
  return typeof s === 'boolean' ? 'bool' : typeof s === 'bigint' ? 'int64' : 'float64';
}

export function scalarValue(s: Scalar): number {
  return typeof s === 'boolean' ? (s ? 1 : 0) : Number(s);
}

/** Result dtype of unary float math (exp, log, sin, rint, …) and arctan2/hypot: int32 and
 *  int64 become float64, float32 stays. bool and uint8 give float32 here; NumPy gives float16,
 *  a dtype Gradscope does not have. */
export function floatResult(d: DType): DType {
  return d === 'float32' || d === 'uint8' || d === 'bool' ? 'float32' : 'float64';
}

const I32_MIN = -2147483648, I64_MIN = -(2 ** 63);

/**
 * A float cast to `dtype` as NumPy's C casts do on x86-64: truncation toward zero; NaN, ±inf
 * and out-of-range values become the integer type's minimum (cvttsd2si); uint8 goes through
 * int32 and keeps the low byte; bool is `v != 0` (NaN is true).
 */
export function castFloat(v: number, dtype: DType): number {
  switch (dtype) {
    case 'float64': case 'float32': return v;
    case 'bool': return v !== 0 ? 1 : 0;
    case 'int64': return v >= I64_MIN && v < 2 ** 63 ? Math.trunc(v) + 0 : I64_MIN;
    case 'int32': return v > I32_MIN - 1 && v < 2 ** 31 ? Math.trunc(v) + 0 : I32_MIN;
    case 'uint8': return (v > I32_MIN - 1 && v < 2 ** 31 ? Math.trunc(v) : I32_MIN) & 255;
  }
}

/** An integer result stored in `dtype`: int32 and uint8 wrap around, int64 loses -0, bool is `v != 0`. */
export function wrapInt(v: number, dtype: DType): number {
  switch (dtype) {
    case 'float64': case 'float32': return v;
    case 'bool': return v !== 0 ? 1 : 0;
    case 'int64': return v + 0;
    case 'int32': return v | 0;
    case 'uint8': return v & 255;
  }
}

/** NumPy 2 (NEP 50) raises for a Python int that an integer loop dtype cannot hold. */
export function checkPyInt(s: Scalar, loop: DType): void {
  if (typeof s !== 'bigint' || !isInteger(loop)) return;
  const [lo, hi] = loop === 'int64' ? [-(2n ** 63n), 2n ** 63n - 1n] : loop === 'int32' ? [-(2n ** 31n), 2n ** 31n - 1n] : [0n, 255n];
  if (s >= lo && s <= hi) return;
  if (loop === 'int64') throw new EngineError('OverflowError', 'Python int too large to convert to C long');
  throw new EngineError('OverflowError', `Python integer ${s} out of bounds for ${loop}`);
}

/** NumPy's `can_cast(from, to, 'same_kind')`, used by in-place ops (`a -= b`). */
export function canCastSameKind(from: DType, to: DType): boolean {
  if (from === to || from === 'bool') return true;
  if (isFloat(to)) return true;
  if (isFloat(from) || to === 'bool') return false;
  // Signed to unsigned is neither safe nor within one kind; unsigned to signed is safe.
  return to !== 'uint8';
}

/** Python-visible name of the dtype's scalar type, e.g. `numpy.float64`. */
export function typeName(d: DType): string {
  return d === 'bool' ? 'bool' : d;
}
