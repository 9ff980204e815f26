// dezero.core for Python: Variable, Parameter, Function (subclassable: Python forward and
// backward run inside the engine's graph), Config, using_config / no_grad / test_mode.
import * as E from '../../engine/index';
import { Config, Function as EFunction, Parameter as EParameter, Variable as EVariable, VarLike } from '../../engine/core';
import { NDArray } from '../../engine/ndarray';
import { Kwargs, PyClass, PyList, PyObject, PyTuple, PyValue } from '../objects';
import { pyErr } from '../pyerrors';
import { typeOf } from '../types';
import { callMethod } from '../attrs';
import { repr, toArray, truthy } from '../convert';
import { methods, nativeClass, nativeMethod, parseArgs, props } from '../native';
import { NpScalar } from '../npscalar';
import { asArray, isPyScalar, toEngineIndex } from './numpy_core';
import { qualClassName } from '../convert';

/** A Variable (or Parameter) of a Python subclass: the engine object with its class. */
class VariableBridge extends EVariable implements PyObject {
  dict = new Map<string, PyValue>();
  constructor(public cls: PyClass) { super(null); }
}
class ParameterBridge extends EParameter implements PyObject {
  dict = new Map<string, PyValue>();
  constructor(public cls: PyClass) { super(null); }
}

/** dezero.core.Variable. */
export const VARIABLE: PyClass = nativeClass('Variable', {
  module: 'dezero.core', ctors: [EVariable],
  kind: { create: (cls) => (cls === VARIABLE ? new EVariable(null) as unknown as PyObject : cls.isSubclassOf(PARAMETER) ? new ParameterBridge(cls) : new VariableBridge(cls)), dictful: true },
});
/** dezero.core.Parameter. */
export const PARAMETER: PyClass = nativeClass('Parameter', {
  module: 'dezero.core', bases: [VARIABLE], ctors: [EParameter],
  kind: { create: (cls) => (cls === PARAMETER ? new EParameter(null) as unknown as PyObject : new ParameterBridge(cls)), dictful: true },
});

/** `<class 'numpy.float64'>` as DeZero's TypeError shows it. */
function pyClassRepr(v: PyValue): string {
  return `<class '${qualClassName(typeOf(v))}'>`;
}

/** A 0-d array for a NumPy scalar (DeZero's as_array: np.array(scalar)). */
export function plainArray(v: NDArray): NDArray {
  return v instanceof NpScalar ? new NDArray(v.data.slice(v.offset, v.offset + 1), [], v.dtype) : v;
}

/** What engine functions accept, from a Python value; scalars stay Python scalars. */
export function toVarLike(v: PyValue): VarLike {
  if (v instanceof EVariable) return v;
  if (v instanceof NDArray) return plainArray(v);
  if (v === null || isPyScalar(v)) return v;
  if (v instanceof PyList || v instanceof PyTuple) throw pyErr('TypeError', `${pyClassRepr(v)} is not supported`);
  throw pyErr('TypeError', `${pyClassRepr(v)} is not supported`);
}

/** DeZero's as_variable. */
export function asVariable(v: PyValue): EVariable {
  if (v instanceof EVariable) return v;
  if (v !== null && !(v instanceof NDArray && !(v instanceof NpScalar))) throw pyErr('TypeError', `${pyClassRepr(v)} is not supported`);
  return new EVariable(v as NDArray | null);
}

/** A forward result as engine arrays (Python scalars and NumPy scalars become 0-d arrays). */
function forwardOutputs(r: PyValue): NDArray | NDArray[] {
  const one = (v: PyValue): NDArray => {
    if (v instanceof NDArray) return plainArray(v);
    if (isPyScalar(v)) return NDArray.fromScalar(v);
    if (v instanceof EVariable) throw pyErr('TypeError', "forward() must return ndarrays, not Variable (its inputs are the Variables' data)");
    return asArray(v);
  };
  return r instanceof PyTuple ? r.items.map(one) : one(r);
}

