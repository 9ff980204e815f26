// Losses: meanSquaredError (and Simple), softmaxCrossEntropy (and Simple),
// sigmoidCrossEntropy, binaryCrossEntropy.
import { Function, Variable, VarLike, add, asVariable, div, mul, neg, pow, rsub, sub } from '../core';
import { NDArray } from '../ndarray';
import { logsumexp } from '../array_utils';
import { binary } from '../ufunc';
import { arange } from '../creation';
import { sigmoid, softmax } from './activations';
import { log } from './basic_math';
import { clip } from './misc';
import { sum } from './reductions';
import { broadcastTo, getItem } from './shape';

export function meanSquaredErrorSimple(x0: VarLike, x1: VarLike): Variable {
  const diff = sub(asVariable(x0), asVariable(x1));
  return div(sum(pow(diff, 2n)), BigInt(diff.length));
}

export class MeanSquaredError extends Function {
  forward(x0: NDArray, x1: NDArray): NDArray {
    const diff = x0.sub(x1);
    return diff.pow(2n).sum().div(BigInt(diff.length));
  }
  backward(gy: Variable): Variable[] {
    const [x0, x1] = this.inputs;
    const diff = sub(x0, x1);
    const g = broadcastTo(gy, diff.shape);
    const gx0 = mul(mul(g, diff), 2 / diff.length);
    return [gx0, neg(gx0)];
  }
}
export const meanSquaredError = (x0: VarLike, x1: VarLike): Variable => new MeanSquaredError().call(x0, x1);

export function softmaxCrossEntropySimple(x: VarLike, t: VarLike): Variable {
  const xv = asVariable(x), tv = asVariable(t);
  const N = xv.shape[0];
  const p = clip(softmax(xv), 1e-15, 1.0);
  const tlogp = getItem(log(p), [arange(BigInt(N)), tv.data!]);
  return div(mul(sum(tlogp), -1n), BigInt(N));
}

export class SoftmaxCrossEntropy extends Function {
  forward(x: NDArray, t: NDArray): NDArray {
    const N = x.shape[0];
    const logp = x.sub(logsumexp(x, 1)).get([arange(BigInt(N)), t.ravel()]);
    // -log_p.sum() / np.float32(N)
    return logp.sum().neg().div(NDArray.scalar(N, 'float32'));
  }
  backward(gy: Variable): Variable {
    const [x, t] = this.inputs;
    const [N, C] = x.shape;
    const g = mul(gy, 1 / N);
    const y = softmax(x);
    const onehot = eye(C, t.dtype).get(t.data!);
    return mul(sub(y, onehot), g);
  }
}
export const softmaxCrossEntropy = (x: VarLike, t: VarLike): Variable => new SoftmaxCrossEntropy().call(x, t);

function eye(n: number, dtype: NDArray['dtype']): NDArray {
  const e = NDArray.empty([n, n], dtype);
  for (let i = 0; i < n; i++) e.data[i * n + i] = 1;
  return e;
}

/**
 * −Σ[t·log p + (1 − t)·log(1 − p)] / N. A raw-array t stays an array, as in DeZero: NumPy
 * defers `t * v` to the Variable, so the product's inputs come in the other order.
 */
function crossEntropy(p: Variable, t: Variable | NDArray, N: number): Variable {
  const a = t instanceof NDArray ? mul(log(p), t) : mul(t, log(p));
  const b = t instanceof NDArray ? mul(log(rsub(p, 1n)), binary('subtract', 1n, t)) : mul(rsub(t, 1n), log(rsub(p, 1n)));
  return div(mul(sum(add(a, b)), -1n), BigInt(N));
}

const ndimOf = (v: VarLike): number => (v instanceof NDArray || v instanceof Variable ? v.ndim : 0);
const reshapeLike = (t: VarLike, shape: readonly number[]): VarLike =>
  t instanceof NDArray ? t.reshape(shape as number[]) : asVariable(t).reshape(...(shape as number[]));

export function sigmoidCrossEntropy(x: VarLike, t: VarLike): Variable {
  if (ndimOf(x) !== ndimOf(t)) t = reshapeLike(t, asVariable(x).shape);
  const xv = asVariable(x), tv = asVariable(t);
  const p = clip(sigmoid(xv), 1e-15, 1.0);
  return crossEntropy(p, tv, xv.length);
}

export function binaryCrossEntropy(p: VarLike, t: VarLike): Variable {
  if (ndimOf(p) !== ndimOf(t)) t = reshapeLike(t, asVariable(p).shape);
  const tt = t instanceof NDArray ? t : asVariable(t);
  const N = tt.length;
  return crossEntropy(clip(p, 1e-15, 0.999), tt, N);
}
