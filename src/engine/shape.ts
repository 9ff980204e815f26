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

const NO_STRIDES: number[] = [];
/** C strides of a shape; the common small cases without a loop (cheaper than any cache). */
export function cachedStrides(shape: Shape): number[] {
  switch (shape.length) {
    case 0: return NO_STRIDES;
    case 1: return [1];
    case 2: return [shape[1] || 1, 1];
    default: return cStrides(shape);
  }
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
  if (lead < 0) throw valueError('input operand has more dimensions than allowed by the axis remapping');
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
  // (plain loops: reductions call this for every op, mostly with None or one axis)
  if (axis === null || axis === undefined) {
    const all = new Array<number>(ndim);
    for (let i = 0; i < ndim; i++) all[i] = i;
    return all;
  }
  if (typeof axis === 'number') return [normalizeAxis(axis, ndim)];
  const out = new Array<number>(axis.length);
  for (let i = 0; i < axis.length; i++) {
    const a = normalizeAxis(axis[i], ndim);
    for (let j = 0; j < i; j++) if (out[j] === a) throw valueError('duplicate value in \'axis\'');
    out[i] = a;
  }
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
  // NumPy's convert_shape_to_string: leading unknown dimensions are dropped, later ones
  // are named "newaxis"; a one-dimensional request gets a trailing comma.
  const shown = () => {
    const lead = requested.findIndex((d) => d >= 0);
    if (lead < 0) return '()';
    const rest = requested.slice(lead).map((d) => (d < 0 ? 'newaxis' : d));
    return `(${rest.join(',')}${requested.length === 1 ? ',' : ''})`;
  };
  if (unknown >= 0) {
    if (known === 0 || size % known !== 0) throw valueError(`cannot reshape array of size ${size} into shape ${shown()}`);
    out[unknown] = size / known;
  } else if (known !== size) {
    throw valueError(`cannot reshape array of size ${size} into shape ${shown()}`);
  }
  return out;
}

export function checkShape(shape: Shape, what = 'array'): void {
  for (const d of shape) {
    if (!Number.isInteger(d) || d < 0) throw valueError(`negative dimensions are not allowed (${what} shape ${shapeNp(shape)})`);
  }
}

/**
 * Strides that view an array of `shape`/`strides` as `target` without copying, or null when
 * a copy is needed (NumPy's _attempt_nocopy_reshape): each run of old axes that multiplies to
 * a run of new axes must itself be contiguous.
 */
export function reshapeStrides(shape: Shape, strides: readonly number[], target: Shape): number[] | null {
  const od: number[] = [], os: number[] = [];
  shape.forEach((d, i) => { if (d !== 1) { od.push(d); os.push(strides[i]); } });
  const out = new Array<number>(target.length).fill(0);
  let ni = 0, oi = 0;
  while (ni < target.length && oi < od.length) {
    let nj = ni + 1, oj = oi + 1, np = target[ni], op = od[oi];
    while (np !== op) {
      if (np < op) np *= target[nj++];
      else op *= od[oj++];
    }
    for (let k = oi; k < oj - 1; k++) if (os[k] !== od[k + 1] * os[k + 1]) return null;
    out[nj - 1] = os[oj - 1];
    for (let k = nj - 1; k > ni; k--) out[k - 1] = out[k] * target[k];
    ni = nj; oi = oj;
  }
  const last = ni > 0 ? out[ni - 1] : 1;
  for (let k = ni; k < target.length; k++) out[k] = last;
  return out;
}