/** A backward result as Variables (arrays are wrapped; None stays None). */
function backwardGrads(r: PyValue): (EVariable | null)[] | EVariable | null {
  const one = (v: PyValue): EVariable | null => (v === null ? null : v instanceof EVariable ? v : asVariable(v instanceof NDArray ? plainArray(v) : asArray(v)));
  return r instanceof PyTuple || r instanceof PyList ? toArray(r).map(one) : one(r);
}

/** The engine Function behind a Python subclass of dezero.Function. */
export class PyFunctionBridge extends EFunction implements PyObject {
  dict = new Map<string, PyValue>();
  constructor(public cls: PyClass) { super(); }
  override get name(): string { return this.cls.name; }
  forward(...xs: (NDArray | null)[]): NDArray | NDArray[] { return forwardOutputs(callMethod(this, 'forward', xs)); }
  backward(...gys: (EVariable | null)[]): EVariable | null | (EVariable | null)[] {
    // dezero.core_simple's Function.backward takes and returns ndarrays.
    const args = this.cls.isSubclassOf(SIMPLE_FUNCTION) ? gys.map((g) => g?.data ?? null) : gys;
    return backwardGrads(callMethod(this, 'backward', args));
  }
}

/** dezero.core.Function. */
export const FUNCTION = nativeClass('Function', { module: 'dezero.core', ctors: [EFunction], kind: { create: (cls) => new PyFunctionBridge(cls), dictful: true } });

/**
 * dezero.core_simple (steps 23–32): a Variable's grad is an ndarray and a Function's
 * backward works on ndarrays. Backprop itself is the engine's (without create_graph).
 * Results of operations are core Variables: only the grads of the Variables a script
 * creates, which is what those steps read, are ndarrays.
 */
export const SIMPLE_VARIABLE: PyClass = nativeClass('Variable', {
  module: 'dezero.core_simple', bases: [VARIABLE], kind: VARIABLE.native!,
});
export const SIMPLE_FUNCTION: PyClass = nativeClass('Function', {
  module: 'dezero.core_simple', bases: [FUNCTION], kind: FUNCTION.native!,
});

/** A callable standing for DeZero's weakref.ref to an output. */
export const WEAKREF = nativeClass('weakref', { module: 'weakref' });
class WeakRefLike implements PyObject {
  cls = WEAKREF; dict = null;
  constructor(readonly target: PyValue) {}
}
WEAKREF.dict.set('__call__', nativeMethod('__call__', (a) => (a[0] as WeakRefLike).target));
WEAKREF.dict.set('__repr__', nativeMethod('__repr__', (a) => `<weakref at 0x0; to '${typeOf((a[0] as WeakRefLike).target).name}'>`));

/** Engine Function classes (Add, Sin, MatMul, …) as Python classes, so creators show their names. */
export function registerFunctionClasses(classes: Record<string, unknown>, module: string): Map<string, PyClass> {
  const out = new Map<string, PyClass>();
  for (const [name, ctor] of Object.entries(classes)) {
    if (typeof ctor !== 'function' || !(ctor.prototype instanceof EFunction)) continue;
    const cls = nativeClass(name, { module, bases: [FUNCTION], ctors: [ctor], kind: { dictful: true } });
    out.set(name, cls);
  }
  return out;
}

const kwFlag = (kw: Kwargs | null, name: string, a: PyValue[], i: number) => truthy(kw?.get(name) ?? a[i] ?? false);

props(VARIABLE, {
  data: [(v) => (v as EVariable).data, (v, x) => { (v as EVariable).data = x === null ? null : x instanceof NDArray ? x : asArray(x); }],
  grad: [(v) => (v as EVariable).grad, (v, x) => { (v as EVariable).grad = x === null ? null : asVariable(x); }],
  name: [(v) => (v as EVariable).name, (v, x) => { (v as EVariable).name = x === null ? null : String(x); }],
  creator: [(v) => (v as EVariable).creator, (v, x) => { (v as EVariable).creator = x as EFunction | null; }],
  generation: [(v) => BigInt((v as EVariable).generation), (v, x) => { (v as EVariable).generation = Number(x); }],
  shape: [(v) => new PyTuple((v as EVariable).shape.map(BigInt))],
  ndim: [(v) => BigInt((v as EVariable).ndim)],
  size: [(v) => BigInt((v as EVariable).size)],
  dtype: [(v) => dtypeOf((v as EVariable).data!)],
  T: [(v) => (v as EVariable).T],
});
VARIABLE.dict.set('__array_priority__', 200n);
props(SIMPLE_VARIABLE, {
  // A gradient that arrived through a function's backward is NumPy arithmetic's result: a
  // scalar when 0-d (np.float64), as in core_simple.
  grad: [(v) => { const g = (v as EVariable).grad?.data ?? null; return g !== null && g.ndim === 0 ? NpScalar.wrap(g) : g; }, (v, x) => { (v as EVariable).grad = x === null ? null : asVariable(x instanceof EVariable ? x.data : x); }],
});

