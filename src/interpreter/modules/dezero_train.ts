// dezero.optimizers, dezero.datasets, dezero.dataloaders and dezero.transforms for Python.
import * as EO from '../../engine/optimizers';
import * as ED from '../../engine/datasets';
import { DataLoader, SeqDataLoader } from '../../engine/dataloaders';
import { Parameter as EParameter } from '../../engine/core';
import { NDArray } from '../../engine/ndarray';
import { PyClass, PyList, PyObject, PyTuple, PyValue } from '../objects';
import { pyErr } from '../pyerrors';
import { typeOf } from '../types';
import { callMethod, callValue } from '../attrs';
import { toArray, toFloat, toIndex, truthy } from '../convert';
import { builtin, methods, nativeClass, parseArgs, props, staticMethods } from '../native';
import { asArray } from './numpy_core';
import { NpScalar } from '../npscalar';
import { makeDict } from '../hashing';
import type { Interpreter } from '../interpreter';

// ── optimizers ───────────────────────────────────────────────────────────────

class PyOptimizerBridge extends EO.Optimizer implements PyObject {
  dict = new Map<string, PyValue>();
  constructor(public cls: PyClass) { super(); }
  updateOne(p: EParameter): void { callMethod(this, 'update_one', [p]); }
}

const OPTIMIZER = nativeClass('Optimizer', { module: 'dezero.optimizers', ctors: [EO.Optimizer], kind: { create: (cls) => new PyOptimizerBridge(cls), dictful: true } });
const asOpt = (v: PyValue) => v as EO.Optimizer;

methods(OPTIMIZER, {
  __init__: () => null,
  setup: (self, a) => { asOpt(self).setup(a[0] as EO.HasParams); return self; },
  update: (self) => { asOpt(self).update(); return null; },
  update_one: (self) => { throw pyErr('NotImplementedError', `${typeOf(self).name}.update_one is not implemented`); },
  add_hook: (self, a) => {
    const f = a[0];
    const hook = Object.assign((params: EParameter[]) => { callValue(f, [new PyList(params)]); }, { pyHook: f });
    asOpt(self).addHook(hook);
    return null;
  },
});
props(OPTIMIZER, {
  target: [(self) => (asOpt(self).target as PyValue) ?? null],
  hooks: [(self) => new PyList(asOpt(self).hooks.map((h) => (h as { pyHook?: PyValue }).pyHook ?? null))],
});

function optimizerClass(name: string, ctor: Function, names: string[], defaults: number[], make: (v: number[]) => EO.Optimizer): PyClass {
  const cls = nativeClass(name, { module: 'dezero.optimizers', bases: [OPTIMIZER], ctors: [ctor], kind: { dictful: true } });
  staticMethods(cls, { __new__: (a, kw) => make(parseArgs(name, a.slice(1), kw, names, 0).map((x, i) => (x === undefined ? defaults[i] : toFloat(x)))) });
  const table: Record<string, [(s: PyValue) => PyValue, (s: PyValue, v: PyValue) => void]> = {};
  for (const n of names) {
    const key = n as keyof EO.Optimizer;
    table[n] = [(s) => (s as unknown as Record<string, number>)[key as string], (s, v) => { (s as unknown as Record<string, number>)[key as string] = toFloat(v); }];
  }
  props(cls, table);
  return cls;
}

/** A hook class callable from Python (WeightDecay(rate), …). */
function hookClass(name: string, make: (a: PyValue[]) => EO.OptimizerHook): PyClass {
  const cls = nativeClass(name, { module: 'dezero.optimizers' });
  class Hook implements PyObject { cls = cls; dict = new Map<string, PyValue>(); constructor(readonly f: EO.OptimizerHook) {} }
  staticMethods(cls, { __new__: (a) => new Hook(make(a.slice(1))) });
  methods(cls, { __call__: (self, a) => { (self as Hook).f(toArray(a[0]) as EParameter[]); return null; } });
  return cls;
}

