// dtypes: float64 float32 int64 int32 uint8 bool — storage, promotion (NumPy 2 / NEP 50).

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

export function allocate(dtype: DType, n: number): Storage {
  switch (dtype) {
    case 'float64': case 'int64': return new Float64Array(n);
    case 'float32': return new Float32Array(n);
    case 'int32': return new Int32Array(n);
    case 'uint8': case 'bool': return new Uint8Array(n);
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

/** Result dtype of unary float math (exp, log, sin, …): ints become float64, float32 stays.
 *  uint8 gives float32 here; NumPy gives float16, a dtype Gradscope does not have. */
export function floatResult(d: DType): DType {
  return d === 'float32' ? 'float32' : d === 'uint8' ? 'float32' : 'float64';
}

/** NumPy's `can_cast(from, to, 'same_kind')`, used by in-place ops (`a -= b`). */
export function canCastSameKind(from: DType, to: DType): boolean {
  if (from === to || from === 'bool') return true;
  if (isFloat(to)) return true;
  if (isFloat(from)) return false;
  return to !== 'bool';
}

/** Python-visible name of the dtype's scalar type, e.g. `numpy.float64`. */
export function typeName(d: DType): string {
  return d === 'bool' ? 'bool' : d;
}