/** Set by the numpy module: the dtype object for an array. */
let dtypeOf: (a: NDArray) => PyValue = (a) => a.dtype;
export function setDtypeOf(f: (a: NDArray) => PyValue): void { dtypeOf = f; }

const shapeArgs = (a: PyValue[]): number[] => {
  const s = a.length === 1 && (a[0] instanceof PyTuple || a[0] instanceof PyList) ? toArray(a[0]) : a;
  return s.map((x) => Number(x as bigint));
};

methods(VARIABLE, {
  __init__: (v, a, kw) => {
    const [data, name] = parseArgs('Variable', a, kw, ['data', 'name'], 1);
    if (data !== null && !(data instanceof NDArray && !(data instanceof NpScalar))) throw pyErr('TypeError', `${pyClassRepr(data!)} is not supported`);
    (v as EVariable).data = data as NDArray | null;
    (v as EVariable).name = name === undefined || name === null ? null : String(name);
    return null;
  },
  backward: (v, a, kw) => {
    if (v instanceof VariableBridge && v.cls.isSubclassOf(SIMPLE_VARIABLE)) {
      const [retain] = parseArgs('backward', a, kw, ['retain_grad'], 0);
      v.backward({ retainGrad: truthy(retain ?? false) });
    } else (v as EVariable).backward({ retainGrad: kwFlag(kw, 'retain_grad', a, 0), createGraph: kwFlag(kw, 'create_graph', a, 1) });
    return null;
  },
  cleargrad: (v) => { (v as EVariable).cleargrad(); return null; },
  unchain: (v) => { (v as EVariable).unchain(); return null; },
  unchain_backward: (v) => { (v as EVariable).unchainBackward(); return null; },
  set_creator: (v, a) => { (v as EVariable).setCreator(a[0] as EFunction); return null; },
  reshape: (v, a) => (v as EVariable).reshape(shapeArgs(a)),
  transpose: (v, a) => (a.length === 0 || (a.length === 1 && a[0] === null) ? (v as EVariable).transpose() : (v as EVariable).transpose(shapeArgs(a))),
  sum: (v, a, kw) => { const [axis, keepdims] = parseArgs('sum', a, kw, ['axis', 'keepdims'], 0); return E.F.sum(v as EVariable, axisArg(axis), truthy(keepdims ?? false)); },
  max: (v, a, kw) => { const [axis, keepdims] = parseArgs('max', a, kw, ['axis', 'keepdims'], 0); return E.F.max(v as EVariable, axisArg(axis), truthy(keepdims ?? false)); },
  min: (v, a, kw) => { const [axis, keepdims] = parseArgs('min', a, kw, ['axis', 'keepdims'], 0); return E.F.min(v as EVariable, axisArg(axis), truthy(keepdims ?? false)); },
  matmul: (v, a) => E.F.matmul(v as EVariable, toVarLike(a[0])),
  dot: (v, a) => E.F.matmul(v as EVariable, toVarLike(a[0])),
  to_cpu: () => null,
  to_gpu: () => { throw pyErr('RuntimeError', 'CuPy cannot be loaded. Install CuPy!'); },
  __len__: (v) => BigInt((v as EVariable).length),
  __repr__: (v) => (v as EVariable).toString(),
  __add__: (v, a) => E.F.add(v as EVariable, toVarLike(a[0])),
  __radd__: (v, a) => E.F.add(v as EVariable, toVarLike(a[0])),
  __mul__: (v, a) => E.F.mul(v as EVariable, toVarLike(a[0])),
  __rmul__: (v, a) => E.F.mul(v as EVariable, toVarLike(a[0])),
  __sub__: (v, a) => E.F.sub(v as EVariable, toVarLike(a[0])),
  __rsub__: (v, a) => E.F.rsub(v as EVariable, toVarLike(a[0])),
  __truediv__: (v, a) => E.F.div(v as EVariable, toVarLike(a[0])),
  __rtruediv__: (v, a) => E.F.rdiv(v as EVariable, toVarLike(a[0])),
  __neg__: (v) => E.F.neg(v as EVariable),
  __pow__: (v, a) => E.F.pow(v as EVariable, powExponent(a[0])),
  __getitem__: (v, a) => E.F.getItem(v as EVariable, indexArg(a[0])),
});

