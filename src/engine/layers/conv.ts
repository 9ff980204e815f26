// Layers: Conv2d, Deconv2d (weights drawn at the first forward when inChannels is not given).
import { Parameter, Variable, VarLike, asVariable } from '../core';
import { zeros } from '../creation';
import { DType } from '../dtype';
import { NDArray } from '../ndarray';
import * as F from '../functions/index';
import { globalRandom } from '../np_random';
import { Layer } from './layer';

export type Pair = number | readonly [number, number];
export interface ConvOptions { stride?: Pair; pad?: Pair; nobias?: boolean; dtype?: DType; inChannels?: number | null }

const pairOf = (p: Pair): [number, number] => (typeof p === 'number' ? [p, p] : [p[0], p[1]]);

abstract class ConvBase extends Layer {
  inChannels: number | null;
  readonly stride: Pair;
  readonly pad: Pair;
  readonly dtype: DType;
  constructor(readonly outChannels: number, readonly kernelSize: Pair, opts: ConvOptions) {
    super();
    this.inChannels = opts.inChannels ?? null;
    this.stride = opts.stride ?? 1;
    this.pad = opts.pad ?? 0;
    this.dtype = opts.dtype ?? 'float32';
    this.setAttr('W', new Parameter(null, 'W'));
    if (this.inChannels !== null) this.initW();
    this.setAttr('b', opts.nobias ? null : new Parameter(zeros([outChannels], this.dtype), 'b'));
  }
  get W(): Parameter { return this.attr('W'); }
  get b(): Parameter | null { return this.attr('b'); }

  /** Weight shape for C input channels. */
  protected abstract weightShape(C: number, KH: number, KW: number): number[];

  initW(): void {
    const C = this.inChannels!, [KH, KW] = pairOf(this.kernelSize);
    const scale = NDArray.scalar(Math.sqrt(1 / (C * KH * KW)), 'float64');
    this.W.data = globalRandom().randn(this.weightShape(C, KH, KW)).astype(this.dtype).mul(scale);
  }

  protected ensureW(x: VarLike): void {
    if (this.W.data === null) {
      this.inChannels = asVariable(x).shape[1];
      this.initW();
    }
  }
}

export class Conv2d extends ConvBase {
  constructor(outChannels: number, kernelSize: Pair, opts: ConvOptions = {}) { super(outChannels, kernelSize, opts); }
  protected weightShape(C: number, KH: number, KW: number): number[] { return [this.outChannels, C, KH, KW]; }
  forward(x: VarLike): Variable {
    this.ensureW(x);
    return F.conv2d(x, this.W, this.b, this.stride, this.pad);
  }
}

export class Deconv2d extends ConvBase {
  constructor(outChannels: number, kernelSize: Pair, opts: ConvOptions = {}) { super(outChannels, kernelSize, opts); }
  protected weightShape(C: number, KH: number, KW: number): number[] { return [C, this.outChannels, KH, KW]; }
  forward(x: VarLike): Variable {
    this.ensureW(x);
    return F.deconv2d(x, this.W, this.b, this.stride, this.pad);
  }
}
