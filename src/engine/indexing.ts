// Indexing: basic (ints, slices, None, Ellipsis → views) and advanced (integer arrays,
// boolean masks → copies); item assignment; np.add.at (unbuffered scatter-add).
import { DType, Scalar, castFloat, checkPyInt, isFloat, isInteger, scalarValue, wrapInt } from './dtype';
import { EngineError, indexError, shapeNp, typeError, valueError } from './errors';
import { NDArray, Operand } from './ndarray';
import { iterateRows } from './iter';
import { broadcastShapes, broadcastStrides } from './shape';

/** A Python slice `start:stop:step`; null parts are omitted ones. */
export class Slice {
  constructor(readonly start: number | null = null, readonly stop: number | null = null, readonly step: number | null = null) {}

  /** slice.indices(n): concrete start, step and length over a dimension of size n. */
  indices(n: number): { start: number; step: number; length: number } {
    const step = this.step ?? 1;
    if (step === 0) throw new EngineError('ValueError', 'slice step cannot be zero');
    const clamp = (v: number | null, dflt: number, lo: number, hi: number) => {
      if (v === null) return dflt;
      if (v < 0) v += n;
      return v < lo ? lo : v > hi ? hi : v;
    };
    const start = step > 0 ? clamp(this.start, 0, 0, n) : clamp(this.start, n - 1, -1, n - 1);
    const stop = step > 0 ? clamp(this.stop, n, 0, n) : clamp(this.stop, -1, -1, n - 1);
    const length = step > 0 ? Math.max(0, Math.ceil((stop - start) / step)) : Math.max(0, Math.ceil((stop - start) / step));
    return { start, step, length };
  }
}

/** The `...` index. */
export const ELLIPSIS = Symbol('Ellipsis');

/** One entry of an index: int, slice, None (new axis), Ellipsis, or an int/bool array. */
export type IndexItem = number | Slice | null | typeof ELLIPSIS | NDArray;
/** An index: one item, or a tuple of them. */
export type Index = IndexItem | readonly IndexItem[];

type Part =
  | { kind: 'slice'; dim: number; start: number; step: number; length: number }
  | { kind: 'int'; dim: number; i: number }
  | { kind: 'new' }
  | { kind: 'adv'; dim: number; arr: NDArray };

/** The dimension of a 0-d boolean index: a new length-1 axis (stride 0) that it selects from. */
const NEW_AXIS = -1;

function normalizeInt(i: number, n: number, axis: number): number {
  if (!Number.isInteger(i)) throw indexError('only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and integer or boolean arrays are valid indices');
  if (i < -n || i >= n) throw indexError(`index ${i} is out of bounds for axis ${axis} with size ${n}`);
  return i < 0 ? i + n : i;
}

/** Splits an index into per-dimension parts; boolean arrays become integer arrays. */
function parse(a: NDArray, index: Index): Part[] {
  const items: IndexItem[] = Array.isArray(index) ? [...index] : [index as IndexItem];
  const consumes = (it: IndexItem) => (it === null || it === ELLIPSIS ? 0 : it instanceof NDArray && it.dtype === 'bool' ? it.ndim : 1);
  const used = items.reduce<number>((s, it) => s + consumes(it), 0);
  const nEll = items.filter((it) => it === ELLIPSIS).length;
  if (nEll > 1) throw indexError('an index can only have a single ellipsis (\'...\')');
  if (used > a.ndim) throw indexError(`too many indices for array: array is ${a.ndim}-dimensional, but ${used} were indexed`);
  const parts: Part[] = [];
  let dim = 0;
  const expand = (count: number) => { for (let k = 0; k < count; k++, dim++) parts.push(sliceAll(a, dim)); };
  for (const it of items) {
    if (it === ELLIPSIS) expand(a.ndim - used);
    else if (it === null) parts.push({ kind: 'new' });
    else if (typeof it === 'number') { parts.push({ kind: 'int', dim, i: normalizeInt(it, a.shape[dim], dim) }); dim++; }
    else if (it instanceof Slice) { parts.push({ kind: 'slice', dim, ...it.indices(a.shape[dim]) }); dim++; }
    else if (it.dtype === 'bool' && it.ndim === 0) {
      parts.push({ kind: 'adv', dim: NEW_AXIS, arr: NDArray.from(it.item() ? [0] : [], [it.item() ? 1 : 0], 'int64') });
    } else if (it.dtype === 'bool') {
      for (const arr of nonzero(it, a, dim)) parts.push({ kind: 'adv', dim: dim++, arr });
    } else {
      if (!isInteger(it.dtype)) throw indexError('arrays used as indices must be of integer (or boolean) type');
      parts.push({ kind: 'adv', dim, arr: it }); dim++;
    }
  }
  expand(a.ndim - dim);
  return parts;
}

