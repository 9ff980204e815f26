// NDArray: a strided view over a typed buffer with NumPy's semantics; views share buffers.
import { DType, Scalar, Storage, allocate, isFloat, itemsize, scalarDType, scalarValue } from './dtype';
import { shapeStr, typeError, valueError } from './errors';
import { Shape, broadcastStrides, cStrides, normalizeAxes, normalizeAxis, resolveShape, sameShape, sizeOf } from './shape';
import * as uf from './ufunc';
import * as red from './reduce';
import * as idx from './indexing';
import { dot } from './linalg';
import { arrayRepr, arrayStr } from './format';

/** Anything an operation accepts where NumPy accepts an array: an NDArray or a Python scalar. */
export type Operand = NDArray | Scalar;

/** A NumPy-compatible n-dimensional array. */
export class NDArray {
  /** Marks arrays that must not be written (e.g. results of broadcast_to). */
  readonly: boolean = false;
  readonly size: number;
  /** C-contiguous: element i of the flat C-order sequence lives at data[offset + i]. */
  readonly contiguous: boolean;

  constructor(
    public data: Storage,
    public readonly shape: readonly number[],
    public readonly dtype: DType,
    public readonly strides: readonly number[] = cStrides(shape),
    public readonly offset = 0,
  ) {
    this.size = sizeOf(shape);
    this.contiguous = isCContiguous(shape, strides);
  }

  // ── construction ──────────────────────────────────────────────────────────

  static empty(shape: Shape, dtype: DType = 'float64'): NDArray {
    return new NDArray(allocate(dtype, sizeOf(shape)), shape.slice(), dtype);
  }

  static full(shape: Shape, value: number, dtype: DType = 'float64'): NDArray {
    const a = NDArray.empty(shape, dtype);
    if (value !== 0) a.data.fill(convert(value, dtype));
    return a;
  }

  /** A 0-d array holding one value (np.array(v)). */
  static scalar(value: number, dtype: DType = 'float64'): NDArray {
    const d = allocate(dtype, 1);
    d[0] = convert(value, dtype);
    return new NDArray(d, [], dtype);
  }

  /** np.array(scalar): a Python scalar as a 0-d array of its natural dtype. */
  static fromScalar(s: Scalar): NDArray {
    return NDArray.scalar(scalarValue(s), scalarDType(s));
  }

  /** An array over values given in C order (copied into storage of the dtype). */
  static from(values: ArrayLike<number> | Storage, shape: Shape, dtype: DType = 'float64'): NDArray {
    const n = sizeOf(shape);
    if (values.length !== n) throw valueError(`${values.length} values do not fill shape ${shapeStr(shape)}`);
    const d = allocate(dtype, n);
    if (isFloat(dtype)) d.set(values as ArrayLike<number>);
    else for (let i = 0; i < n; i++) d[i] = convert(values[i], dtype);
    return new NDArray(d, shape.slice(), dtype);
  }

  // ── properties ────────────────────────────────────────────────────────────

  get ndim(): number { return this.shape.length; }
  get itemsize(): number { return itemsize(this.dtype); }
  get nbytes(): number { return this.size * itemsize(this.dtype); }
  get T(): NDArray { return this.transpose(); }

  /** Python's len(): the first dimension. */
  get length(): number {
    if (this.shape.length === 0) throw typeError('len() of unsized object');
    return this.shape[0];
  }

  /** Element i in C order. */
  at(i: number): number {
    if (this.contiguous) return this.data[this.offset + i];
    let off = this.offset;
    for (let d = this.shape.length - 1; d >= 0; d--) {
      const n = this.shape[d];
      off += (i % n) * this.strides[d];
      i = Math.floor(i / n);
    }
    return this.data[off];
  }

  /** The single value of a size-1 array (ndarray.item()). */
  item(): number {
    if (this.size !== 1) throw valueError('can only convert an array of size 1 to a Python scalar');
    return this.data[this.offset];
  }

  /** The elements in C order as a buffer; shared with this array when already contiguous. */
  values(): Storage {
    if (this.contiguous) {
      return this.offset === 0 && this.data.length === this.size ? this.data : this.data.subarray(this.offset, this.offset + this.size);
    }
    return gather(this, this.dtype);
  }

  /** Nested JS arrays (ndarray.tolist()). */
  tolist(): unknown {
    const v = this.values();
    const rec = (dim: number, start: number): unknown => {
      if (dim === this.shape.length) return v[start];
      const step = sizeOf(this.shape.slice(dim + 1));
      return Array.from({ length: this.shape[dim] }, (_, i) => rec(dim + 1, start + i * step));
    };
    return rec(0, 0);
  }

