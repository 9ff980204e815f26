// Linear algebra: MatMul, Linear, linearSimple.
import { Function, Variable, VarLike, add, registerOps } from '../core';
import { NDArray } from '../ndarray';
import { binary } from '../ufunc';
import { sumTo } from './shape';

export class MatMul extends Function {
  forward(x: NDArray, W: NDArray): NDArray { return x.dot(W); }
  backward(gy: Variable): Variable[] {
    const [x, W] = this.inputs;
    return [matmul(gy, W.T), matmul(x.T, gy)];
  }
}
export const matmul = (x: VarLike, W: VarLike): Variable => new MatMul().call2(x, W);

export class Linear extends Function {
  forward(x: NDArray, W: NDArray, b: NDArray | null): NDArray {
    const y = x.dot(W);
    // y += b: in place, so y keeps its dtype (NumPy's same-kind cast).
    if (b !== null) binary('add', y, b, y);
    return y;
  }
  backward(gy: Variable): (Variable | null)[] {
    const [x, W, b] = this.inputs;
    const gb = b.data === null ? null : sumTo(gy, b.shape);
    return [matmul(gy, W.T), matmul(x.T, gy), gb];
  }
}

export const linear = (x: VarLike, W: VarLike, b: VarLike = null): Variable => new Linear().call(x, W, b);

/** linear built from matmul and add (frees t's data, as DeZero does). */
export function linearSimple(x: VarLike, W: VarLike, b: VarLike = null): Variable {
  const t = matmul(x, W);
  if (b === null) return t;
  const y = add(t, b);
  t.data = null;
  return y;
}

registerOps({ matmul });
