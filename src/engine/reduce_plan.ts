// How NumPy's reduction iterator walks an array (nditer with BUFFERED | GROWINNER |
// DONT_NEGATE_STRIDES, NumPy ≥ 2.3): axis order by stride, coalescing, and the "core" and
// buffer chunks handed to the inner loop. Float sums depend on it: an inner-loop call whose
// output stride is 0 is summed pairwise, any other call accumulates element by element.
import { iterationOrder } from './layout';

/** One iteration dimension: its length and the input and output strides (elements). */
export interface Dim { n: number; si: number; so: number }

export interface ReducePlan {
  /** Dimensions, innermost first, after reordering and coalescing. */
  dims: Dim[];
  /** dims[0..outer] form one block; dims past it are plain outer loops. */
  outer: number;
  /** Elements per inner-loop call in reduce mode (the core, dims[0..outer-1]). */
  core: number;
  /** Elements per block: the product of dims[0..outer]. */
  block: number;
  /** Elements per buffer fill: the block, or a multiple of the core below NumPy's 8192. */
  chunk: number;
  /** Reduce mode: one call per core; otherwise one call per chunk. */
  reduceMode: boolean;
}

/** NumPy's default buffer size (NPY_BUFSIZE), in elements. */
const BUFSIZE = 8192;

/** Output strides: C order over the kept axes, 0 on reduced ones (and on length-1 axes). */
function outputStrides(shape: readonly number[], reduced: readonly boolean[]): number[] {
  const st = new Array<number>(shape.length).fill(0);
  let s = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    if (reduced[i]) continue;
    st[i] = shape[i] === 1 ? 0 : s;
    s *= shape[i];
  }
  return st;
}

/** npyiter_coalesce_axes: merges neighbours whose strides continue each other. */
function coalesce(dims: Dim[]): Dim[] {
  const out: Dim[] = [];
  for (const d of dims) {
    const last = out[out.length - 1];
    if (last && d.n === 1) continue;
    if (last && last.n === 1) { out[out.length - 1] = { ...d }; continue; }
    if (last && last.si * last.n === d.si && last.so * last.n === d.so) {
      out[out.length - 1] = { n: last.n * d.n, si: last.si, so: last.so };
      continue;
    }
    out.push({ ...d });
  }
  return out.length ? out : [{ n: 1, si: 0, so: 0 }];
}

/** The iteration plan for reducing an array of `shape`/`strides` over the `reduced` axes. */
export function reducePlan(shape: readonly number[], strides: readonly number[], reduced: readonly boolean[]): ReducePlan {
  const so = outputStrides(shape, reduced);
  const order = iterationOrder(shape, [so, strides]);
  const dims = coalesce(order.map((i) => ({ n: shape[i], si: shape[i] === 1 ? 0 : strides[i], so: so[i] })));
  return { dims, ...bufferingSetup(dims) };
}

/**
 * npyiter_find_buffering_setup for the two operands (output, input) without casts: grows the
 * block outward while the cost model (1 + buffered operands) / size says it pays.
 */
function bufferingSetup(dims: Dim[]): Omit<ReducePlan, 'dims'> {
  let cost = 1, outerReduce = 0;
  const single = [1, 1], reduceDim = [0, 0];
  let size = dims[0].n, best = 0, bestCost = 1, bestSize = size, bestCore = 1;
  for (let idim = 1; idim < dims.length; idim++) {
    if (outerReduce || (size >= BUFSIZE && cost > 1)) break;
    const prev = dims[idim - 1], cur = dims[idim];
    for (let op = 0; op < 2; op++) {
      const ps = op ? prev.si : prev.so, cs = op ? cur.si : cur.so;
      if (single[op] === idim) {
        if (ps * prev.n === cs) { single[op]++; continue; }
        cost++;
      }
      if (op === 0 && (cs === 0 || ps === 0)) { reduceDim[0] = idim; outerReduce = idim; }
    }
    const core = size;
    size *= cur.n;
    if (size === 0) break;
    const bufsize = size > BUFSIZE && cost > 1 ? BUFSIZE : size;
    if (cost * bestSize <= bestCost * bufsize) { bestCost = cost; bestCore = core; bestSize = size; best = idim; }
  }
  const reduceMode = outerReduce !== 0 && best === outerReduce;
  let mustBuffer = false;
  for (let op = 0; op < 2; op++) {
    const outerStride = op ? dims[outerReduce].si : dims[outerReduce].so;
    const isReduce = reduceMode && (reduceDim[op] === best || single[op] === best || (outerStride === 0 && single[op] <= best));
    if (single[op] + (isReduce ? 1 : 0) <= best) mustBuffer = true;
  }
  const chunk = mustBuffer && bestSize > BUFSIZE ? bestCore * Math.floor(BUFSIZE / bestCore) : bestSize;
  return { outer: best, core: bestCore, block: bestSize, chunk, reduceMode };
}
