// Basic math: Sin Cos Tanh Exp Log (Add Sub Mul Div Neg Pow live in core.ts).
import { Function, Variable, VarLike, mul, neg, rsub, div } from '../core';
import { NDArray } from '../ndarray';
import { unary } from '../ufunc';

export class Sin extends Function {
  forward(x: NDArray): NDArray { return unary('sin', x); }
  backward(gy: Variable): Variable { return mul(gy, cos(this.inputs[0])); }
}
export const sin = (x: VarLike): Variable => new Sin().call1(x);

export class Cos extends Function {
  forward(x: NDArray): NDArray { return unary('cos', x); }
  backward(gy: Variable): Variable { return mul(gy, neg(sin(this.inputs[0]))); }
}
export const cos = (x: VarLike): Variable => new Cos().call1(x);

export class Tanh extends Function {
  forward(x: NDArray): NDArray { return unary('tanh', x); }
  backward(gy: Variable): Variable {
    const y = this.outputs[0];
    // tanh' = 1 - y²
    return mul(gy, rsub(mul(y, y), 1n));
  }
}
export const tanh = (x: VarLike): Variable => new Tanh().call1(x);

export class Exp extends Function {
  forward(x: NDArray): NDArray { return unary('exp', x); }
  backward(gy: Variable): Variable { return mul(gy, this.outputs[0]); }
}
export const exp = (x: VarLike): Variable => new Exp().call1(x);

export class Log extends Function {
  forward(x: NDArray): NDArray { return unary('log', x); }
  backward(gy: Variable): Variable { return div(gy, this.inputs[0]); }
}
export const log = (x: VarLike): Variable => new Log().call1(x);
