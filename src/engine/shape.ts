// Shape arithmetic: strides, sizes, broadcasting, axis normalisation, reshape's -1.
import { EngineError, shapeNp, valueError } from './errors';

export type Shape = readonly number[];

export function sizeOf(shape: Shape): number {
  let n = 1;
  for (let i = 0; i < shape.length; i++) n *= shape[i];
  return n;
}

/** Row-major (C order) strides, in elements. */
export function cStrides(shape: Shape): number[] {
  const st = new Array<number>(shape.length);
  let s = 1;
  for (let i = shape.length - 1; i >= 0; i--) { st[i] = s; s *= shape[i] || 1; }
  return st;
}

export function sameShape(a: Shape, b: Shape): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The broadcast shape of two shapes, or NumPy's error naming both. */
export function broadcastShapes(a: Shape, b: Shape): number[] {
  if (sameShape(a, b)) return a.slice();
  const n = Math.max(a.length, b.length);
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const da = i < n - a.length ? 1 : a[i - (n - a.length)];
    const db = i < n - b.length ? 1 : b[i - (n - b.length)];
    if (da === db || db === 1) out[i] = da;
    else if (da === 1) out[i] = db;
    else throw valueError(`operands could not be broadcast together with shapes ${shapeNp(a)} ${shapeNp(b)} `);
  }
  return out;
}

/** Strides that read an array of `shape`/`strides` as if broadcast to `target` (0 on stretched axes). */
export function broadcastStrides(shape: Shape, strides: readonly number[], target: Shape): number[] {
  const lead = target.length - shape.length;
  const out = new Array<number>(target.length);
  for (let i = 0; i < target.length; i++) {
    if (i < lead) { out[i] = 0; continue; }
    const d = shape[i - lead];
    if (d === target[i]) out[i] = d === 1 ? 0 : strides[i - lead];
    else if (d === 1) out[i] = 0;
    else throw valueError(`operands could not be broadcast together with remapped shapes [original->remapped]: ${shapeNp(shape)}  and requested shape ${shapeNp(target)}`);
  }
  return out;
}

/** A possibly negative axis made non-negative, or NumPy's AxisError. */
export function normalizeAxis(axis: number, ndim: number): number {
  if (!Number.isInteger(axis) || axis < -ndim || axis >= ndim) {
    throw new EngineError('AxisError', `axis ${axis} is out of bounds for array of dimension ${ndim}`);
  }
  return axis < 0 ? axis + ndim : axis;
}

/** `axis=None | int | tuple` → sorted unique non-negative axes (all axes for null). */
export function normalizeAxes(axis: number | readonly number[] | null | undefined, ndim: number): number[] {
  if (axis === null || axis === undefined) return Array.from({ length: ndim }, (_, i) => i);
  const list = typeof axis === 'number' ? [axis] : axis;
  const out = list.map((a) => normalizeAxis(a, ndim));
  if (new Set(out).size !== out.length) throw valueError('duplicate value in \'axis\'');
  return out.sort((x, y) => x - y);
}

/** Resolves one `-1` in a requested shape, checking the total size. */
export function resolveShape(requested: Shape, size: number): number[] {
  let unknown = -1, known = 1;
  for (let i = 0; i < requested.length; i++) {
    const d = requested[i];
    if (d === -1) {
      if (unknown >= 0) throw valueError('can only specify one unknown dimension');
      unknown = i;
    } else if (!Number.isInteger(d) || d < 0) {
      throw valueError(`negative dimensions not allowed`);
    } else known *= d;
  }
  const out = requested.slice();
  if (unknown >= 0) {
    if (known === 0 || size % known !== 0) {
      throw valueError(`cannot reshape array of size ${size} into shape ${shapeNp(requested)}`);
    }
    out[unknown] = size / known;
  } else if (known !== size) {
    throw valueError(`cannot reshape array of size ${size} into shape ${shapeNp(requested)}`);
  }
  return out;
}

export function checkShape(shape: Shape, what = 'array'): void {
  for (const d of shape) {
    if (!Number.isInteger(d) || d < 0) throw valueError(`negative dimensions are not allowed (${what} shape ${shapeNp(shape)})`);
  }
}
