// Strided iteration over several operands sharing one (broadcast) shape, row by row.
import { iterationOrder } from './layout';

/** One operand's layout for iteration: element strides (0 where broadcast) and start offset. */
export interface Layout { strides: readonly number[]; offset: number }

/**
 * Drops size-1 axes and merges axes that are contiguous in every operand, so that
 * same-shape contiguous work becomes one long row and scalar broadcasts a stride-0 row.
 */
function coalesce(shape: readonly number[], layouts: readonly Layout[]): { shape: number[]; strides: number[][] } {
  const dims: number[] = [];
  const st: number[][] = layouts.map(() => []);
  for (let d = 0; d < shape.length; d++) {
    if (shape[d] === 1) continue;
    const k = dims.length - 1;
    const mergeable = k >= 0 && layouts.every((l, i) => st[i][k] === l.strides[d] * shape[d]);
    if (mergeable) {
      dims[k] *= shape[d];
      layouts.forEach((l, i) => { st[i][k] = l.strides[d]; });
    } else {
      dims.push(shape[d]);
      layouts.forEach((l, i) => st[i].push(l.strides[d]));
    }
  }
  return { shape: dims, strides: st };
}

/**
 * Calls `row(n, offsets, steps)` for each innermost row of `shape`, in C order; `offsets[i]`
 * is operand i's offset at the row start and `steps[i]` its stride along the row.
 * With `memoryOrder` (element-wise work, where order does not matter) the axes are walked in
 * the operands' memory order instead, as NumPy's iterator does, so transposed arrays stream.
 * The offsets array is reused between calls: read it, do not keep it.
 */
export function iterateRows(
  shape: readonly number[],
  layouts: readonly Layout[],
  row: (n: number, offsets: number[], steps: number[]) => void,
  memoryOrder = false,
): void {
  for (const d of shape) if (d === 0) return;
  if (memoryOrder && shape.length > 1) {
    const perm = iterationOrder(shape, layouts.map((l) => l.strides)).reverse();
    if (perm.some((p, i) => p !== i)) {
      shape = perm.map((p) => shape[p]);
      layouts = layouts.map((l) => ({ strides: perm.map((p) => l.strides[p]), offset: l.offset }));
    }
  }
  const c = coalesce(shape, layouts);
  const m = layouts.length;
  const offs = layouts.map((l) => l.offset);
  const nd = c.shape.length;
  if (nd === 0) { row(1, offs, layouts.map(() => 0)); return; }
  const n = c.shape[nd - 1];
  const steps = c.strides.map((s) => s[nd - 1]);
  if (nd === 1) { row(n, offs, steps); return; }
  const counter = new Array<number>(nd - 1).fill(0);
  const rows = c.shape.slice(0, nd - 1).reduce((a, b) => a * b, 1);
  const cur = offs.slice();
  for (let r = 0; r < rows; r++) {
    for (let i = 0; i < m; i++) offs[i] = cur[i];
    row(n, offs, steps);
    for (let d = nd - 2; d >= 0; d--) {
      for (let i = 0; i < m; i++) cur[i] += c.strides[i][d];
      if (++counter[d] < c.shape[d]) break;
      for (let i = 0; i < m; i++) cur[i] -= c.strides[i][d] * c.shape[d];
      counter[d] = 0;
    }
  }
}
