// Shared by the engine tests: fixture loading, the fixtures' array encoding, exact comparison.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NDArray } from '../../src/engine/ndarray';
import { isDType, type DType } from '../../src/engine/dtype';

/** A fixture under test/fixtures, parsed. */
export function loadFixture<T>(name: string): T {
  return JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', name), 'utf8')) as T;
}

/**
 * An array as the Python generators write it: values in C order, floats as Python reprs
 * ("nan", "-inf", "-0.0" included; float32 values as the repr of their exact float64 value),
 * ints as JSON numbers, bools as 0/1. `transpose` asks for a transposed (non-contiguous) view
 * of the array built from `shape`.
 */
export interface EncodedArray { dtype: string; shape: number[]; data: (string | number | boolean)[]; transpose?: boolean }

export function decodeValue(v: string | number | boolean): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v === 'nan') return NaN;
  if (v === 'inf') return Infinity;
  if (v === '-inf') return -Infinity;
  const x = Number(v);
  if (Number.isNaN(x)) throw new Error(`bad encoded value ${v}`);
  return x;
}

export function decodeArray(e: EncodedArray): NDArray {
  if (!isDType(e.dtype)) throw new Error(`unknown dtype ${e.dtype}`);
  const a = NDArray.from(e.data.map(decodeValue), e.shape, e.dtype as DType);
  return e.transpose ? a.transpose() : a;
}

/** Same bits for floats (NaN equals NaN, -0 differs from 0), same value otherwise. */
export function sameValue(x: number, y: number): boolean {
  return Object.is(x, y);
}

const F64 = new Float64Array(1);
const I64 = new BigInt64Array(F64.buffer);
const F32 = new Float32Array(1);
const I32 = new Int32Array(F32.buffer);

/** Distance in units in the last place of the given float precision (0 for identical). */
export function ulpDistance(x: number, y: number, f32: boolean): number {
  if (Object.is(x, y) || (x !== x && y !== y)) return 0;
  if (x !== x || y !== y) return Infinity;
  if (x === y) return 0; // 0 and -0
  if (f32) {
    const ord = (v: number) => { F32[0] = v; const i = I32[0]; return i < 0 ? -(i & 0x7fffffff) : i; };
    return Math.abs(ord(x) - ord(y));
  }
  const ord = (v: number) => { F64[0] = v; const i = I64[0]; return i < 0n ? -(i & 0x7fffffffffffffffn) : i; };
  const d = ord(x) - ord(y);
  return Number(d < 0n ? -d : d);
}
