// dezero.optimizers: Optimizer (setup, update, hooks), SGD, MomentumSGD, AdaGrad, AdaDelta,
// Adam, RMSProp; hooks WeightDecay, ClipGrad, FreezeParam.
import { Parameter } from './core';
import { zerosLike } from './creation';
import { EngineError } from './errors';
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

  /**
   * Runs the hooks on the parameters that have gradients, then updates each. A parameter
   * whose gradient a hook removed (FreezeParam) is skipped: DeZero would go on to read
   * `param.grad.data` and raise AttributeError, so FreezeParam never worked there.
   */
  update(): void {
    if (!this.target) throw new EngineError('AttributeError', "'NoneType' object has no attribute 'params' (call optimizer.setup(model) before update())");
    const params = [...this.target.params()].filter((p) => p.grad !== null);
    for (const f of this.hooks) f(params);
    for (const p of params) if (p.grad !== null) this.updateOne(p);
  }

  abstract updateOne(param: Parameter): void;
  addHook(f: OptimizerHook): void { this.hooks.push(f); }
}

/** Per-parameter state keyed by the parameter (DeZero keys by id()), zeros_like at first use. */
export class Slots {
  private readonly m = new Map<Parameter, NDArray>();
  get(p: Parameter): NDArray {
    let v = this.m.get(p);
    if (!v) { v = zerosLike(p.data!); this.m.set(p, v); }
    return v;
  }
  /** The state of p, if it has been created. */
  peek(p: Parameter): NDArray | undefined { return this.m.get(p); }
}

export class SGD extends Optimizer {
  constructor(public lr = 0.01) { super(); }
  updateOne(p: Parameter): void { isub(p.data!, p.grad!.data!.mul(this.lr)); }
}

export class MomentumSGD extends Optimizer {
  readonly vs = new Slots();
  constructor(public lr = 0.01, public momentum = 0.9) { super(); }
  updateOne(p: Parameter): void {
    const v = this.vs.get(p);
    imul(v, this.momentum);
    isub(v, p.grad!.data!.mul(this.lr));
    iadd(p.data!, v);
  }
}

export class AdaGrad extends Optimizer {
  readonly hs = new Slots();
  constructor(public lr = 0.001, public eps = 1e-8) { super(); }
  updateOne(p: Parameter): void {
    const g = p.grad!.data!, h = this.hs.get(p);
    iadd(h, g.mul(g));
    isub(p.data!, g.mul(this.lr).div(unary('sqrt', h).add(this.eps)));
  }
}

export class AdaDelta extends Optimizer {
  readonly msg = new Slots();
  readonly msdx = new Slots();
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
  readonly ms = new Slots();
  readonly vs = new Slots();
  constructor(public alpha = 0.001, public beta1 = 0.9, public beta2 = 0.999, public eps = 1e-8) { super(); }

  override update(): void { this.t += 1; super.update(); }

  /** The bias-corrected step size; before the first update (t = 0) Python divides by zero. */
  get lr(): number {
    const fix1 = 1 - Math.pow(this.beta1, this.t), fix2 = 1 - Math.pow(this.beta2, this.t);
    if (fix1 === 0) throw new EngineError('ZeroDivisionError', 'float division by zero');
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
  readonly ms = new Slots();
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
