// DeZero's core: Config, Variable, Parameter, Function, backward; arithmetic functions
// (Add Mul Neg Sub Div Pow) live here as in DeZero's core.py.
import { Scalar } from './dtype';
import { EngineError, typeError } from './errors';
import { NDArray, Operand } from './ndarray';
import { binary, unary } from './ufunc';
import { arrayStr } from './format';

/** Where a Function was created in the user's script. */
export interface Site { file: string; line: number; col: number; endLine: number; endCol: number }

/** Sees the engine work, for graph snapshots and backprop stepping. All members optional. */
export interface EngineObserver {
  functionApplied?(f: Function, inputs: Variable[], outputs: Variable[]): void;
  backwardStart?(root: Variable, createGraph: boolean): void;
  /** Before a function's backward runs (the debugger can stop here). */
  beforeBackwardStep?(f: Function, gys: (Variable | null)[]): void;
  backwardStep?(f: Function, gys: (Variable | null)[], gxs: (Variable | null)[]): void;
  backwardEnd?(root: Variable): void;
}

/**
 * DeZero's Config, plus the engine's hooks: an observer, a source-site supplier, and the
 * derivative order given to functions created while back-propagating.
 */
export const Config = {
  enableBackprop: true,
  train: true,
  observer: null as EngineObserver | null,
  siteHook: null as (() => Site | null) | null,
  /** 0 in the forward pass; k+1 while back-propagating from a root of order k. */
  backwardOrder: 0,
};

export type ConfigName = 'enableBackprop' | 'train';

/** Runs fn with a Config flag set, restoring it afterwards (DeZero's using_config). */
export function usingConfig<T>(name: ConfigName, value: boolean, fn: () => T): T {
  const old = Config[name];
  Config[name] = value;
  try { return fn(); } finally { Config[name] = old; }
}

/** Sets a Config flag until the returned handle's `restore()` (for context managers). */
export function configScope(name: ConfigName, value: boolean): { restore(): void } {
  const old = Config[name];
  Config[name] = value;
  return { restore: () => { Config[name] = old; } };
}

export const noGrad = <T>(fn: () => T): T => usingConfig('enableBackprop', false, fn);
export const testMode = <T>(fn: () => T): T => usingConfig('train', false, fn);

let nextId = 1;

/** What functions accept as inputs: Variables, arrays, and Python scalars (made 0-d arrays). */
export type VarLike = Variable | NDArray | Scalar | null;

export interface BackwardOptions { retainGrad?: boolean; createGraph?: boolean }

/** Late-bound functions used by Variable's methods (registered by the function modules). */
export interface VariableOps {
  reshape(x: Variable, shape: number[]): Variable;
  transpose(x: Variable, axes: number[] | null): Variable;
  sum(x: Variable, axis: number | number[] | null, keepdims: boolean): Variable;
  sumTo(x: Variable, shape: readonly number[]): Variable;
  matmul(x: VarLike, W: VarLike): Variable;
  max(x: Variable, axis: number | number[] | null, keepdims: boolean): Variable;
  min(x: Variable, axis: number | number[] | null, keepdims: boolean): Variable;
  getItem(x: Variable, slices: unknown): Variable;
}

const late: Partial<VariableOps> = {};

/** Called by function modules at load: binds Variable's methods to them. */
export function registerOps(ops: Partial<VariableOps>): void { Object.assign(late, ops); }

function op<K extends keyof VariableOps>(k: K): VariableOps[K] {
  const f = late[k];
  if (!f) throw new EngineError('RuntimeError', `dezero.functions.${k} is not loaded (import the engine through src/engine/index.ts)`);
  return f;
}

/** A node holding data and, after backward, its gradient. */
export class Variable {
  readonly id = nextId++;
  grad: Variable | null = null;
  creator: Function | null = null;
  generation = 0;
  /** Derivative order: 0 for forward values; k+1 for what back-propagation from order k made. */
  order = Config.backwardOrder;

  constructor(public data: NDArray | null, public name: string | null = null) {
    if (data !== null && !(data instanceof NDArray)) throw typeError(`${pyTypeName(data)} is not supported`);
  }

  get shape(): readonly number[] { return this.arr('shape').shape; }
  get ndim(): number { return this.arr('ndim').ndim; }
  get size(): number { return this.arr('size').size; }
  get dtype() { return this.arr('dtype').dtype; }
  get length(): number { return this.arr('__len__').length; }

  private arr(what: string): NDArray {
    if (this.data === null) throw new EngineError('AttributeError', `'NoneType' object has no attribute '${what}'`);
    return this.data;
  }

