// dezero.layers (L) and dezero.models for Python: Layer/Model subclassable from Python
// (attribute assignment registers parameters), the engine's layers and models.
import * as EL from '../../engine/layers/index';
import * as EM from '../../engine/models';
import { Variable as EVariable, VarLike } from '../../engine/core';
import { DType } from '../../engine/dtype';
import { Kwargs, NativeProp, PyClass, PyIterator, PyList, PyObject, PyProperty, PyTuple, PyValue } from '../objects';
import { pyErr } from '../pyerrors';
import { typeOf } from '../types';
import { callMethod, callValue, genericSetattr } from '../attrs';
import { repr, toArray, toIndex, truthy } from '../convert';
import { builtin, methods, nativeClass, parseArgs, props, staticMethods } from '../native';
import { dictSet } from '../hashing';
import { PyDict } from '../objects';
import { toVarLike } from './dezero_core';
import type { Interpreter } from '../interpreter';

/** The engine Layer behind a Python subclass of Layer or Model. */
export class PyLayerBridge extends EM.Model implements PyObject {
  constructor(public cls: PyClass) { super(); }
  get dict(): Map<string, PyValue> { return this.attrs as Map<string, PyValue>; }
  forward(...inputs: VarLike[]): EL.LayerOutput {
    const r = callMethod(this, 'forward', inputs as PyValue[]);
    if (r instanceof PyTuple) return r.items as EVariable[];
    return r as EVariable;
  }
}

/**
 * dezero.models.Sequential: its items are applied in order and may be any callables (DeZero
 * accepts `Sequential(L.Linear(16), F.sigmoid, L.Linear(1))`); they are attributes l0, l1, …
 */
export class PySequential extends EM.Model {
  constructor(readonly items: PyValue[]) {
    super();
    items.forEach((l, i) => this.setAttr(`l${i}`, l));
  }
  forward(x: VarLike): EL.LayerOutput {
    let y = x as PyValue;
    for (const l of this.items) y = l instanceof EL.Layer ? l.call(toVarLike(y)) : callValue(l, [y]);
    return y as EVariable;
  }
}

const layerKind = { create: (cls: PyClass) => new PyLayerBridge(cls), dictful: true };
export const LAYER = nativeClass('Layer', { module: 'dezero.layers', ctors: [EL.Layer], kind: layerKind });
export const MODEL = nativeClass('Model', { module: 'dezero.models', bases: [LAYER], ctors: [EM.Model], kind: layerKind });

// Engine layers keep their attributes in `attrs`; that map is their Python __dict__.
Object.defineProperty(EL.Layer.prototype, 'dict', { get(this: EL.Layer) { return this.attrs; }, configurable: true });

const asLayer = (v: PyValue) => v as EL.Layer;

methods(LAYER, {
  __init__: () => null,
  __setattr__: (self, a) => {
    const name = String(a[0]);
    // DeZero registers Parameters and Layers by name; data descriptors keep their own setters.
    const tv = typeOf(self).lookup(name);
    if (tv instanceof NativeProp || tv instanceof PyProperty) genericSetattr(self, name, a[1]);
    else asLayer(self).setAttr(name, a[1]);
    return null;
  },
  __call__: (self, a) => {
    const outs = asLayer(self).callAll(...a.map(toVarLike));
    return outs.length > 1 ? new PyTuple(outs) : outs[0];
  },
  forward: (self) => { throw pyErr('NotImplementedError', `${typeOf(self).name}.forward is not implemented`); },
  params: (self) => new PyIterator(asLayer(self).params()[Symbol.iterator](), 'generator'),
  cleargrads: (self) => { asLayer(self).cleargrads(); return null; },
  to_cpu: () => null,
  to_gpu: () => { throw pyErr('RuntimeError', 'CuPy cannot be loaded. Install CuPy!'); },
  _flatten_params: (self, a) => {
    const d = a[0] as PyDict;
    for (const [k, p] of asLayer(self).flattenParams(new Map(), a[1] === undefined ? '' : String(a[1]))) dictSet(d, k, p);
    return null;
  },
});

function activation(f: PyValue | undefined): EM.Activation | undefined {
  if (f === undefined || f === null) return undefined;
  return (x) => callValue(f, [x]) as EVariable;
}

const dtypeArg = (v: PyValue | undefined): DType => (v === undefined || v === null ? 'float32' : dtypeName(v));
/** Set by the numpy module: a dtype-like Python value (np.float32, 'f4', dtype) as a DType. */
let dtypeName: (v: PyValue) => DType = (v) => String(v) as DType;
export function setDtypeResolver(f: (v: PyValue) => DType): void { dtypeName = f; }

const optInt = (v: PyValue | undefined) => (v === undefined || v === null ? null : toIndex(v));
const pairArg = (v: PyValue | undefined, d: number): EL.Pair => {
  if (v === undefined || v === null) return d;
  if (v instanceof PyTuple || v instanceof PyList) { const [x, y] = toArray(v).map((e) => toIndex(e)); return [x, y]; }
  return toIndex(v);
};

function layerClass(name: string, module: string, ctor: Function, names: string[], required: number, make: (a: (PyValue | undefined)[]) => EL.Layer, base = LAYER): PyClass {
  const cls = nativeClass(name, { module, bases: [base], ctors: [ctor], kind: { dictful: true } });
  staticMethods(cls, { __new__: (a, kw) => make(parseArgs(name, a.slice(1), kw, names, required)) });
  return cls;
}

