// Reductions: Sum, average/mean, Max, Min.
import { Function, Variable, VarLike, asVariable, mul, registerOps } from '../core';
import { NDArray } from '../ndarray';
import { maxBackwardShape, reshapeSumBackwardShape } from '../array_utils';
import { broadcastTo, reshape } from './shape';

export type Axis = number | readonly number[] | null;

export class Sum extends Function {
  private xShape: readonly number[] = [];
  constructor(readonly axis: Axis = null, readonly keepdims = false) { super(); }
  forward(x: NDArray): NDArray {
    this.xShape = x.shape;
    return x.sum(this.axis, this.keepdims);
  }
  backward(gy: Variable): Variable {
    const shape = reshapeSumBackwardShape(gy.shape, this.xShape, this.axis, this.keepdims);
    return broadcastTo(reshape(gy, shape), this.xShape);
  }
}
export const sum = (x: VarLike, axis: Axis = null, keepdims = false): Variable => new Sum(axis, keepdims).call(x);

/** F.average / F.mean: the sum scaled by (output size / input size). */
export function average(x: VarLike, axis: Axis = null, keepdims = false): Variable {
  const v = asVariable(x);
  const y = sum(v, axis, keepdims);
  return mul(y, y.size / v.size);
}
export const mean = average;

export class Max extends Function {
  constructor(readonly axis: Axis = null, readonly keepdims = false) { super(); }
  forward(x: NDArray): NDArray { return x.max(this.axis, this.keepdims); }
  backward(gy: Variable): Variable {
    const x = this.inputs[0], y = this.outputs[0];
    const shape = maxBackwardShape(x.shape, this.axis);
    // DeZero passes a list here, which never equals a shape tuple: both reshapes make nodes.
    const g = reshape(gy, shape, true);
    const ym = reshape(y, shape, true);
    const cond = x.data!.eq(ym.data!);
    return mul(broadcastTo(g, cond.shape), cond);
  }
}

export class Min extends Max {
  override forward(x: NDArray): NDArray { return x.min(this.axis, this.keepdims); }
}
export const max = (x: VarLike, axis: Axis = null, keepdims = false): Variable => new Max(axis, keepdims).call(x);
export const min = (x: VarLike, axis: Axis = null, keepdims = false): Variable => new Min(axis, keepdims).call(x);

registerOps({
  sum: (x, axis, keepdims) => sum(x, axis, keepdims),
  max: (x, axis, keepdims) => max(x, axis, keepdims),
  min: (x, axis, keepdims) => min(x, axis, keepdims),
});