  /** DeZero's repr: `variable([1. 2.])`, continuation lines indented 9 spaces. */
  toString(): string {
    if (this.data === null) return 'variable(None)';
    return 'variable(' + arrayStr(this.data).replace(/\n/g, '\n' + ' '.repeat(9)) + ')';
  }

  setCreator(f: Function): void {
    this.creator = f;
    this.generation = f.generation + 1;
  }

  unchain(): void { this.creator = null; }
  cleargrad(): void { this.grad = null; }

  /** Back-propagates from this variable, as DeZero's Variable.backward. */
  backward(opts: BackwardOptions = {}): void { backward(this, !!opts.retainGrad, !!opts.createGraph); }

  /** Cuts every creator link upstream of this variable. */
  unchainBackward(): void {
    if (this.creator === null) return;
    const funcs = [this.creator];
    while (funcs.length) {
      const f = funcs.pop()!;
      for (const x of f.inputs) {
        if (x.creator !== null) { funcs.push(x.creator); x.unchain(); }
      }
    }
  }

  reshape(...shape: number[] | [number[]]): Variable {
    const s = (shape.length === 1 && Array.isArray(shape[0]) ? shape[0] : shape) as number[];
    return op('reshape')(this, s);
  }
  transpose(...axes: number[] | [number[] | null]): Variable {
    const a = axes.length === 0 ? null : axes.length === 1 && (Array.isArray(axes[0]) || axes[0] === null) ? axes[0] : (axes as number[]);
    return op('transpose')(this, a);
  }
  get T(): Variable { return op('transpose')(this, null); }
  sum(axis: number | number[] | null = null, keepdims = false): Variable { return op('sum')(this, axis, keepdims); }
  matmul(W: VarLike): Variable { return op('matmul')(this, W); }
  dot(W: VarLike): Variable { return op('matmul')(this, W); }
  max(axis: number | number[] | null = null, keepdims = false): Variable { return op('max')(this, axis, keepdims); }
  min(axis: number | number[] | null = null, keepdims = false): Variable { return op('min')(this, axis, keepdims); }
  getItem(slices: unknown): Variable { return op('getItem')(this, slices); }

  add(o: VarLike): Variable { return add(this, o); }
  sub(o: VarLike): Variable { return sub(this, o); }
  rsub(o: VarLike): Variable { return rsub(this, o); }
  mul(o: VarLike): Variable { return mul(this, o); }
  div(o: VarLike): Variable { return div(this, o); }
  rdiv(o: VarLike): Variable { return rdiv(this, o); }
  neg(): Variable { return neg(this); }
  pow(c: Scalar): Variable { return pow(this, c); }
}

/** A Variable a Layer owns and an optimizer updates. */
export class Parameter extends Variable {}

function pyTypeName(x: unknown): string {
  const t = typeof x === 'number' ? 'float' : typeof x === 'bigint' ? 'int' : typeof x === 'boolean' ? 'bool' : typeof x === 'string' ? 'str' : Array.isArray(x) ? 'list' : 'object';
  return `<class '${t}'>`;
}

export function asVariable(x: VarLike): Variable {
  return x instanceof Variable ? x : new Variable(x as NDArray | null);
}

/** DeZero's as_array: a Python scalar becomes a 0-d array (strongly typed, like np.array). */
export function asArray(x: VarLike): Variable | NDArray | null {
  if (typeof x === 'number' || typeof x === 'bigint' || typeof x === 'boolean') return NDArray.fromScalar(x);
  return x;
}

// Shared by functions applied without backprop; never mutated.
const NONE: Variable[] = [];
let passes = 0;

/** A differentiable operation: `forward` on NDArrays, `backward` with Variable functions. */
export abstract class Function {
  readonly id: number;
  generation: number;
  order: number;
  inputs: Variable[];
  outputs: Variable[];
  site: Site | null;
  /** The backward pass that last queued this function (replaces a per-pass Set). */
  visited: number;

  // Assigned in the constructor rather than as class fields: every subclass runs this one
  // initializer, and plain stores keep it fast where field definitions went megamorphic.
  constructor() {
    this.id = nextId++;
    this.generation = 0;
    this.order = 0;
    this.inputs = NONE;
    this.outputs = NONE;
    this.site = null;
    this.visited = 0;
  }

  /** The class name DeZero shows (`Tanh`, `MatMul`). */
  get name(): string { return this.constructor.name; }

  abstract forward(...xs: (NDArray | null)[]): NDArray | NDArray[];
  abstract backward(...gys: (Variable | null)[]): Variable | null | (Variable | null)[];

  /** DeZero's `Function.__call__`: runs forward and, with backprop on, links the graph. */
  apply(...raw: VarLike[]): Variable[] {
    const inputs = new Array<Variable>(raw.length);
    for (let i = 0; i < raw.length; i++) inputs[i] = asVariable(raw[i]);
    return this.run(inputs);
  }

