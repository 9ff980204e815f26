// NDArray: a strided view over a typed buffer with NumPy's semantics; views share buffers.
import { DType, Scalar, Storage, allocate, castFloat, isFloat, itemsize, scalarDType, scalarValue, wrapInt } from './dtype';
import { shapeStr, typeError, valueError } from './errors';
import { Shape, broadcastStrides, cStrides, cachedStrides, normalizeAxes, normalizeAxis, reshapeStrides, resolveShape, sameShape, sizeOf } from './shape';
import * as uf from './ufunc';
import * as red from './reduce';
import * as idx from './indexing';
import { dot } from './linalg';
import { arrayRepr, arrayStr } from './format';
import { iterateRows } from './iter';
import { keepOrderStrides } from './layout';

/** The shape and strides of every 0-d array: shared, never mutated. */
const NO_DIMS: readonly number[] = Object.freeze([]);

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

  /** A fresh C-ordered array sharing another array's (immutable) shape: no copies of shape or strides. */
  static like(shape: Shape, dtype: DType): NDArray {
    return new NDArray(allocate(dtype, sizeOf(shape)), shape, dtype, cachedStrides(shape));
  }

  static full(shape: Shape, value: number, dtype: DType = 'float64'): NDArray {
    const a = NDArray.empty(shape, dtype);
    if (value !== 0) a.data.fill(convert(value, dtype));
    return a;
  }

  /** A 0-d array holding one value (np.array(v)). */
  static scalar(value: number, dtype: DType = 'float64'): NDArray {
    const d = allocate(dtype, 1);
    if (dtype === 'float64') { d[0] = value; return new NDArray(d, NO_DIMS, dtype, NO_DIMS); }
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

  /**
   * ndarray.astype: a copy cast to `dtype`, C-contiguous by default (callers rely on that);
   * order 'K' keeps this array's memory order as NumPy's default does, which decides the order
   * a later reduction of the copy adds in.
   */
  astype(dtype: DType, copy = true, order: 'C' | 'K' = 'C'): NDArray {
    if (dtype === this.dtype && !copy) return this;
    if (order === 'K' && this.isTransposedBlock()) {
      // A transposed C-contiguous matrix (x.T): 'K' keeps its memory order, so the copy is the block as it lies.
      const out = new NDArray(allocate(dtype, this.size), this.shape.slice(), dtype, this.strides.slice());
      const cast = castFor(this.dtype, dtype), src = this.data, o = out.data, at = this.offset;
      if (!cast) for (let j = 0; j < this.size; j++) o[j] = src[at + j];
      else for (let j = 0; j < this.size; j++) o[j] = cast(src[at + j], dtype);
      return out;
    }
    const strides = this.contiguous || order === 'C' ? null : keepOrderStrides(this.shape, [this.strides]);
    if (!strides || sameShape(strides, cStrides(this.shape))) return new NDArray(gather(this, dtype), this.shape.slice(), dtype);
    const out = new NDArray(allocate(dtype, this.size), this.shape.slice(), dtype, strides);
    const cast = castFor(this.dtype, dtype), src = this.data, o = out.data;
    iterateRows(this.shape, [out, this], (n, offs, steps) => {
      for (let j = 0, oi = offs[0], si = offs[1]; j < n; j++, oi += steps[0], si += steps[1]) o[oi] = cast ? cast(src[si], dtype) : src[si];
    }, true);
    return out;
  }

  /** A 2-d view that is the transpose of a C-contiguous block: strides [1, rows], both sides > 1. */
  private isTransposedBlock(): boolean {
    const sh = this.shape, st = this.strides;
    return sh.length === 2 && sh[0] > 1 && sh[1] > 1 && st[0] === 1 && st[1] === sh[0];
  }

  /** This array if C-contiguous from offset 0, else a contiguous copy. */
  contiguousCopy(): NDArray {
    return this.contiguous && this.offset === 0 ? this : this.copy();
  }

  // ── views ─────────────────────────────────────────────────────────────────

  /** A view of this array's buffer; views of read-only arrays are read-only, as in NumPy. */
  view(shape: readonly number[], strides: readonly number[], offset = this.offset): NDArray {
    const v = new NDArray(this.data, shape, this.dtype, strides, offset);
    v.readonly = this.readonly;
    return v;
  }

  reshape(...shape: number[] | [readonly number[]]): NDArray {
    const req = (shape.length === 1 && Array.isArray(shape[0]) ? shape[0] : shape) as number[];
    const target = resolveShape(req, this.size);
    if (this.contiguous || this.size === 0) return this.view(target, cStrides(target));
    // Like NumPy, a view whenever the strides allow one; otherwise a (writable) copy.
    const st = reshapeStrides(this.shape, this.strides, target);
    return st ? this.view(target, st) : new NDArray(gather(this, this.dtype), target, this.dtype);
  }

  /** ndarray.transpose(axes): a view with permuted axes (reversed when none are given). */
  transpose(axes?: readonly number[] | null): NDArray {
    const nd = this.ndim;
    if (nd === 2 && (axes === undefined || axes === null || axes.length === 0)) {
      // x.T and W.T in every Linear's backward: no permutation arrays.
      return this.view([this.shape[1], this.shape[0]], [this.strides[1], this.strides[0]]);
    }
    let perm: number[];
    if (axes === undefined || axes === null || axes.length === 0) perm = Array.from({ length: nd }, (_, i) => nd - 1 - i);
    else {
      if (axes.length !== nd) throw valueError('axes don\'t match array');
      perm = axes.map((a) => normalizeAxis(a, nd));
      if (new Set(perm).size !== nd) throw valueError('repeated axis in transpose');
    }
    return this.view(perm.map((p) => this.shape[p]), perm.map((p) => this.strides[p]));
  }

  /** np.broadcast_to: a read-only view. */
  broadcastTo(shape: Shape): NDArray {
    const st = broadcastStrides(this.shape, this.strides, shape);
    const v = new NDArray(this.data, shape.slice(), this.dtype, st, this.offset);
    v.readonly = true;
    return v;
  }

  /** np.expand_dims(a, axis): length-1 axes inserted at each of the (result) positions. */
  expandDims(axis: number | readonly number[]): NDArray {
    const list = typeof axis === 'number' ? [axis] : axis;
    const nd = this.ndim + list.length;
    const axes = list.map((a) => normalizeAxis(a, nd));
    if (new Set(axes).size !== axes.length) throw valueError('repeated axis');
    const shape: number[] = [], strides: number[] = [];
    for (let i = 0, k = 0; i < nd; i++) {
      if (axes.includes(i)) { shape.push(1); strides.push(0); }
      else { shape.push(this.shape[k]); strides.push(this.strides[k]); k++; }
    }
    return this.view(shape, strides);
  }

  squeeze(axis?: number | readonly number[] | null): NDArray {
    const drop = axis === undefined || axis === null
      ? this.shape.map((d, i) => (d === 1 ? i : -1)).filter((i) => i >= 0)
      : normalizeAxes(axis, this.ndim);
    for (const a of drop) {
      if (this.shape[a] !== 1) throw valueError('cannot select an axis to squeeze out which has size not equal to one');
    }
    const keep = this.shape.map((_, i) => i).filter((i) => !drop.includes(i));
    return this.view(keep.map((i) => this.shape[i]), keep.map((i) => this.strides[i]));
  }

  /** ndarray.ravel(): a view of a C-contiguous array, else a copy (unlike reshape(-1)). */
  ravel(): NDArray { return this.contiguous ? this.reshape(this.size) : this.copy().reshape(this.size); }
  flatten(): NDArray { return this.copy().reshape(this.size); }

  // ── element-wise arithmetic (NumPy operators) ─────────────────────────────

  add(b: Operand): NDArray { return uf.binary('add', this, b); }
  sub(b: Operand): NDArray { return uf.binary('subtract', this, b); }
  mul(b: Operand): NDArray { return uf.binary('multiply', this, b); }
  div(b: Operand): NDArray { return uf.binary('true_divide', this, b); }
  /** The `**` operator, with NumPy's square/reciprocal/sqrt fast paths. */
  pow(b: Operand): NDArray { return uf.power(this, b); }
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

/** A float value as stored in an array of `dtype` (NumPy's C casts: truncation toward zero). */
export function convert(v: number, dtype: DType): number {
  return castFloat(v, dtype);
}

/** The cast a value of dtype `from` needs to be stored as `to`, or null when a plain store does it. */
function castFor(from: DType, to: DType): ((v: number, d: DType) => number) | null {
  if (from === to || (isFloat(to) && from !== 'bool') || (to === 'int64' && !isFloat(from))) return null;
  return isFloat(from) ? castFloat : wrapInt;
}

/** The elements of `a` in C order, converted to `dtype`, in fresh storage. */
export function gather(a: NDArray, dtype: DType): Storage {
  const out = allocate(dtype, a.size);
  const cast = castFor(a.dtype, dtype);
  if (a.contiguous && (!cast || (!isFloat(a.dtype) && dtype !== 'bool'))) {
    // Typed-array stores widen exactly and wrap integers around, as NumPy's integer casts do.
    out.set(a.data.subarray(a.offset, a.offset + a.size) as never);
    return out;
  }
  forEachRow(a, (off, n, step, o) => {
    const src = a.data;
    if (!cast) for (let j = 0; j < n; j++, off += step) out[o + j] = src[off];
    else for (let j = 0; j < n; j++, off += step) out[o + j] = cast(src[off], dtype);
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