  // ── copies and conversions ────────────────────────────────────────────────

  copy(): NDArray { return new NDArray(gather(this, this.dtype), this.shape.slice(), this.dtype); }

  astype(dtype: DType, copy = true): NDArray {
    if (dtype === this.dtype && !copy) return this;
    return new NDArray(gather(this, dtype), this.shape.slice(), dtype);
  }

  /** This array if C-contiguous from offset 0, else a contiguous copy. */
  contiguousCopy(): NDArray {
    return this.contiguous && this.offset === 0 ? this : this.copy();
  }

  // ── views ─────────────────────────────────────────────────────────────────

  reshape(...shape: number[] | [readonly number[]]): NDArray {
    const req = (shape.length === 1 && Array.isArray(shape[0]) ? shape[0] : shape) as number[];
    const target = resolveShape(req, this.size);
    const base = this.contiguous ? this : this.copy();
    return new NDArray(base.data, target, this.dtype, cStrides(target), base.offset);
  }

  /** ndarray.transpose(axes): a view with permuted axes (reversed when none are given). */
  transpose(axes?: readonly number[] | null): NDArray {
    const nd = this.ndim;
    let perm: number[];
    if (axes === undefined || axes === null || axes.length === 0) perm = Array.from({ length: nd }, (_, i) => nd - 1 - i);
    else {
      if (axes.length !== nd) throw valueError('axes don\'t match array');
      perm = axes.map((a) => normalizeAxis(a, nd));
      if (new Set(perm).size !== nd) throw valueError('repeated axis in transpose');
    }
    return new NDArray(this.data, perm.map((p) => this.shape[p]), this.dtype, perm.map((p) => this.strides[p]), this.offset);
  }

  /** np.broadcast_to: a read-only view. */
  broadcastTo(shape: Shape): NDArray {
    const st = broadcastStrides(this.shape, this.strides, shape);
    const v = new NDArray(this.data, shape.slice(), this.dtype, st, this.offset);
    v.readonly = true;
    return v;
  }

  expandDims(axis: number): NDArray {
    const ax = normalizeAxis(axis, this.ndim + 1);
    const shape = this.shape.slice(), strides = this.strides.slice();
    shape.splice(ax, 0, 1);
    strides.splice(ax, 0, 0);
    return new NDArray(this.data, shape, this.dtype, strides, this.offset);
  }

  squeeze(axis?: number | readonly number[] | null): NDArray {
    const drop = axis === undefined || axis === null
      ? this.shape.map((d, i) => (d === 1 ? i : -1)).filter((i) => i >= 0)
      : normalizeAxes(axis, this.ndim);
    for (const a of drop) {
      if (this.shape[a] !== 1) throw valueError('cannot select an axis to squeeze out which has size not equal to one');
    }
    const keep = this.shape.map((_, i) => i).filter((i) => !drop.includes(i));
    return new NDArray(this.data, keep.map((i) => this.shape[i]), this.dtype, keep.map((i) => this.strides[i]), this.offset);
  }

  ravel(): NDArray { return this.reshape(this.size); }
  flatten(): NDArray { return this.copy().reshape(this.size); }

  // ── element-wise arithmetic (NumPy operators) ─────────────────────────────

  add(b: Operand): NDArray { return uf.binary('add', this, b); }
  sub(b: Operand): NDArray { return uf.binary('subtract', this, b); }
  mul(b: Operand): NDArray { return uf.binary('multiply', this, b); }
  div(b: Operand): NDArray { return uf.binary('true_divide', this, b); }
  pow(b: Operand): NDArray { return uf.binary('power', this, b); }
  neg(): NDArray { return uf.unary('negative', this); }
  eq(b: Operand): NDArray { return uf.binary('equal', this, b); }
  ne(b: Operand): NDArray { return uf.binary('not_equal', this, b); }
  lt(b: Operand): NDArray { return uf.binary('less', this, b); }
  le(b: Operand): NDArray { return uf.binary('less_equal', this, b); }
  gt(b: Operand): NDArray { return uf.binary('greater', this, b); }
  ge(b: Operand): NDArray { return uf.binary('greater_equal', this, b); }

  // ── reductions ────────────────────────────────────────────────────────────