  /** apply() for single-output functions. */
  call(...raw: VarLike[]): Variable { return this.apply(...raw)[0]; }

  /** call() with one input, without rest-argument arrays (the engine's hottest path). */
  call1(x: VarLike): Variable { return this.run([asVariable(x)])[0]; }

  /** call() with two inputs. */
  call2(x0: VarLike, x1: VarLike): Variable { return this.run([asVariable(x0), asVariable(x1)])[0]; }

  private run(inputs: Variable[]): Variable[] {
    const n = inputs.length;
    let ys: NDArray | NDArray[];
    try {
      ys = n === 1 ? this.forward(inputs[0].data)
        : n === 2 ? this.forward(inputs[0].data, inputs[1].data)
          : this.forward(...inputs.map((x) => x.data));
    } catch (e) {
      if (e instanceof EngineError && e.op === undefined) e.op = `${this.name}.forward`;
      throw e;
    }
    let order = Config.backwardOrder;
    for (let i = 0; i < n; i++) if (inputs[i].order > order) order = inputs[i].order;
    this.order = order;
    let outputs: Variable[];
    if (Array.isArray(ys)) {
      outputs = new Array<Variable>(ys.length);
      for (let i = 0; i < ys.length; i++) { const v = new Variable(ys[i]); v.order = order; outputs[i] = v; }
    } else {
      const v = new Variable(ys);
      v.order = order;
      outputs = [v];
    }
    if (Config.enableBackprop) {
      let g = 0;
      for (let i = 0; i < n; i++) if (inputs[i].generation > g) g = inputs[i].generation;
      this.generation = g;
      for (let i = 0; i < outputs.length; i++) outputs[i].setCreator(this);
      this.inputs = inputs;
      this.outputs = outputs;
      if (Config.siteHook) this.site = Config.siteHook();
      Config.observer?.functionApplied?.(this, inputs, outputs);
    }
    return outputs;
  }
}

function backward(root: Variable, retainGrad: boolean, createGraph: boolean): void {
  const prevOrder = Config.backwardOrder;
  Config.backwardOrder = root.order + 1;
  const obs = Config.observer;
  try {
    if (root.grad === null) root.grad = new Variable(onesLike(root));
    obs?.backwardStart?.(root, createGraph);
    const funcs: Function[] = [];
    const pass = ++passes;
    const addFunc = (f: Function) => {
      if (f.visited === pass) return;
      f.visited = pass;
      // Stable sort by generation, popped from the end: insert after equal generations.
      let lo = 0, hi = funcs.length;
      while (lo < hi) { const mid = (lo + hi) >> 1; if (funcs[mid].generation <= f.generation) lo = mid + 1; else hi = mid; }
      funcs.splice(lo, 0, f);
    };
    if (root.creator) addFunc(root.creator);
    while (funcs.length) {
      const f = funcs.pop()!;
      const gys = f.outputs.length === 1 ? [f.outputs[0].grad] : f.outputs.map((o) => o.grad);
      obs?.beforeBackwardStep?.(f, gys);
      const prev = Config.enableBackprop;
      Config.enableBackprop = createGraph;
      let gxs: (Variable | null)[];
      try {
        gxs = runBackward(f, gys);
        accumulate(f, gxs, addFunc);
      } finally { Config.enableBackprop = prev; }
      obs?.backwardStep?.(f, gys, gxs);
      if (!retainGrad) for (const y of f.outputs) y.grad = null;
    }
  } finally {
    Config.backwardOrder = prevOrder;
    obs?.backwardEnd?.(root);
  }
}

function runBackward(f: Function, gys: (Variable | null)[]): (Variable | null)[] {
  try {
    const r = gys.length === 1 ? f.backward(gys[0]) : f.backward(...gys);
    return Array.isArray(r) ? r : [r];
  } catch (e) {
    if (e instanceof EngineError && e.op === undefined) e.op = `${f.name}.backward`;
    throw e;
  }
}

/** `x.grad = gx`, or `x.grad = x.grad + gx` as a new node, for each input. */
function accumulate(f: Function, gxs: (Variable | null)[], addFunc: (f: Function) => void): void {
  const n = Math.min(f.inputs.length, gxs.length);
  for (let i = 0; i < n; i++) {
    const x = f.inputs[i], gx = gxs[i];
    if (x.grad === null) x.grad = gx;
    else x.grad = add(x.grad, gx);
    if (x.creator !== null) addFunc(x.creator);
  }
}

