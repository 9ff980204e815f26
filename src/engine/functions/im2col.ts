// Patches: Im2col Col2im (each the other's backward), and the array kernels and size helpers
// they rest on.
import { Function, Variable, VarLike } from '../core';
import { NDArray } from '../ndarray';
import { Pair } from '../conv_utils';
import { col2imArray, im2colArray } from '../conv_arrays';

export { type Pair, pair, getConvOutsize, getDeconvOutsize } from '../conv_utils';
export { im2colArray, col2imArray } from '../conv_arrays';

export class Im2col extends Function {
  inputShape: readonly number[] = [];
  constructor(readonly kernelSize: Pair, readonly stride: Pair, readonly pad: Pair, readonly toMatrix: boolean) { super(); }
  forward(x: NDArray): NDArray {
    this.inputShape = x.shape;
    return im2colArray(x, this.kernelSize, this.stride, this.pad, this.toMatrix);
  }
  backward(gy: Variable): Variable {
    return col2im(gy, this.inputShape, this.kernelSize, this.stride, this.pad, this.toMatrix);
  }
}

/**
 * F.im2col: the kernel-sized patches of x (N, C, H, W), as (N, C, KH, KW, OH, OW), or as the
 * matrix (N·OH·OW, C·KH·KW) when `toMatrix`.
 */
export const im2col = (x: VarLike, kernelSize: Pair, stride: Pair = 1, pad: Pair = 0, toMatrix = true): Variable =>
  new Im2col(kernelSize, stride, pad, toMatrix).call(x);

export class Col2im extends Function {
  constructor(readonly inputShape: readonly number[], readonly kernelSize: Pair, readonly stride: Pair, readonly pad: Pair, readonly toMatrix: boolean) { super(); }
  forward(x: NDArray): NDArray {
    return col2imArray(x, this.inputShape, this.kernelSize, this.stride, this.pad, this.toMatrix);
  }
  backward(gy: Variable): Variable {
    return im2col(gy, this.kernelSize, this.stride, this.pad, this.toMatrix);
  }
}

/** F.col2im: sums patches back into images of `inputShape` (im2col's adjoint). */
export const col2im = (x: VarLike, inputShape: readonly number[], kernelSize: Pair, stride: Pair = 1, pad: Pair = 0, toMatrix = true): Variable =>
  new Col2im(inputShape, kernelSize, stride, pad, toMatrix).call(x);