export function makeOptimizersModule(): Map<string, PyValue> {
  const m = new Map<string, PyValue>([['Optimizer', OPTIMIZER]]);
  m.set('SGD', optimizerClass('SGD', EO.SGD, ['lr'], [0.01], ([lr]) => new EO.SGD(lr)));
  m.set('MomentumSGD', optimizerClass('MomentumSGD', EO.MomentumSGD, ['lr', 'momentum'], [0.01, 0.9], ([lr, mo]) => new EO.MomentumSGD(lr, mo)));
  m.set('AdaGrad', optimizerClass('AdaGrad', EO.AdaGrad, ['lr', 'eps'], [0.001, 1e-8], ([lr, e]) => new EO.AdaGrad(lr, e)));
  m.set('AdaDelta', optimizerClass('AdaDelta', EO.AdaDelta, ['rho', 'eps'], [0.95, 1e-6], ([r, e]) => new EO.AdaDelta(r, e)));
  m.set('RMSProp', optimizerClass('RMSProp', EO.RMSProp, ['lr', 'rho', 'eps'], [0.001, 0.9, 1e-8], ([lr, r, e]) => new EO.RMSProp(lr, r, e)));
  const adam = optimizerClass('Adam', EO.Adam, ['alpha', 'beta1', 'beta2', 'eps'], [0.001, 0.9, 0.999, 1e-8], ([a, b1, b2, e]) => new EO.Adam(a, b1, b2, e));
  props(adam, { lr: [(s) => (s as EO.Adam).lr], t: [(s) => BigInt((s as EO.Adam).t), (s, v) => { (s as EO.Adam).t = toIndex(v); }] });
  m.set('Adam', adam);
  m.set('WeightDecay', hookClass('WeightDecay', (a) => EO.WeightDecay(toFloat(a[0]))));
  m.set('ClipGrad', hookClass('ClipGrad', (a) => EO.ClipGrad(toFloat(a[0]))));
  m.set('FreezeParam', hookClass('FreezeParam', (a) => EO.FreezeParam(...(a as (EParameter)[]))));
  return m;
}

// ── datasets ─────────────────────────────────────────────────────────────────

/** An element picked from an array as NumPy hands it to Python: a 0-d result is a scalar. */
const element = (a: NDArray): NDArray => (a.ndim === 0 ? NpScalar.wrap(a) : a);

function pyTransform(f: PyValue | undefined): ED.Transform | null {
  if (f === undefined || f === null) return null;
  return (x) => { const r = callValue(f, [element(x)]); return r instanceof NDArray ? r : asArray(r); };
}

/** An example `(x, t)` (or `x`) returned by a Python __getitem__, as engine arrays. */
function pyExample(r: PyValue): [NDArray, NDArray | null] {
  const [x, t] = r instanceof PyTuple ? r.items : [r, null];
  const arr = (v: PyValue) => (v === null ? null : v instanceof NDArray ? v : asArray(v));
  return [arr(x)!, arr(t)];
}

/** The engine Dataset behind a Python subclass: prepare/__getitem__/__len__ may be Python. */
class PyDatasetBridge extends ED.Dataset implements PyObject {
  dict = new Map<string, PyValue>();
  constructor(public cls: PyClass) { super({}, true); }
  override get(index: number): [NDArray, NDArray | null] { return pyExample(callMethod(this, '__getitem__', [BigInt(index)])); }
  override get length(): number { return toIndex(callMethod(this, '__len__', [])); }
}

/** Any Python object with __getitem__ and __len__, as a Dataset for DataLoader (DeZero asks no more). */
class IndexableDataset extends ED.Dataset {
  constructor(readonly source: PyValue) { super({}, true); }
  override get(index: number): [NDArray, NDArray | null] { return pyExample(callMethod(this.source, '__getitem__', [BigInt(index)])); }
  override get length(): number { return toIndex(callMethod(this.source, '__len__', [])); }
}
const asDataset = (v: PyValue): ED.Dataset => (v instanceof ED.Dataset ? v : new IndexableDataset(v));

