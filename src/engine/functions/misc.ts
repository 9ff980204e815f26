// Others: Clip, accuracy, dropout, BatchNorm (batchNorm), embedId.
import { Config, Function, Variable, VarLike, asArray, asVariable, div, mul, sub } from '../core';
import { EngineError } from '../errors';
import { NDArray } from '../ndarray';
import { binary, unary } from '../ufunc';
import { Index } from '../indexing';
import { globalRandom } from '../np_random';
import { sum } from './reductions';
import { getItem } from './shape';

export class Clip extends Function {
  constructor(readonly xMin: number, readonly xMax: number) { super(); }
  forward(x: NDArray): NDArray { return binary('minimum', binary('maximum', x, this.xMin), this.xMax); }
  backward(gy: Variable): Variable {
    const x = this.inputs[0].data!;
    const mask = x.ge(this.xMin).mul(x.le(this.xMax));
    return mul(gy, mask);
  }
}
export const clip = (x: VarLike, xMin: number, xMax: number): Variable => new Clip(xMin, xMax).call(x);

/** Fraction of rows whose argmax equals the label. Not differentiable. */
export function accuracy(y: VarLike, t: VarLike): Variable {
  const yv = asVariable(y), tv = asVariable(t);
  const pred = yv.data!.argmax(1).reshape(tv.shape as number[]);
  return new Variable(asArray(pred.eq(tv.data!).mean()) as NDArray);
}

/** Inverted dropout while Config.train; the identity in test mode. */
export function dropout(x: VarLike, ratio = 0.5): Variable {
  const v = asVariable(x);
  if (!Config.train) return v;
  const mask = globalRandom().rand(v.shape).gt(ratio);
  const scale = NDArray.scalar(1.0 - ratio, 'float64').astype(v.dtype);
  return div(mul(v, mask), scale);
}

export class BatchNorm extends Function {
  invStd: NDArray | null = null;
  /** The running statistics a test-mode forward used (DeZero keeps none, see backward). */
  testStats: { mean: NDArray; invStd: NDArray } | null = null;
  constructor(public avgMean: NDArray, public avgVar: NDArray, readonly decay: number, readonly eps: number) { super(); }

  forward(x: NDArray, gamma: NDArray, beta: NDArray): NDArray {
    if (x.ndim !== 2 && x.ndim !== 4) throw new EngineError('AssertionError', `batch_norm expects a 2-d or 4-d input, got shape (${x.shape.join(', ')})`);
    const four = x.ndim === 4 ? x.shape : null;
    if (four) x = x.transpose([0, 2, 3, 1]).reshape(-1, four[1]);
    let xc: NDArray;
    if (Config.train) {
      const mean = x.mean(0), variance = x.var(0);
      const invStd = binary('true_divide', 1n, unary('sqrt', variance.add(this.eps)));
      xc = x.sub(mean).mul(invStd);
      const m = Math.floor(x.size / gamma.size);
      const s = m - 1 > 1 ? m - 1 : 1;
      const adjust = m / s;
      binary('multiply', this.avgMean, this.decay, this.avgMean);
      binary('add', this.avgMean, mean.mul(1 - this.decay), this.avgMean);
      binary('multiply', this.avgVar, this.decay, this.avgVar);
      binary('add', this.avgVar, variance.mul((1 - this.decay) * adjust), this.avgVar);
      this.invStd = invStd;
    } else {
      const invStd = binary('true_divide', 1n, unary('sqrt', this.avgVar.add(this.eps)));
      xc = x.sub(this.avgMean).mul(invStd);
      // Copies: later training steps update the running statistics in place.
      this.testStats = { mean: this.avgMean.copy(), invStd };
    }
    let y = gamma.mul(xc).add(beta);
    if (four) { const [N, C, H, W] = four; y = y.reshape(N, H, W, C).transpose([0, 3, 1, 2]); }
    return y;
  }

  backward(gy: Variable): Variable[] {
    const four = gy.ndim === 4 ? gy.shape : null;
    if (four) gy = gy.transpose(0, 2, 3, 1).reshape(-1, four[1]);
    let [x] = this.inputs;
    const gamma = this.inputs[1];
    const batch = gy.length;
    if (x.ndim === 4) x = x.transpose(0, 2, 3, 1).reshape(-1, x.shape[1]);
    if (this.testStats) return this.backwardTest(gy, x, gamma, four);
    const mean = div(x.sum(0), BigInt(batch));
    const xc = mul(sub(x, mean), this.invStd!);
    const gbeta = sum(gy, 0);
    const ggamma = sum(mul(xc, gy), 0);
    let gx = sub(sub(gy, div(gbeta, BigInt(batch))), div(mul(xc, ggamma), BigInt(batch)));
    gx = mul(gx, mul(gamma, this.invStd!));
    if (four) { const [N, C, H, W] = four; gx = gx.reshape(N, H, W, C).transpose(0, 3, 1, 2); }
    return [gx, ggamma, gbeta];
  }

  /**
   * Test mode: y = gamma·(x − avg_mean)·inv_std + beta with fixed statistics, so gx = gy·gamma·inv_std.
   * DeZero's backward has no test-mode branch: it multiplies by the inv_std of a training
   * forward, which is None here, and raises TypeError. (Chainer's fixed_batch_normalization
   * is this formula.)
   */
  private backwardTest(gy: Variable, x: Variable, gamma: Variable, four: readonly number[] | null): Variable[] {
    const { mean, invStd } = this.testStats!;
    const xc = mul(sub(x, mean), invStd);
    const gbeta = sum(gy, 0);
    const ggamma = sum(mul(xc, gy), 0);
    let gx = mul(gy, mul(gamma, invStd));
    if (four) { const [N, C, H, W] = four; gx = gx.reshape(N, H, W, C).transpose(0, 3, 1, 2); }
    return [gx, ggamma, gbeta];
  }
}

/** F.batch_norm; `mean`/`var` are the running statistics, updated in place while training. */
export function batchNorm(x: VarLike, gamma: VarLike, beta: VarLike, mean: NDArray, variance: NDArray, decay = 0.9, eps = 2e-5): Variable {
  return new BatchNorm(mean, variance, decay, eps).call(x, gamma, beta);
}

/** Rows of W selected by integer ids x (W[x]). */
export const embedId = (x: NDArray, W: VarLike): Variable => getItem(W, x as Index);