  sum(axis?: number | readonly number[] | null, keepdims = false): NDArray { return red.reduce('sum', this, axis, keepdims); }
  mean(axis?: number | readonly number[] | null, keepdims = false): NDArray { return red.mean(this, axis, keepdims); }
  max(axis?: number | readonly number[] | null, keepdims = false): NDArray { return red.reduce('max', this, axis, keepdims); }
  min(axis?: number | readonly number[] | null, keepdims = false): NDArray { return red.reduce('min', this, axis, keepdims); }
  argmax(axis?: number | null, keepdims = false): NDArray { return red.argReduce('argmax', this, axis, keepdims); }
  argmin(axis?: number | null, keepdims = false): NDArray { return red.argReduce('argmin', this, axis, keepdims); }
  var(axis?: number | readonly number[] | null, keepdims = false, ddof = 0): NDArray { return red.variance(this, axis, keepdims, ddof); }

  // ── products, indexing ────────────────────────────────────────────────────

  dot(b: NDArray): NDArray { return dot(this, b); }
  get(index: idx.Index): NDArray { return idx.getItem(this, index); }
  set(index: idx.Index, value: Operand): void { idx.setItem(this, index, value); }

  /** Fills every element (ndarray.fill / a[...] = v). */
  fill(value: number): void {
    this.checkWritable();
    idx.setItem(this, [], value);
  }

  checkWritable(): void {
    if (this.readonly) throw valueError('assignment destination is read-only');
  }

  sameShape(other: NDArray): boolean { return sameShape(this.shape, other.shape); }

  /** repr(a): `array([1., 2.])`. */
  repr(): string { return arrayRepr(this); }
  /** str(a): `[1. 2.]`. */
  toString(): string { return arrayStr(this); }
}

function isCContiguous(shape: Shape, strides: readonly number[]): boolean {
  let expected = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    const d = shape[i];
    if (d === 1) continue;
    if (d === 0) return true;
    if (strides[i] !== expected) return false;
    expected *= d;
  }
  return true;
}

/** A value as stored in an array of `dtype` (NumPy's casts: truncation toward zero, wrap-around). */
export function convert(v: number, dtype: DType): number {
  switch (dtype) {
    case 'float64': case 'float32': return v;
    case 'int64': return Number.isFinite(v) ? Math.trunc(v) : v !== v ? -(2 ** 63) : v > 0 ? 2 ** 63 : -(2 ** 63);
    case 'int32': case 'uint8': return Number.isFinite(v) ? Math.trunc(v) : 0;
    case 'bool': return v !== 0 ? 1 : 0;
  }
}

/** The elements of `a` in C order, converted to `dtype`, in fresh storage. */
export function gather(a: NDArray, dtype: DType): Storage {
  const out = allocate(dtype, a.size);
  const exact = dtype === a.dtype || (isFloat(dtype) && a.dtype !== 'bool') || (dtype === 'int64' && a.dtype !== 'float32' && a.dtype !== 'float64');
  if (a.contiguous && exact) {
    out.set(a.data.subarray(a.offset, a.offset + a.size) as never);
    return out;
  }
  forEachRow(a, (off, n, step, o) => {
    const src = a.data;
    if (exact) for (let j = 0; j < n; j++, off += step) out[o + j] = src[off];
    else for (let j = 0; j < n; j++, off += step) out[o + j] = convert(src[off], dtype);
  });
  return out;
}

/**
 * Walks `a` row by row along its last axis: `fn(offset, length, stride, flatIndex)` per row,
 * in C order. A 0-d array is one row of length 1.
 */
export function forEachRow(a: NDArray, fn: (offset: number, n: number, stride: number, flat: number) => void): void {
  const nd = a.ndim;
  if (a.size === 0) return;
  if (nd === 0) { fn(a.offset, 1, 0, 0); return; }
  const shape = a.shape, st = a.strides;
  const n = shape[nd - 1], step = st[nd - 1];
  const rows = a.size / n;
  const counter = new Array<number>(nd).fill(0);
  let off = a.offset;
  for (let r = 0, flat = 0; r < rows; r++, flat += n) {
    fn(off, n, step, flat);
    for (let d = nd - 2; d >= 0; d--) {
      off += st[d];
      if (++counter[d] < shape[d]) break;
      off -= st[d] * shape[d];
      counter[d] = 0;
    }
  }
}

export function isNDArray(x: unknown): x is NDArray {
  return x instanceof NDArray;
}

/** An NDArray from an NDArray or a Python scalar (np.asarray). */
export function asNDArray(x: Operand): NDArray {
  return x instanceof NDArray ? x : NDArray.fromScalar(x);
}