const DATASET = nativeClass('Dataset', { module: 'dezero.datasets', ctors: [ED.Dataset], kind: { create: (cls) => new PyDatasetBridge(cls), dictful: true } });
const asDs = (v: PyValue) => v as ED.Dataset;

methods(DATASET, {
  __init__: (self, a, kw) => {
    const [train, transform, target] = parseArgs('Dataset', a, kw, ['train', 'transform', 'target_transform'], 0);
    const d = asDs(self);
    d.train = truthy(train ?? true);
    d.transform = pyTransform(transform) ?? ((x) => x);
    d.targetTransform = pyTransform(target) ?? ((x) => x);
    callMethod(self, 'prepare', []);
    return null;
  },
  prepare: () => null,
  __getitem__: (self, a) => {
    const [x, t] = ED.Dataset.prototype.get.call(asDs(self), toIndex(a[0]));
    return new PyTuple([element(x), t === null ? null : element(t)]);
  },
  __len__: (self) => BigInt(asDs(self).data!.shape[0]),
});
props(DATASET, {
  data: [(s) => asDs(s).data, (s, v) => { asDs(s).data = v === null ? null : v instanceof NDArray ? v : asArray(v); }],
  label: [(s) => asDs(s).label, (s, v) => { asDs(s).label = v === null ? null : v instanceof NDArray ? v : asArray(v); }],
  train: [(s) => asDs(s).train, (s, v) => { asDs(s).train = truthy(v); }],
});

/**
 * A built-in dataset class: `make` gets train / transform / target_transform, then the values
 * of `extra` parameters. A transform left out is undefined (the dataset's default one);
 * transform=None is null (no transform), as DeZero tells them apart.
 */
function datasetClass(name: string, ctor: Function, make: (o: ED.DatasetOptions, extra: (PyValue | undefined)[]) => ED.Dataset,
  extra: string[] = [], base: PyClass = DATASET): PyClass {
  const cls = nativeClass(name, { module: 'dezero.datasets', bases: [base], ctors: [ctor], kind: { dictful: true } });
  const params = ['train', 'transform', 'target_transform', ...extra];
  staticMethods(cls, {
    __new__: (a, kw) => {
      const [train, transform, target, ...rest] = parseArgs(name, a.slice(1), kw, params, 0);
      const tf = transform === undefined ? undefined : pyTransform(transform);
      return make({ train: truthy(train ?? true), transform: tf, targetTransform: pyTransform(target) }, rest);
    },
  });
  methods(cls, {
    // __new__ built the dataset from the call's arguments (Dataset.__init__ would reset its
    // default transform); this only re-applies transforms a subclass passes explicitly.
    __init__: (self, a, kw) => {
      const [, transform, target] = parseArgs(name, a, kw, params, 0);
      const d = asDs(self);
      if (transform !== undefined) d.transform = pyTransform(transform) ?? ((x) => x);
      if (target !== undefined) d.targetTransform = pyTransform(target) ?? ((x) => x);
      return null;
    },
  });
  return cls;
}

