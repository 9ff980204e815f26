// Tensor shape functions: Reshape Transpose GetItem GetItemGrad BroadcastTo SumTo,
// expandDims flatten.
import { Function, Variable, VarLike, asVariable, registerOps } from '../core';
import { NDArray } from '../ndarray';
import { Index, addAt, getItem as npGetItem } from '../indexing';
import { sumToArray } from '../array_utils';
import { sameShape } from '../shape';

export class Reshape extends Function {
  private xShape: readonly number[] = [];
  constructor(readonly shape: readonly number[]) { super(); }
  forward(x: NDArray): NDArray {
    this.xShape = x.shape;
    return x.reshape(this.shape as number[]);
  }
  backward(gy: Variable): Variable { return reshape(gy, this.xShape); }
}

/**
 * F.reshape; returns x itself when the shape already matches. `force` makes a node anyway,
 * as DeZero does when handed a list (a list never equals a shape tuple in Python).
 */
export function reshape(x: VarLike, shape: readonly number[], force = false): Variable {
  const v = asVariable(x);
  if (!force && v.data && sameShape(v.shape, shape)) return v;
  return new Reshape(shape).call(v);
}

export class Transpose extends Function {
  constructor(readonly axes: readonly number[] | null = null) { super(); }
  forward(x: NDArray): NDArray { return x.transpose(this.axes); }
  backward(gy: Variable): Variable {
    if (this.axes === null) return transpose(gy);
    const n = this.axes.length;
    const mod = this.axes.map((a) => ((a % n) + n) % n);
    const inv = mod.map((_, i) => i).sort((p, q) => mod[p] - mod[q]);
    return transpose(gy, inv);
  }
}
export const transpose = (x: VarLike, axes: readonly number[] | null = null): Variable => new Transpose(axes).call(x);

export class GetItem extends Function {
  constructor(readonly slices: Index) { super(); }
  forward(x: NDArray): NDArray { return npGetItem(x, this.slices); }
  backward(gy: Variable): Variable {
    return new GetItemGrad(this.slices, this.inputs[0].shape).call(gy);
  }
}

export class GetItemGrad extends Function {
  constructor(readonly slices: Index, readonly inShape: readonly number[]) { super(); }
  forward(gy: NDArray): NDArray {
    const gx = NDArray.empty(this.inShape, gy.dtype);
    addAt(gx, this.slices, gy);
    return gx;
  }
  backward(ggx: Variable): Variable { return getItem(ggx, this.slices); }
}
export const getItem = (x: VarLike, slices: Index): Variable => new GetItem(slices).call(x);

export function expandDims(x: VarLike, axis: number): Variable {
  const v = asVariable(x);
  const shape = v.shape.slice();
  shape.splice(axis < 0 ? shape.length + 1 + axis : axis, 0, 1);
  return reshape(v, shape);
}

/** Flattens all but the first (batch) axis. */
export const flatten = (x: VarLike): Variable => reshape(x, [asVariable(x).shape[0], -1]);

export class BroadcastTo extends Function {
  private xShape: readonly number[] = [];
  constructor(readonly shape: readonly number[]) { super(); }
  forward(x: NDArray): NDArray {
    this.xShape = x.shape;
    return x.broadcastTo(this.shape);
  }
  backward(gy: Variable): Variable { return sumTo(gy, this.xShape); }
}
export function broadcastTo(x: VarLike, shape: readonly number[]): Variable {
  const v = asVariable(x);
  if (v.data && sameShape(v.shape, shape)) return v;
  return new BroadcastTo(shape).call(v);
}

export class SumTo extends Function {
  private xShape: readonly number[] = [];
  constructor(readonly shape: readonly number[]) { super(); }
  forward(x: NDArray): NDArray {
    this.xShape = x.shape;
    return sumToArray(x, this.shape);
  }
  backward(gy: Variable): Variable { return broadcastTo(gy, this.xShape); }
}
export function sumTo(x: VarLike, shape: readonly number[]): Variable {
  const v = asVariable(x);
  if (v.data && sameShape(v.shape, shape)) return v;
  return new SumTo(shape).call(v);
}

registerOps({
  reshape: (x, shape) => reshape(x, shape),
  transpose: (x, axes) => transpose(x, axes),
  sumTo,
  getItem: (x, slices) => getItem(x, slices as Index),
});