function sliceAll(a: NDArray, dim: number): Part {
  return { kind: 'slice', dim, start: 0, step: 1, length: a.shape[dim] };
}

/** A boolean mask's true positions, one int64 array per masked dimension. */
function nonzero(mask: NDArray, a: NDArray, dim: number): NDArray[] {
  const nd = mask.ndim;
  const mshape = mask.shape;
  for (let k = 0; k < nd; k++) {
    if (mshape[k] !== a.shape[dim + k]) {
      throw indexError(`boolean index did not match indexed array along axis ${dim + k}; size of axis is ${a.shape[dim + k]} but size of corresponding boolean axis is ${mshape[k]}`);
    }
  }
  const v = mask.values();
  const hits: number[] = [];
  for (let i = 0; i < v.length; i++) if (v[i] !== 0) hits.push(i);
  return Array.from({ length: nd }, (_, k) => {
    const stride = mshape.slice(k + 1).reduce((x, y) => x * y, 1);
    return NDArray.from(hits.map((h) => Math.floor(h / stride) % mshape[k]), [hits.length], 'int64');
  });
}

/** The view for an index without advanced parts. */
function basicView(a: NDArray, parts: Part[]): NDArray {
  const shape: number[] = [], strides: number[] = [];
  let offset = a.offset;
  for (const p of parts) {
    if (p.kind === 'new') { shape.push(1); strides.push(0); }
    else if (p.kind === 'int') offset += p.i * a.strides[p.dim];
    else if (p.kind === 'slice') {
      offset += p.start * a.strides[p.dim];
      shape.push(p.length); strides.push(p.step * a.strides[p.dim]);
    }
  }
  const v = new NDArray(a.data, shape, a.dtype, strides, shape.includes(0) ? 0 : offset);
  v.readonly = a.readonly;
  return v;
}

/** Result shape and the buffer offset of every result element, for an advanced index. */
function advancedOffsets(a: NDArray, parts: Part[]): { shape: number[]; offsets: Float64Array } {
  const adv = parts.filter((p): p is Extract<Part, { kind: 'adv' | 'int' }> => p.kind === 'adv' || p.kind === 'int');
  const arrays = adv.map((p) => (p.kind === 'adv' ? p.arr : NDArray.scalar(p.i, 'int64')));
  let bshape: number[];
  try {
    bshape = arrays.reduce<number[]>((s, x) => broadcastShapes(s, x.shape), []);
  } catch {
    const shapes = adv.filter((p) => p.kind === 'adv').map((p) => shapeNp((p as { arr: NDArray }).arr.shape));
    throw indexError(`shape mismatch: indexing arrays could not be broadcast together with shapes ${shapes.join(' ')} `);
  }
  const bsize = bshape.reduce((x, y) => x * y, 1);
  const table = new Float64Array(bsize);
  adv.forEach((p, k) => {
    const virtual = p.dim === NEW_AXIS;
    const arr = arrays[k].broadcastTo(bshape).values(), n = virtual ? 1 : a.shape[p.dim], st = virtual ? 0 : a.strides[p.dim];
    for (let i = 0; i < bsize; i++) table[i] += normalizeInt(arr[i], n, p.dim) * st;
  });
  // Adjacent advanced parts keep their place; separated ones move the block to the front.
  const positions = parts.map((p, i) => (p.kind === 'adv' || p.kind === 'int' ? i : -1)).filter((i) => i >= 0);
  const adjacent = positions.every((p, i) => i === 0 || p === positions[i - 1] + 1);
  type Seg = { len: number; stride: number } | { table: Float64Array };
  const segs: Seg[] = [], shape: number[] = [];
  const rest = parts.filter((p) => p.kind === 'slice' || p.kind === 'new');
  const insertAt = adjacent ? parts.slice(0, positions[0]).filter((p) => p.kind === 'slice' || p.kind === 'new').length : 0;
  rest.forEach((p, i) => {
    if (i === insertAt) { segs.push({ table }); shape.push(...bshape); }
    if (p.kind === 'new') { segs.push({ len: 1, stride: 0 }); shape.push(1); }
    else if (p.kind === 'slice') { segs.push({ len: p.length, stride: p.step * a.strides[p.dim] }); shape.push(p.length); }
  });
  if (insertAt >= rest.length) { segs.push({ table }); shape.push(...bshape); }
  let base = a.offset;
  for (const p of rest) if (p.kind === 'slice') base += p.start * a.strides[p.dim];
  const size = shape.reduce((x, y) => x * y, 1);
  const offsets = new Float64Array(size);
  let w = 0;
  const walk = (s: number, off: number): void => {
    if (s === segs.length) { offsets[w++] = off; return; }
    const g = segs[s];
    if ('table' in g) for (let i = 0; i < g.table.length; i++) walk(s + 1, off + g.table[i]);
    else for (let i = 0; i < g.len; i++) walk(s + 1, off + i * g.stride);
  };
  if (size > 0) walk(0, base);
  return { shape, offsets };
}