/** The dezero.layers module; save/load go through this interpreter's file sink. */
export function makeLayersModule(ip: Interpreter): Map<string, PyValue> {
  methods(LAYER, {
    save_weights: (self, a) => { asLayer(self).saveWeights(String(a[0]), ip.files); return null; },
    load_weights: (self, a) => {
      const path = String(a[0]);
      if (!ip.files.exists(path)) throw pyErr('FileNotFoundError', `[Errno 2] No such file or directory: ${repr(path)}`);
      asLayer(self).loadWeights(path, ip.files);
      return null;
    },
  });
  const m = new Map<string, PyValue>([['Layer', LAYER]]);
  const L = (name: string, ctor: Function, names: string[], required: number, make: (a: (PyValue | undefined)[]) => EL.Layer) => m.set(name, layerClass(name, 'dezero.layers', ctor, names, required, make));
  L('Linear', EL.Linear, ['out_size', 'nobias', 'dtype', 'in_size'], 1, (a) => new EL.Linear(toIndex(a[0]!), { nobias: truthy(a[1] ?? false), dtype: dtypeArg(a[2]), inSize: optInt(a[3]) }));
  const conv = (C: typeof EL.Conv2d) => (a: (PyValue | undefined)[]) => new C(toIndex(a[0]!), pairArg(a[1], 1), { stride: pairArg(a[2], 1), pad: pairArg(a[3], 0), nobias: truthy(a[4] ?? false), dtype: dtypeArg(a[5]), inChannels: optInt(a[6]) });
  L('Conv2d', EL.Conv2d, ['out_channels', 'kernel_size', 'stride', 'pad', 'nobias', 'dtype', 'in_channels'], 2, conv(EL.Conv2d));
  L('Deconv2d', EL.Deconv2d, ['out_channels', 'kernel_size', 'stride', 'pad', 'nobias', 'dtype', 'in_channels'], 2, conv(EL.Deconv2d as unknown as typeof EL.Conv2d));
  L('RNN', EL.RNN, ['hidden_size', 'in_size'], 1, (a) => new EL.RNN(toIndex(a[0]!), optInt(a[1])));
  L('LSTM', EL.LSTM, ['hidden_size', 'in_size'], 1, (a) => new EL.LSTM(toIndex(a[0]!), optInt(a[1])));
  L('EmbedID', EL.EmbedID, ['in_size', 'out_size'], 2, (a) => new EL.EmbedID(toIndex(a[0]!), toIndex(a[1]!)));
  L('BatchNorm', EL.BatchNorm, [], 0, () => new EL.BatchNorm());
  for (const n of ['RNN', 'LSTM']) {
    const cls = m.get(n) as PyClass;
    methods(cls, { reset_state: (self) => { (self as EL.RNN).resetState(); return null; } });
    props(cls, { h: [(self) => (self as EL.RNN).h, (self, v) => { (self as EL.RNN).h = v as EVariable | null; }] });
  }
  props(m.get('LSTM') as PyClass, { c: [(self) => (self as EL.LSTM).c, (self, v) => { (self as EL.LSTM).c = v as EVariable | null; }] });
  props(m.get('Linear') as PyClass, {
    in_size: [(self) => ((self as EL.Linear).inSize === null ? null : BigInt((self as EL.Linear).inSize!))],
    out_size: [(self) => BigInt((self as EL.Linear).outSize)],
  });
  return m;
}

/** The dezero.models module; `plot` writes through utils.plot_dot_graph. */
export function makeModelsModule(ip: Interpreter, plot: (y: PyValue, toFile: PyValue) => PyValue): Map<string, PyValue> {
  const m = new Map<string, PyValue>([['Model', MODEL]]);
  methods(MODEL, {
    plot: (self, a, kw: Kwargs | null) => {
      const y = callMethod(self, 'forward', a);
      return plot(y, kw?.get('to_file') ?? 'model.png');
    },
  });
  const M = (name: string, ctor: Function, names: string[], required: number, make: (a: (PyValue | undefined)[]) => EL.Layer) => m.set(name, layerClass(name, 'dezero.models', ctor, names, required, make, MODEL));
  M('Sequential', PySequential, [], 0, () => new PySequential([]));
  const seq = m.get('Sequential') as PyClass;
  staticMethods(seq, { __new__: (a) => new PySequential(a.slice(1)) });
  M('MLP', EM.MLP, ['fc_output_sizes', 'activation'], 1, (a) => new EM.MLP(toArray(a[0]!).map((x) => toIndex(x)), activation(a[1])));
  M('VGG16', EM.VGG16, ['pretrained'], 0, (a) => new EM.VGG16(a[0] === undefined ? false : typeof a[0] === 'string' ? a[0] : truthy(a[0]), ip.files));
  props(seq, { layers: [(self) => new PyList((self as PySequential).items)] });
  props(m.get('MLP') as PyClass, { layers: [(self) => new PyList((self as EM.MLP).layers)] });
  for (const name of ['ResNet', 'ResNet50', 'ResNet101', 'ResNet152', 'SqueezeNet']) {
    m.set(name, builtin(name, () => { throw pyErr('NotImplementedError', `${name} is not available in Gradscope; VGG16 (with a local weights file) and your own Models are`); }));
  }
  return m;
}
