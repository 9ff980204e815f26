// def, lambda and class statements: function objects with defaults and closures, class
// objects with their namespace, decorators.
import type * as A from './ast';
import { Cell, PyClass, PyClassMethod, PyProperty, PyStaticMethod, PySuper, PyTuple, PyValue, classEpoch } from './objects';
import { Code, PyFunction, makeCode } from './function';
import { pyErr } from './pyerrors';
import type { Evaluator } from './evaluator';
import { Frame } from './frame';
import { evalExpr } from './expr';
import { callValue, getattr } from './attrs';
import { T, computeMro, typeOf } from './types';
import { makeDict } from './hashing';

const codes = new WeakMap<A.Node, Code>();

function qualnameIn(f: Frame, name: string): string {
  if (f.info.kind === 'class') return `${f.qualname}.${name}`;
  if (f.info.kind === 'function') return `${f.qualname}.<locals>.${name}`;
  return name;
}

/** The Cells an inner scope closes over, taken from the defining frame. */
export function closureFrom(f: Frame, names: string[]): Cell[] {
  return names.map((n) => {
    const slot = f.info.slotOf.get(n);
    const c = slot === undefined ? undefined : f.slots[slot];
    if (!(c instanceof Cell)) throw pyErr('SystemError', `internal error: no cell for free variable '${n}' in ${f.name}`);
    return c;
  });
}

function makeFunction(ev: Evaluator, node: A.FunctionDef | A.Lambda, f: Frame): PyFunction {
  let code = codes.get(node);
  if (!code) {
    const name = node.kind === 'Lambda' ? '<lambda>' : node.name;
    code = makeCode(node, ev.scopes.get(node)!, qualnameIn(f, name), f.file);
    codes.set(node, code);
  }
  const a = node.args;
  const defaults = a.defaults.map((d) => evalExpr(ev, d, f));
  const kwDefaults = new Map<string, PyValue>();
  a.kwonlyargs.forEach((p, i) => { const d = a.kwDefaults[i]; if (d) kwDefaults.set(p.arg, evalExpr(ev, d, f)); });
  const module = (f.globals.get('__name__') as string | undefined) ?? '__main__';
  const fn = new PyFunction(ev, code, f.globals, defaults, kwDefaults, closureFrom(f, code.info.freeNames), module);
  if (node.kind === 'FunctionDef') {
    const first = node.body[0];
    if (first?.kind === 'Expr' && first.value.kind === 'Constant' && typeof first.value.value === 'string') fn.doc = first.value.value;
  }
  return fn;
}

export const makeLambda = (ev: Evaluator, e: A.Lambda, f: Frame): PyFunction => makeFunction(ev, e, f);

/** Evaluates decorators first (as Python does), then the function, then applies them inside out. */
export function defineFunction(ev: Evaluator, s: A.FunctionDef, f: Frame): PyValue {
  const decs = s.decoratorList.map((d) => evalExpr(ev, d, f));
  let v: PyValue = makeFunction(ev, s, f);
  for (let i = decs.length - 1; i >= 0; i--) v = callValue(decs[i], [v]);
  return v;
}

export function defineClass(ev: Evaluator, s: A.ClassDef, f: Frame): PyValue {
  const decs = s.decoratorList.map((d) => evalExpr(ev, d, f));
  const bases = s.bases.map((b) => evalExpr(ev, b, f));
  let meta: PyValue = null;
  const classKw = new Map<string, PyValue>();
  for (const k of s.keywords) {
    if (k.arg === 'metaclass') meta = evalExpr(ev, k.value, f);
    else if (k.arg !== null) classKw.set(k.arg, evalExpr(ev, k.value, f));
  }
  for (const b of bases) if (!(b instanceof PyClass)) throw pyErr('TypeError', `bases must be types, not ${typeOf(b).name}`);
  const ns = new Map<string, PyValue>();
  const module = (f.globals.get('__name__') as string | undefined) ?? '__main__';
  const qualname = qualnameIn(f, s.name);
  ns.set('__module__', module);
  ns.set('__qualname__', qualname);
  const first = s.body[0];
  if (first?.kind === 'Expr' && first.value.kind === 'Constant' && typeof first.value.value === 'string') ns.set('__doc__', first.value.value);
  const info = ev.scopes.get(s)!;
  const slots = new Array(info.slots.length);
  closureFrom(f, info.freeNames).forEach((c, i) => { slots[info.slotOf.get(info.freeNames[i])!] = c; });
  const frame = new Frame(s.name, f.file, info, slots, ns, f.globals, null);
  frame.classQualname = qualname;
  ev.enter(frame);
  try { ev.execBody(s.body, frame); } catch (e) { throw ev.unwind(e, frame); } finally { ev.leave(frame); }
  let cls: PyValue;
  if (meta !== null && meta !== T.type && !(meta instanceof PyClass && meta.name === 'ABCMeta')) {
    cls = callValue(meta, [s.name, new PyTuple(bases), nsDict(ns)]);
  } else {
    const built = buildClass(s.name, bases as PyClass[], ns, module, qualname);
    // type.__new__'s last step: the parent's __init_subclass__ with the class keywords.
    callValue(getattr(new PySuper(built, built), '__init_subclass__'), [], classKw.size ? classKw : null);
    cls = built;
  }
  for (let i = decs.length - 1; i >= 0; i--) cls = callValue(decs[i], [cls]);
  return cls;
}

const nsDict = (ns: Map<string, PyValue>) => makeDict([...ns]);

/** A class object from a finished namespace. */
export function buildClass(name: string, bases: PyClass[], ns: Map<string, PyValue>, module: string, qualname = name): PyClass {
  const cls = new PyClass(name, bases.length ? bases : [T.object], module, qualname);
  try { cls.mro = computeMro(cls); } catch (e) { throw pyErr('TypeError', (e as Error).message); }
  const natives = new Set(cls.mro.map((c) => c.native).filter((k) => k !== null));
  if (natives.size > 1) throw pyErr('TypeError', 'multiple bases have instance lay-out conflict');
  cls.native = cls.mro.find((c) => c.native)?.native ?? null;
  for (const [k, v] of ns) cls.dict.set(k, v);
  const initSub = ns.get('__init_subclass__');
  if (initSub instanceof PyFunction) cls.dict.set('__init_subclass__', new PyClassMethod(initSub));
  if (ns.has('__eq__') && !ns.has('__hash__')) cls.dict.set('__hash__', null);
  classEpoch.value++;
  const doc = ns.get('__doc__');
  if (typeof doc === 'string') cls.doc = doc;
  for (const v of ns.values()) {
    const fn = v instanceof PyFunction ? v : v instanceof PyClassMethod || v instanceof PyStaticMethod ? v.func : v instanceof PyProperty ? v.fget : null;
    if (fn instanceof PyFunction && fn.ownerClass === null) fn.ownerClass = cls;
    if (v instanceof PyProperty) for (const g of [v.fset, v.fdel]) if (g instanceof PyFunction && g.ownerClass === null) g.ownerClass = cls;
  }
  return cls;
}