function intIndex(v: number, n: number, axis: number): number {
  const k = v < 0 ? v + n : v;
  if (!(k >= 0 && k < n)) throw indexError(`index ${v} is out of bounds for axis ${axis} with size ${n}`);
  return k;
}

const isIntArray = (x: unknown): x is NDArray => x instanceof NDArray && x.ndim === 1 && (x.dtype === 'int64' || x.dtype === 'int32' || x.dtype === 'uint8');

/**
 * The two gathers training loops do on every step, without building offset tables:
 * rows `a[ids]` of a contiguous array, and elements `a[rows, cols]` of a contiguous matrix.
 */
function fastGather(a: NDArray, index: Index): NDArray | null {
  if (!a.contiguous || a.ndim === 0) return null;
  if (isIntArray(index)) {
    const ids = index.values(), n = a.shape[0], row = a.size / Math.max(n, 1);
    const shape = [ids.length, ...a.shape.slice(1)];
    const out = NDArray.empty(shape, a.dtype);
    const src = a.data, dst = out.data;
    for (let i = 0; i < ids.length; i++) {
      const r = intIndex(ids[i], n, 0);
      const from = a.offset + r * row;
      if (row === 1) dst[i] = src[from];
      else if (row <= 64) for (let k = 0, to = i * row; k < row; k++) dst[to + k] = src[from + k]; // no subarray object
      else dst.set(src.subarray(from, from + row) as never, i * row);
    }
    return out;
  }
  if (Array.isArray(index) && index.length === 2 && a.ndim === 2 && isIntArray(index[0]) && isIntArray(index[1]) && index[0].size === index[1].size) {
    const r = (index[0] as NDArray).values(), c = (index[1] as NDArray).values();
    const [n, m] = a.shape;
    const out = NDArray.empty([r.length], a.dtype);
    for (let i = 0; i < r.length; i++) out.data[i] = a.data[a.offset + intIndex(r[i], n, 0) * m + intIndex(c[i], m, 1)];
    return out;
  }
  return null;
}

const isBasic = (parts: Part[]) => parts.every((p) => p.kind !== 'adv');

/** a[index]: a view for basic indexing, a copy for advanced. */
export function getItem(a: NDArray, index: Index): NDArray {
  const fast = fastGather(a, index);
  if (fast) return fast;
  const parts = parse(a, index);
  if (isBasic(parts)) return basicView(a, parts);
  const { shape, offsets } = advancedOffsets(a, parts);
  const out = NDArray.empty(shape, a.dtype);
  for (let i = 0; i < offsets.length; i++) out.data[i] = a.data[offsets[i]];
  return out;
}

/** A Python scalar as stored in `dtype`, with NumPy's errors for NaN, ±inf and out-of-range ints. */
function scalarFor(value: Scalar, dtype: DType): number {
  if (typeof value === 'bigint') {
    checkPyInt(value, dtype);
    return wrapInt(Number(value), dtype);
  }
  if (typeof value === 'number' && isInteger(dtype)) {
    if (value !== value) throw valueError('cannot convert float NaN to integer');
    if (!Number.isFinite(value)) throw new EngineError('OverflowError', 'cannot convert float infinity to integer');
  }
  return castFloat(scalarValue(value), dtype);
}