/** CIFAR10 / CIFAR100 (subclassing it, as in DeZero), with their labels() static methods. */
function cifarClasses(ip: Interpreter): [PyClass, PyClass] {
  const names = (list: readonly string[]) => makeDict(list.map((n, i): [PyValue, PyValue] => [BigInt(i), n]));
  const c10 = datasetClass('CIFAR10', ED.CIFAR10, (o) => new ED.CIFAR10({ ...o, files: ip.files }));
  staticMethods(c10, { labels: (a, kw) => { parseArgs('labels', a, kw, []); return names(ED.CIFAR10_LABELS); } });
  const c100 = datasetClass('CIFAR100', ED.CIFAR100, (o, [lt]) => {
    // DeZero's bare `assert label_type in ['fine', 'coarse']`, before anything is read.
    if (lt !== undefined && lt !== 'fine' && lt !== 'coarse') throw pyErr('AssertionError');
    return new ED.CIFAR100({ ...o, files: ip.files, labelType: lt as ED.CifarLabelType | undefined });
  }, ['label_type'], c10);
  staticMethods(c100, {
    // DeZero lists no fine names: labels('fine') is an empty list.
    labels: (a, kw) => (parseArgs('labels', a, kw, ['label_type'], 0)[0] ?? 'fine') === 'fine' ? new PyList([]) : names(ED.CIFAR100_COARSE_LABELS),
  });
  props(c100, { label_type: [(s) => (s as ED.CIFAR100).labelType] });
  return [c10, c100];
}

export function makeDatasetsModule(ip: Interpreter): Map<string, PyValue> {
  const m = new Map<string, PyValue>([['Dataset', DATASET]]);
  m.set('Spiral', datasetClass('Spiral', ED.Spiral, (o) => new ED.Spiral(o)));
  m.set('SinCurve', datasetClass('SinCurve', ED.SinCurve, (o) => new ED.SinCurve(o)));
  m.set('MNIST', datasetClass('MNIST', ED.MNIST, (o) => new ED.MNIST({ ...o, files: ip.files })));
  const [c10, c100] = cifarClasses(ip);
  m.set('CIFAR10', c10);
  m.set('CIFAR100', c100);
  m.set('get_spiral', builtin('get_spiral', (a, kw) => {
    const [train] = parseArgs('get_spiral', a, kw, ['train'], 0);
    return new PyTuple(ED.getSpiral(truthy(train ?? true)));
  }));
  return m;
}

// ── data loaders ─────────────────────────────────────────────────────────────

const LOADER = nativeClass('DataLoader', { module: 'dezero.dataloaders', ctors: [DataLoader] });
const SEQ_LOADER = nativeClass('SeqDataLoader', { module: 'dezero.dataloaders', bases: [LOADER], ctors: [SeqDataLoader] });
const asDl = (v: PyValue) => v as DataLoader;

staticMethods(LOADER, {
  __new__: (a, kw) => {
    const [ds, bs, shuffle] = parseArgs('DataLoader', a.slice(1), kw, ['dataset', 'batch_size', 'shuffle', 'gpu'], 2);
    return new DataLoader(asDataset(ds!), toIndex(bs!), truthy(shuffle ?? true));
  },
});
staticMethods(SEQ_LOADER, {
  __new__: (a, kw) => {
    const [ds, bs] = parseArgs('SeqDataLoader', a.slice(1), kw, ['dataset', 'batch_size', 'gpu'], 2);
    return new SeqDataLoader(asDataset(ds!), toIndex(bs!));
  },
});
methods(LOADER, {
  __iter__: (self) => self,
  __next__: (self) => {
    const b = asDl(self).next();
    if (b === null) throw pyErr('StopIteration');
    return new PyTuple(b);
  },
  next: (self) => callMethod(self, '__next__', []),
  reset: (self) => { asDl(self).reset(); return null; },
  to_cpu: () => null,
  to_gpu: () => null,
});
props(LOADER, {
  iteration: [(s) => BigInt(asDl(s).iteration)],
  max_iter: [(s) => BigInt(asDl(s).maxIter)],
  data_size: [(s) => BigInt(asDl(s).dataSize)],
  batch_size: [(s) => BigInt(asDl(s).batchSize)],
  index: [(s) => asDl(s).index],
  dataset: [(s) => { const d = asDl(s).dataset; return (d instanceof IndexableDataset ? d.source : d) as unknown as PyValue; }],
});

export function makeDataloadersModule(): Map<string, PyValue> {
  return new Map<string, PyValue>([['DataLoader', LOADER], ['SeqDataLoader', SEQ_LOADER]]);
}
