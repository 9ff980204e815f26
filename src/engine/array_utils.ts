// Array helpers DeZero's functions use: sum_to, reshape_sum_backward, logsumexp,
// max_backward_shape.
import { NDArray } from './ndarray';
import { normalizeAxes } from './shape';
import { unary } from './ufunc';

/** utils.sum_to: sums `x` down to `shape` (leading axes, and axes where shape has 1). */
export function sumToArray(x: NDArray, shape: readonly number[]): NDArray {
  // The bias gradient's case, (N, M) → (M,), without the keepdims-then-squeeze detour.
  if (x.ndim === 2 && shape.length === 1 && shape[0] === x.shape[1] && shape[0] !== 1) return x.sum(0, false);
  const lead = x.ndim - shape.length;
  const axes: number[] = [];
  for (let i = 0; i < lead; i++) axes.push(i);
  shape.forEach((d, i) => { if (d === 1) axes.push(i + lead); });
  let y = x.sum(axes, true);
  if (lead > 0) y = y.squeeze(axes.slice(0, lead));
  return y;
}

/** utils.reshape_sum_backward: the shape gy needs before broadcasting back to x's shape. */
export function reshapeSumBackwardShape(gyShape: readonly number[], xShape: readonly number[], axis: number | readonly number[] | null, keepdims: boolean): number[] {
  const ndim = xShape.length;
  if (ndim === 0 || axis === null || keepdims) return gyShape.slice();
  const actual = (typeof axis === 'number' ? [axis] : axis).map((a) => (a >= 0 ? a : a + ndim));
  const shape = gyShape.slice();
  for (const a of actual.slice().sort((p, q) => p - q)) shape.splice(a, 0, 1);
  return shape;
}

/** utils.logsumexp along `axis`, keeping dims. */
export function logsumexp(x: NDArray, axis: number): NDArray {
  const m = x.max(axis, true);
  const y = x.sub(m);
  unary('exp', y, y);
  const s = y.sum(axis, true);
  unary('log', s, s);
  return m.add(s);
}

/** utils.max_backward_shape: x's shape with the reduced axes set to 1. */
export function maxBackwardShape(shape: readonly number[], axis: number | readonly number[] | null): number[] {
  const axes = normalizeAxes(axis, shape.length);
  return shape.map((s, i) => (axes.includes(i) ? 1 : s));
}