/** The value array broadcast to `shape` (extra leading 1s dropped), in C order, cast to `dtype`. */
function arrayValues(value: NDArray, shape: number[], dtype: DType, advanced: boolean): ArrayLike<number> {
  let v = value;
  while (v.ndim > shape.length && v.shape[0] === 1) v = v.reshape(v.shape.slice(1));
  let b: NDArray;
  try {
    b = v.broadcastTo(shape);
  } catch {
    throw valueError(advanced
      ? `shape mismatch: value array of shape ${shapeNp(value.shape)} could not be broadcast to indexing result of shape ${shapeNp(shape)}`
      : `could not broadcast input array from shape ${shapeNp(value.shape)} into shape ${shapeNp(shape)}`);
  }
  return value.dtype === dtype ? b.values() : b.astype(dtype).values();
}

/** NumPy's boolean-assignment path (a[mask] = v with mask.ndim == a.ndim) checks v first. */
function checkMaskAssign(a: NDArray, index: Index, value: Operand): void {
  const items = Array.isArray(index) ? index : [index];
  const mask = items[0];
  if (items.length !== 1 || !(mask instanceof NDArray) || mask.dtype !== 'bool' || mask.ndim !== a.ndim || mask.ndim === 0) return;
  if (!(value instanceof NDArray) || value.ndim === 0) return;
  if (value.ndim > 1) throw typeError(`NumPy boolean array indexing assignment requires a 0 or 1-dimensional input, input has ${value.ndim} dimensions`);
  const m = mask.values();
  let count = 0;
  for (let i = 0; i < m.length; i++) if (m[i] !== 0) count++;
  if (value.size !== count && value.size !== 1) {
    throw valueError(`NumPy boolean array indexing assignment cannot assign ${value.size} input values to the ${count} output values where the mask is true`);
  }
}

/** a[index] = value, broadcasting value to the indexed shape. */
export function setItem(a: NDArray, index: Index, value: Operand): void {
  a.checkWritable();
  const parts = parse(a, index);
  const src = value instanceof NDArray && value.data === a.data ? value.copy() : value;
  if (isBasic(parts)) {
    const view = basicView(a, parts);
    const d = a.data;
    if (!(src instanceof NDArray)) {
      const v = scalarFor(src, a.dtype);
      iterateRows(view.shape, [view], (n, offs, steps) => { for (let j = 0, o = offs[0]; j < n; j++, o += steps[0]) d[o] = v; });
      return;
    }
    const vals = arrayValues(src, view.shape.slice(), a.dtype, false);
    let k = 0;
    // Rows arrive in C order, so a running counter indexes the broadcast values.
    iterateRows(view.shape, [view], (n, offs, steps) => { for (let j = 0, o = offs[0]; j < n; j++, o += steps[0]) d[o] = vals[k++]; });
    return;
  }
  checkMaskAssign(a, index, src);
  const { shape, offsets } = advancedOffsets(a, parts);
  if (!(src instanceof NDArray)) {
    const v = scalarFor(src, a.dtype);
    for (let i = 0; i < offsets.length; i++) a.data[offsets[i]] = v;
    return;
  }
  const vals = arrayValues(src, shape, a.dtype, true);
  for (let i = 0; i < offsets.length; i++) a.data[offsets[i]] = vals[i];
}

/** np.add.at(a, index, b): unbuffered, so repeated indices accumulate; sums are cast back to a's dtype. */
export function addAt(a: NDArray, index: Index, b: Operand): void {
  a.checkWritable();
  const parts = parse(a, index);
  const d = a.data, dt = a.dtype;
  const store = isFloat(dt) ? null : b instanceof NDArray ? (isFloat(b.dtype) ? castFloat : wrapInt) : typeof b === 'number' ? castFloat : wrapInt;
  const { shape, offsets } = isBasic(parts) ? basicOffsets(basicView(a, parts)) : advancedOffsets(a, parts);
  const vals = b instanceof NDArray ? b.broadcastTo(shape).values() : null;
  const one = vals ? 0 : scalarValue(b as Scalar);
  for (let i = 0; i < offsets.length; i++) {
    const r = dt === 'bool' ? d[offsets[i]] || (vals ? vals[i] : one) : d[offsets[i]] + (vals ? vals[i] : one);
    d[offsets[i]] = store ? store(r, dt) : r;
  }
}

/** The shape and buffer offsets (C order) of a view's elements. */
function basicOffsets(view: NDArray): { shape: number[]; offsets: Float64Array } {
  const offsets = new Float64Array(view.size);
  let k = 0;
  iterateRows(view.shape, [view], (n, offs, steps) => { for (let j = 0, o = offs[0]; j < n; j++, o += steps[0]) offsets[k++] = o; });
  return { shape: view.shape.slice(), offsets };
}
