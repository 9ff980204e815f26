// Pooling: poolingSimple, Pooling (max), Pooling2DGrad, Pooling2DWithIndexes, AveragePooling.
import { EngineError, shapeStr, valueError } from '../errors';
import { Function, Variable, VarLike, asVariable, div } from '../core';
import { DType, isFloat } from '../dtype';
import { NDArray, convert } from '../ndarray';
import { Pair, getConvOutsize, pair } from '../conv_utils';
import { col2imArray, im2colArray } from '../conv_arrays';
import { col2im, im2col } from './im2col';
import { broadcastTo } from './shape';

/** Max pooling built from im2col and max (DeZero's pooling_simple). */
export function poolingSimple(x: VarLike, kernelSize: Pair, stride: Pair = 1, pad: Pair = 0): Variable {
  const xv = asVariable(x);
  const [N, C, H, W] = xv.shape;
  const [KH, KW] = pair(kernelSize), [PH, PW] = pair(pad), [SH, SW] = pair(stride);
  const OH = getConvOutsize(H, KH, SH, PH), OW = getConvOutsize(W, KW, SW, PW);
  const col = im2col(xv, kernelSize, stride, pad, true).reshape(-1, KH * KW);
  const y = col.max(1);
  return y.reshape(N, OH, OW, C).transpose(0, 3, 1, 2);
}

export class Pooling extends Function {
  /** Where each window's maximum sits (flat index within the window), set by forward. */
  indexes: NDArray | null = null;
  constructor(readonly kernelSize: Pair, readonly stride: Pair = 1, readonly pad: Pair = 0) { super(); }
  forward(x: NDArray): NDArray {
    const col6 = im2colArray(x, this.kernelSize, this.stride, this.pad, false);
    const [N, C, KH, KW, OH, OW] = col6.shape;
    const col = col6.reshape(N, C, KH * KW, OH, OW);
    this.indexes = col.argmax(2);
    return col.max(2);
  }
  backward(gy: Variable): Variable { return new Pooling2DGrad(this).call(gy); }
}

/** F.pooling: max pooling of x (N, C, H, W); twice differentiable through its indexes. */
export const pooling = (x: VarLike, kernelSize: Pair, stride: Pair = 1, pad: Pair = 0): Variable =>
  new Pooling(kernelSize, stride, pad).call(x);

/** What Pooling2DGrad and Pooling2DWithIndexes keep of the Pooling they differentiate. */
abstract class PoolingChild extends Function {
  readonly kernelSize: Pair;
  readonly stride: Pair;
  readonly pad: Pair;
  readonly inputShape: readonly number[];
  readonly dtype: DType;
  readonly indexes: NDArray;
  constructor(readonly mpool2d: Pooling) {
    super();
    this.kernelSize = mpool2d.kernelSize;
    this.stride = mpool2d.stride;
    this.pad = mpool2d.pad;
    this.inputShape = mpool2d.inputs[0].shape;
    this.dtype = mpool2d.inputs[0].dtype;
    this.indexes = mpool2d.indexes!;
  }

  /** Throws unless `a` has one element per pooling window. */
  protected checkWindows(a: NDArray, what: string): void {
    if (a.size !== this.indexes.size) {
      throw valueError(`${this.name}: ${what} of shape ${shapeStr(a.shape)} does not match the pooling output of shape ${shapeStr(this.indexes.shape)}`);
    }
  }
}

/** Sends each window's gradient to the position of its maximum (col2im of a sparse gcol). */
export class Pooling2DGrad extends PoolingChild {
  forward(gy: NDArray): NDArray {
    this.checkWindows(gy, 'gy');
    const [N, C, OH, OW] = gy.shape, [, , H, W] = this.inputShape;
    const [KH, KW] = pair(this.kernelSize);
    const K = KH * KW, P = OH * OW;
    // gcol in (N, C, KH, KW, OH, OW) order: DeZero's (N, C, OH, OW, KH, KW) after its two swapaxes.
    const gcol = NDArray.empty([N, C, KH, KW, OH, OW], this.dtype);
    const idx = this.indexes.values(), g = gy.values(), o = gcol.data;
    const exact = isFloat(this.dtype);
    for (let q = 0; q < idx.length; q++) {
      const nc = Math.floor(q / P), s = q - nc * P;
      o[(nc * K + idx[q]) * P + s] = exact ? g[q] : convert(g[q], this.dtype);
    }
    return col2imArray(gcol, [N, C, H, W], this.kernelSize, this.stride, this.pad, false);
  }
  backward(ggx: Variable): Variable { return new Pooling2DWithIndexes(this.mpool2d).call(ggx); }
}

/** Picks from each window of x the element at the forward pass's argmax. */
export class Pooling2DWithIndexes extends PoolingChild {
  forward(x: NDArray): NDArray {
    const col = im2colArray(x, this.kernelSize, this.stride, this.pad, false);
    const [N, C, KH, KW, OH, OW] = col.shape;
    const y = NDArray.empty([N, C, OH, OW], x.dtype);
    this.checkWindows(y, 'the windows of x');
    const K = KH * KW, P = OH * OW, idx = this.indexes.values(), src = col.data, o = y.data;
    for (let q = 0; q < idx.length; q++) {
      const nc = Math.floor(q / P), s = q - nc * P;
      o[q] = src[(nc * K + idx[q]) * P + s];
    }
    return y;
  }
  /** DeZero defines none: Function.backward raises NotImplementedError. */
  backward(): never { throw new EngineError('NotImplementedError', ''); }
}

export class AveragePooling extends Function {
  inputShape: readonly number[] = [];
  constructor(readonly kernelSize: Pair, readonly stride: Pair = 1, readonly pad: Pair = 0) { super(); }
  forward(x: NDArray): NDArray {
    this.inputShape = x.shape;
    return im2colArray(x, this.kernelSize, this.stride, this.pad, false).mean([2, 3]);
  }
  backward(gy: Variable): Variable {
    const [N, C, OH, OW] = gy.shape;
    // DeZero unpacks `KW, KH = pair(...)`: the same graph for square kernels, an IndexError in
    // its col2im for others. (KH, KW) is the order col2im expects.
    const [KH, KW] = pair(this.kernelSize);
    // gy /= KH·KW: a Python int, so DeZero's as_array makes it an int64 array.
    const g = div(gy, BigInt(KH * KW));
    const gcol = broadcastTo(g.reshape(-1), [KH, KW, N * C * OH * OW])
      .reshape(KH, KW, N, C, OH, OW).transpose(2, 3, 0, 1, 4, 5);
    return col2im(gcol, this.inputShape, this.kernelSize, this.stride, this.pad, false);
  }
}

/** F.average_pooling: the mean of each window of x (N, C, H, W). */
export const averagePooling = (x: VarLike, kernelSize: Pair, stride: Pair = 1, pad: Pair = 0): Variable =>
  new AveragePooling(kernelSize, stride, pad).call(x);
