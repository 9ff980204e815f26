// Convolution: conv2dSimple, Conv2d, Deconv2d, Conv2DGradW.
import { Function, Variable, VarLike, asVariable } from '../core';
import { NDArray } from '../ndarray';
import { Pair, getConvOutsize, pair } from '../conv_utils';
import { conv2dArray, conv2dGradWArray, deconv2dArray } from '../conv_arrays';
import { im2col } from './im2col';
import { linear } from './linalg';

/** conv2d built from im2col and linear (DeZero's conv2d_simple). */
export function conv2dSimple(x: VarLike, W: VarLike, b: VarLike = null, stride: Pair = 1, pad: Pair = 0): Variable {
  const xv = asVariable(x), Wv = asVariable(W);
  const [N, , H, Wd] = xv.shape, [OC, , KH, KW] = Wv.shape;
  const [SH, SW] = pair(stride), [PH, PW] = pair(pad);
  const OH = getConvOutsize(H, KH, SH, PH), OW = getConvOutsize(Wd, KW, SW, PW);
  const col = im2col(xv, [KH, KW], stride, pad, true);
  const Wt = Wv.reshape(OC, -1).transpose();
  const t = linear(col, Wt, b);
  return t.reshape(N, OH, OW, OC).transpose(0, 3, 1, 2);
}

export class Conv2d extends Function {
  readonly stride: [number, number];
  readonly pad: [number, number];
  constructor(stride: Pair = 1, pad: Pair = 0) {
    super();
    this.stride = pair(stride);
    this.pad = pair(pad);
  }
  forward(x: NDArray, W: NDArray, b: NDArray | null): NDArray { return conv2dArray(x, W, b, this.stride, this.pad); }
  backward(gy: Variable): (Variable | null)[] {
    const [x, W, b] = this.inputs;
    const gx = deconv2d(gy, W, null, this.stride, this.pad);
    const gW = new Conv2DGradW(this).call(x, gy);
    const gb = b.data === null ? null : gy.sum([0, 2, 3]);
    return [gx, gW, gb];
  }
}

/** F.conv2d: x (N, C, H, W) with filters W (OC, C, KH, KW) and bias b (OC,) → (N, OC, OH, OW). */
export const conv2d = (x: VarLike, W: VarLike, b: VarLike = null, stride: Pair = 1, pad: Pair = 0): Variable =>
  new Conv2d(stride, pad).call(x, W, b);

export class Deconv2d extends Function {
  readonly stride: [number, number];
  readonly pad: [number, number];
  constructor(stride: Pair = 1, pad: Pair = 0, readonly outsize: Pair | null = null) {
    super();
    this.stride = pair(stride);
    this.pad = pair(pad);
  }
  forward(x: NDArray, W: NDArray, b: NDArray | null): NDArray {
    return deconv2dArray(x, W, b, this.stride, this.pad, this.outsize);
  }
  backward(gy: Variable): (Variable | null)[] {
    const [x, W, b] = this.inputs;
    const gx = conv2d(gy, W, null, this.stride, this.pad);
    const gW = new Conv2DGradW(this).call(gy, x);
    const gb = b.data === null ? null : gy.sum([0, 2, 3]);
    return [gx, gW, gb];
  }
}

/** F.deconv2d (transposed convolution): x (N, C, H, W) with W (C, OC, KH, KW) → (N, OC, OH, OW). */
export const deconv2d = (x: VarLike, W: VarLike, b: VarLike = null, stride: Pair = 1, pad: Pair = 0, outsize: Pair | null = null): Variable =>
  new Deconv2d(stride, pad, outsize).call(x, W, b);

/** The filter gradient of a Conv2d or Deconv2d, itself differentiable. */
export class Conv2DGradW extends Function {
  readonly kernelSize: [number, number];
  readonly stride: [number, number];
  readonly pad: [number, number];
  constructor(conv: Conv2d | Deconv2d) {
    super();
    const W = conv.inputs[1];
    this.kernelSize = [W.shape[2], W.shape[3]];
    this.stride = conv.stride;
    this.pad = conv.pad;
  }
  forward(x: NDArray, gy: NDArray): NDArray { return conv2dGradWArray(x, gy, this.kernelSize, this.stride, this.pad); }
  // gW is bilinear in (x, gy), so ggW takes the filters' place. DeZero writes `gW, = self.outputs`
  // here (its output's weakref, which raises); Chainer's original, which it ports, uses ggW.
  backward(ggW: Variable): Variable[] {
    const [x, gy] = this.inputs;
    const [xh, xw] = x.shape.slice(2);
    const gx = deconv2d(gy, ggW, null, this.stride, this.pad, [xh, xw]);
    const ggy = conv2d(x, ggW, null, this.stride, this.pad);
    return [gx, ggy];
  }
}