function powExponent(c: PyValue): bigint | number | boolean {
  if (isPyScalar(c)) return c;
  if (c instanceof NpScalar) return c.dtype === 'float64' || c.dtype === 'float32' ? c.value : BigInt(c.value);
  throw pyErr('TypeError', `unsupported operand type(s) for ** or pow(): 'Variable' and '${typeOf(c).name}'`);
}

/** axis=None | int | tuple. */
export function axisArg(v: PyValue | undefined): number | number[] | null {
  if (v === undefined || v === null) return null;
  if (v instanceof PyTuple || v instanceof PyList) return toArray(v).map((x) => Number(x as bigint));
  return Number(v as bigint);
}

/** A Python subscript key for get_item. */
export function indexArg(k: PyValue) {
  return toEngineIndex(k instanceof EVariable ? k.data : k);
}

props(FUNCTION, {
  inputs: [(f) => new PyList((f as EFunction).inputs), (f, x) => { (f as EFunction).inputs = toArray(x).map(asVariable); }],
  outputs: [(f) => new PyList((f as EFunction).outputs.map((o) => new WeakRefLike(o))), (f, x) => { (f as EFunction).outputs = toArray(x).map((o) => (o instanceof WeakRefLike ? o.target : o) as EVariable); }],
  generation: [(f) => BigInt((f as EFunction).generation), (f, x) => { (f as EFunction).generation = Number(x); }],
});
methods(FUNCTION, {
  __init__: () => null,
  __call__: (f, a) => {
    const outs = (f as EFunction).apply(...a.map(toVarLike));
    return outs.length > 1 ? new PyTuple(outs) : outs[0];
  },
  forward: (f) => { throw pyErr('NotImplementedError', `${typeOf(f).name}.forward is not implemented`); },
  backward: (f) => { throw pyErr('NotImplementedError', `${typeOf(f).name}.backward is not implemented`); },
});

/** dezero.Config: an object whose attributes are the engine's live flags. */
export const CONFIG_CLASS = nativeClass('Config', { module: 'dezero.core' });
export const CONFIG = { cls: CONFIG_CLASS, dict: null } as PyObject;
props(CONFIG_CLASS, {
  enable_backprop: [() => Config.enableBackprop, (_, v) => { Config.enableBackprop = truthy(v); }],
  train: [() => Config.train, (_, v) => { Config.train = truthy(v); }],
});

const CONFIG_CONTEXT = nativeClass('_GeneratorContextManager', { module: 'contextlib' });
class ConfigContext implements PyObject {
  cls = CONFIG_CONTEXT; dict = null;
  private old: boolean | null = null;
  constructor(readonly key: 'enableBackprop' | 'train', readonly value: boolean) {}
  enter(): void { this.old = Config[this.key]; Config[this.key] = this.value; }
  exit(): void { if (this.old !== null) Config[this.key] = this.old; }
}
methods(CONFIG_CONTEXT, {
  __enter__: (c) => { (c as ConfigContext).enter(); return null; },
  __exit__: (c) => { (c as ConfigContext).exit(); return false; },
});

/** using_config(name, value) as a context manager. */
export function usingConfig(name: PyValue, value: PyValue): PyObject {
  const key = name === 'enable_backprop' ? 'enableBackprop' : name === 'train' ? 'train' : null;
  if (!key) throw pyErr('AttributeError', `type object 'Config' has no attribute ${repr(name)}`);
  return new ConfigContext(key, truthy(value));
}