function onesLike(v: Variable): NDArray {
  const d = v.data;
  if (d === null) throw new EngineError('TypeError', 'backward() on a variable whose data is None');
  return NDArray.full(d.shape, 1, d.dtype);
}

const shapeDiffers = (a: NDArray | null, b: NDArray | null) => !!a && !!b && !a.sameShape(b);
const NO_SHAPE: readonly number[] = [];

// ── arithmetic (DeZero core.py) ───────────────────────────────────────────────

const sameDims = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((d, i) => d === b[i]);

export class Add extends Function {
  private s0: readonly number[] = NO_SHAPE;
  private s1: readonly number[] = NO_SHAPE;
  forward(x0: NDArray, x1: NDArray): NDArray {
    const y = binary('add', x0, x1);
    this.s0 = x0.shape;
    this.s1 = x1.shape;
    return y;
  }
  backward(gy: Variable): Variable[] {
    let gx0 = gy, gx1 = gy;
    const s0 = this.s0, s1 = this.s1;
    if (!sameDims(s0, s1)) {
      gx0 = op('sumTo')(gx0, s0);
      gx1 = op('sumTo')(gx1, s1);
    }
    return [gx0, gx1];
  }
}

export class Mul extends Function {
  forward(x0: NDArray, x1: NDArray): NDArray { return binary('multiply', x0, x1); }
  backward(gy: Variable): Variable[] {
    const [x0, x1] = this.inputs;
    let gx0 = mul(gy, x1), gx1 = mul(gy, x0);
    if (shapeDiffers(x0.data, x1.data)) {
      gx0 = op('sumTo')(gx0, x0.shape);
      gx1 = op('sumTo')(gx1, x1.shape);
    }
    return [gx0, gx1];
  }
}

export class Neg extends Function {
  forward(x: NDArray): NDArray { return unary('negative', x); }
  backward(gy: Variable): Variable { return neg(gy); }
}

export class Sub extends Function {
  private s0: readonly number[] = NO_SHAPE;
  private s1: readonly number[] = NO_SHAPE;
  forward(x0: NDArray, x1: NDArray): NDArray {
    const y = binary('subtract', x0, x1);
    this.s0 = x0.shape;
    this.s1 = x1.shape;
    return y;
  }
  backward(gy: Variable): Variable[] {
    let gx0 = gy, gx1 = neg(gy);
    const s0 = this.s0, s1 = this.s1;
    if (!sameDims(s0, s1)) {
      gx0 = op('sumTo')(gx0, s0);
      gx1 = op('sumTo')(gx1, s1);
    }
    return [gx0, gx1];
  }
}

export class Div extends Function {
  forward(x0: NDArray, x1: NDArray): NDArray { return binary('true_divide', x0, x1); }
  backward(gy: Variable): Variable[] {
    const [x0, x1] = this.inputs;
    let gx0 = div(gy, x1);
    // d(x0/x1)/dx1 = -x0 / x1²
    let gx1 = mul(gy, div(neg(x0), pow(x1, 2n)));
    if (shapeDiffers(x0.data, x1.data)) {
      gx0 = op('sumTo')(gx0, x0.shape);
      gx1 = op('sumTo')(gx1, x1.shape);
    }
    return [gx0, gx1];
  }
}

export class Pow extends Function {
  constructor(readonly c: Scalar) { super(); }
  forward(x: NDArray): NDArray { return binary('power', x, this.c); }
  backward(gy: Variable): Variable {
    const [x] = this.inputs;
    const c = this.c;
    const cm1: Scalar = typeof c === 'bigint' ? c - 1n : typeof c === 'boolean' ? (c ? 0n : -1n) : c - 1;
    // c * x ** (c - 1) * gy, evaluated left to right as Python does.
    return mul(mul(pow(x, cm1), c), gy);
  }
}

export const add = (x0: VarLike, x1: VarLike): Variable => new Add().call2(x0, asArray(x1));
export const mul = (x0: VarLike, x1: VarLike): Variable => new Mul().call2(x0, asArray(x1));
export const neg = (x: VarLike): Variable => new Neg().call1(x);
export const sub = (x0: VarLike, x1: VarLike): Variable => new Sub().call2(x0, asArray(x1));
/** x1 - x0 (Variable.__rsub__). */
export const rsub = (x0: VarLike, x1: VarLike): Variable => new Sub().call2(asArray(x1), x0);
export const div = (x0: VarLike, x1: VarLike): Variable => new Div().call2(x0, asArray(x1));
/** x1 / x0 (Variable.__rtruediv__). */
export const rdiv = (x0: VarLike, x1: VarLike): Variable => new Div().call2(asArray(x1), x0);
export const pow = (x: VarLike, c: Scalar): Variable => new Pow(c).call1(x);

export type { Operand };
