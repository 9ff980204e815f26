// dezero.optimizers: Optimizer (setup, update, hooks), SGD, MomentumSGD, AdaGrad, AdaDelta,
// Adam, RMSProp; hooks WeightDecay, ClipGrad, FreezeParam.
import { Parameter } from './core';
import { NDArray } from './ndarray';
import { binary, unary } from './ufunc';
import { Layer } from './layers/layer';

/** A hook sees the parameters about to be updated (DeZero's add_hook). */
export type OptimizerHook = (params: Parameter[]) => void;

/** Something with params(): a Layer or Model. */
export interface HasParams { params(): Iterable<Parameter> }

// In-place array updates, as DeZero's `param.data -= …` (NumPy casts back to param's dtype).
const isub = (a: NDArray, b: NDArray) => { binary('subtract', a, b, a); };
const iadd = (a: NDArray, b: NDArray) => { binary('add', a, b, a); };
const imul = (a: NDArray, s: number) => { binary('multiply', a, s, a); };

export abstract class Optimizer {
  target: HasParams | null = null;
  readonly hooks: OptimizerHook[] = [];

  setup(target: HasParams): this { this.target = target; return this; }

  update(): void {
    if (!this.target) throw new Error('optimizer.setup(model) must be called before update()');
    const params = [...this.target.params()].filter((p) => p.grad !== null);
    for (const f of this.hooks) f(params);
    for (const p of params) this.updateOne(p);
  }

  abstract updateOne(param: Parameter): void;
  addHook(f: OptimizerHook): void { this.hooks.push(f); }
}

/** Per-parameter state keyed by the parameter (DeZero keys by id()). */
class Slots {
  private readonly m = new Map<Parameter, NDArray>();
  get(p: Parameter): NDArray {
    let v = this.m.get(p);
    if (!v) { v = NDArray.empty(p.data!.shape, p.data!.dtype); this.m.set(p, v); }
    return v;
  }
}

export class SGD extends Optimizer {
  constructor(public lr = 0.01) { super(); }
  updateOne(p: Parameter): void { isub(p.data!, p.grad!.data!.mul(this.lr)); }
}

export class MomentumSGD extends Optimizer {
  private readonly vs = new Slots();
  constructor(public lr = 0.01, public momentum = 0.9) { super(); }
  updateOne(p: Parameter): void {
    const v = this.vs.get(p);
    imul(v, this.momentum);
    isub(v, p.grad!.data!.mul(this.lr));
    iadd(p.data!, v);
  }
}

export class AdaGrad extends Optimizer {
  private readonly hs = new Slots();
  constructor(public lr = 0.001, public eps = 1e-8) { super(); }
  updateOne(p: Parameter): void {
    const g = p.grad!.data!, h = this.hs.get(p);
    iadd(h, g.mul(g));
    isub(p.data!, g.mul(this.lr).div(unary('sqrt', h).add(this.eps)));
  }
}

export class AdaDelta extends Optimizer {
  private readonly msg = new Slots();
  private readonly msdx = new Slots();
  constructor(public rho = 0.95, public eps = 1e-6) { super(); }
  updateOne(p: Parameter): void {
    const g = p.grad!.data!, msg = this.msg.get(p), msdx = this.msdx.get(p), rho = this.rho, eps = this.eps;
    imul(msg, rho);
    iadd(msg, g.mul(1 - rho).mul(g));
    const dx = unary('sqrt', msdx.add(eps).div(msg.add(eps))).mul(g);
    imul(msdx, rho);
    iadd(msdx, dx.mul(1 - rho).mul(dx));
    isub(p.data!, dx);
  }
}

export class Adam extends Optimizer {
  t = 0;
  private readonly ms = new Slots();
  private readonly vs = new Slots();
  constructor(public alpha = 0.001, public beta1 = 0.9, public beta2 = 0.999, public eps = 1e-8) { super(); }

  override update(): void { this.t += 1; super.update(); }

  /** The bias-corrected step size. */
  get lr(): number {
    const fix1 = 1 - Math.pow(this.beta1, this.t), fix2 = 1 - Math.pow(this.beta2, this.t);
    return (this.alpha * Math.sqrt(fix2)) / fix1;
  }

  updateOne(p: Parameter): void {
    const g = p.grad!.data!, m = this.ms.get(p), v = this.vs.get(p);
    iadd(m, g.sub(m).mul(1 - this.beta1));
    iadd(v, g.mul(g).sub(v).mul(1 - this.beta2));
    isub(p.data!, m.mul(this.lr).div(unary('sqrt', v).add(this.eps)));
  }
}

export class RMSProp extends Optimizer {
  private readonly ms = new Slots();
  constructor(public lr = 0.001, public rho = 0.9, public eps = 1e-8) { super(); }
  updateOne(p: Parameter): void {
    const g = p.grad!.data!, m = this.ms.get(p);
    imul(m, this.rho);
    iadd(m, g.mul(1 - this.rho).mul(g));
    isub(p.data!, g.mul(this.lr).div(unary('sqrt', m).add(this.eps)));
  }
}

/** Adds rate·param to each gradient. */
export const WeightDecay = (rate: number): OptimizerHook => (params) => {
  for (const p of params) iadd(p.grad!.data!, p.data!.mul(rate));
};

/** Scales all gradients down when their global L2 norm exceeds maxNorm. */
export const ClipGrad = (maxNorm: number): OptimizerHook => (params) => {
  let total = 0;
  for (const p of params) { const g = p.grad!.data!; total += g.mul(g).sum().item(); }
  const rate = maxNorm / (Math.sqrt(total) + 1e-6);
  if (rate < 1) for (const p of params) imul(p.grad!.data!, rate);
};

/** Drops the gradients of the given layers or parameters so they are not updated. */
export const FreezeParam = (...targets: (Layer | Parameter)[]): OptimizerHook => {
  const frozen: Parameter[] = [];
  for (const t of targets) {
    if (t instanceof Parameter) frozen.push(t);
    else for (const p of t.params()) frozen.push(p);
  }
  return () => { for (const p of frozen) p.grad = null; };
};
