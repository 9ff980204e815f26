// Layers: Linear, EmbedID, BatchNorm.
import { Parameter, Variable, VarLike, asVariable } from '../core';
import { zeros } from '../creation';
import { DType } from '../dtype';
import { NDArray } from '../ndarray';
import * as F from '../functions/index';
import { globalRandom } from '../np_random';
import { Layer } from './layer';

export interface LinearOptions { nobias?: boolean; dtype?: DType; inSize?: number | null }

/** Fully connected layer; W is drawn at the first forward when inSize is not given. */
export class Linear extends Layer {
  inSize: number | null;
  constructor(readonly outSize: number, opts: LinearOptions = {}) {
    super();
    this.inSize = opts.inSize ?? null;
    this.setAttr('dtype', opts.dtype ?? 'float32');
    this.setAttr('W', new Parameter(null, 'W'));
    if (this.inSize !== null) this.initW();
    this.setAttr('b', opts.nobias ? null : new Parameter(zeros([outSize], opts.dtype ?? 'float32'), 'b'));
  }

  get W(): Parameter { return this.attr('W'); }
  get b(): Parameter | null { return this.attr('b'); }

  /** randn(I, O).astype(dtype) * np.sqrt(1 / I): the float64 scale makes W float64 under NumPy 2. */
  initW(): void {
    const I = this.inSize!, O = this.outSize;
    const scale = NDArray.scalar(Math.sqrt(1 / I), 'float64');
    this.W.data = globalRandom().randn([I, O]).astype(this.attr<DType>('dtype')).mul(scale);
  }

  forward(x: VarLike): Variable {
    if (this.W.data === null) {
      this.inSize = asVariable(x).shape[1];
      this.initW();
    }
    return F.linear(x, this.W, this.b);
  }
}

/** Embedding: rows of W picked by integer ids. */
export class EmbedID extends Layer {
  constructor(inSize: number, outSize: number) {
    super();
    this.setAttr('W', new Parameter(globalRandom().randn([inSize, outSize]), 'W'));
  }
  get W(): Parameter { return this.attr('W'); }
  forward(x: VarLike): Variable { return F.getItem(this.W, x instanceof Variable ? x.data! : (x as NDArray)); }
}

/** Batch normalisation with running statistics kept in Parameters (so save_weights keeps them). */
export class BatchNorm extends Layer {
  constructor() {
    super();
    for (const n of ['avg_mean', 'avg_var', 'gamma', 'beta']) this.setAttr(n, new Parameter(null, n));
  }
  private p(n: string): Parameter { return this.attr(n); }

  /** Fills each parameter still without data (zeros or ones of x's dtype, D = x.shape[1]). */
  private initParams(x: Variable): void {
    const D = x.shape[1], dt = x.dtype;
    for (const [n, v] of [['avg_mean', 0], ['avg_var', 1], ['gamma', 1], ['beta', 0]] as const) {
      if (this.p(n).data === null) this.p(n).data = NDArray.full([D], v, dt);
    }
  }

  forward(x: VarLike): Variable {
    if (this.p('avg_mean').data === null) this.initParams(asVariable(x));
    return F.batchNorm(x, this.p('gamma'), this.p('beta'), this.p('avg_mean').data!, this.p('avg_var').data!);
  }
}
