// Activations: Sigmoid (and sigmoidSimple), ReLU, Softmax (and softmaxSimple), LogSoftmax,
// LeakyReLU.
import { Function, Variable, VarLike, add, asVariable, div, mul, neg, rdiv, rsub, sub } from '../core';
import { NDArray } from '../ndarray';
import { binary, unary } from '../ufunc';
import { logsumexp } from '../array_utils';
import { exp } from './basic_math';
import { sum } from './reductions';

export class Sigmoid extends Function {
  forward(x: NDArray): NDArray {
    // tanh form: overflow-free, as DeZero's "better implementation".
    return unary('tanh', x.mul(0.5)).mul(0.5).add(0.5);
  }
  backward(gy: Variable): Variable {
    const y = this.outputs[0];
    return mul(mul(gy, y), rsub(y, 1n));
  }
}
export const sigmoid = (x: VarLike): Variable => new Sigmoid().call1(x);

/** 1 / (1 + exp(-x)) built from basic functions. */
export function sigmoidSimple(x: VarLike): Variable {
  const v = asVariable(x);
  return rdiv(add(exp(neg(v)), 1n), 1n);
}

export class ReLU extends Function {
  forward(x: NDArray): NDArray { return binary('maximum', x, 0.0); }
  backward(gy: Variable): Variable { return mul(gy, this.inputs[0].data!.gt(0n)); }
}
export const relu = (x: VarLike): Variable => new ReLU().call1(x);

export class Softmax extends Function {
  constructor(readonly axis = 1) { super(); }
  forward(x: NDArray): NDArray {
    const y = unary('exp', x.sub(x.max(this.axis, true)));
    return binary('true_divide', y, y.sum(this.axis, true), y);
  }
  backward(gy: Variable): Variable {
    const y = this.outputs[0];
    const gx = mul(y, gy);
    const sumdx = gx.sum(this.axis, true);
    return sub(gx, mul(y, sumdx));
  }
}
export const softmax = (x: VarLike, axis = 1): Variable => new Softmax(axis).call(x);

/** exp(x) / sum(exp(x)) built from basic functions. */
export function softmaxSimple(x: VarLike, axis = 1): Variable {
  const y = exp(asVariable(x));
  return div(y, sum(y, axis, true));
}

export class LogSoftmax extends Function {
  constructor(readonly axis = 1) { super(); }
  forward(x: NDArray): NDArray { return x.sub(logsumexp(x, this.axis)); }
  backward(gy: Variable): Variable {
    const y = this.outputs[0];
    return sub(gy, mul(exp(y), gy.sum(this.axis, true)));
  }
}
export const logSoftmax = (x: VarLike, axis = 1): Variable => new LogSoftmax(axis).call(x);

export class LeakyReLU extends Function {
  constructor(readonly slope: number) { super(); }
  forward(x: NDArray): NDArray {
    const y = x.copy();
    const mask = x.le(0n);
    y.set(mask, y.get(mask).mul(this.slope));
    return y;
  }
  backward(gy: Variable): Variable {
    const mask = this.inputs[0].data!.gt(0n).astype(gy.dtype);
    mask.set(mask.le(0n), this.slope);
    return mul(gy, mask);
  }
}
export const leakyRelu = (x: VarLike, slope = 0.2): Variable => new LeakyReLU(slope).call(x);
