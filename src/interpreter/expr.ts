// Expression evaluation.
import * as A from './ast';
import { Cell, Ellipsis, Kwargs, PyBuiltin, PyClass, PyModule, PySuper, PyDict, PyList, PySet, PySlice, PyTuple, PyValue, UNBOUND } from './objects';
import { pyErr } from './pyerrors';
import type { Evaluator } from './evaluator';
import type { Frame } from './frame';
import { binop, compare, unaryop } from './arith';
import { callValue, existingDict, getattr } from './attrs';
import { iterate, repr, str, truthy } from './convert';
import { dictSet, setAdd } from './hashing';
import { formatValue } from './format';
import { getitem } from './subscript';
import { makeLambda } from './defs';
import { evalComprehension } from './comprehensions';
import { assignTo } from './targets_eval';
import { typeOf } from './types';
import { PyFunction } from './function';

/** Reads a name through its resolved access. */
export function loadName(ev: Evaluator, n: A.Name, f: Frame): PyValue {
  const acc = f.info.access.get(n);
  if (acc) {
    if (acc.kind === 'fast') {
      const v = f.slots[acc.slot];
      if (v === UNBOUND) throw pyErr('UnboundLocalError', `cannot access local variable '${n.id}' where it is not associated with a value`);
      return v as PyValue;
    }
    if (acc.kind === 'cell') {
      const v = (f.slots[acc.slot] as Cell).value;
      if (v === UNBOUND) {
        if (f.info.freeNames.includes(n.id)) throw pyErr('NameError', `cannot access free variable '${n.id}' where it is not associated with a value in enclosing scope`);
        throw pyErr('UnboundLocalError', `cannot access local variable '${n.id}' where it is not associated with a value`);
      }
      return v as PyValue;
    }
    if (acc.kind === 'name' && f.ns) {
      const v = f.ns.get(n.id);
      if (v !== undefined) return v;
    }
  }
  const g = f.globals.get(n.id);
  if (g !== undefined) return g;
  const b = ev.ip.builtins.get(n.id);
  if (b !== undefined) return b;
  f.node = n;
  throw pyErr('NameError', `name '${n.id}' is not defined`);
}

export function evalExpr(ev: Evaluator, e: A.Expr, f: Frame): PyValue {
  switch (e.kind) {
    case 'Constant': return e.value === A.ELLIPSIS ? Ellipsis : (e.value as PyValue);
    case 'Name': return loadName(ev, e, f);
    case 'Attribute': { const o = evalExpr(ev, e.value, f); f.node = e; return getattr(o, e.attr); }
    case 'Call': return evalCall(ev, e, f);
    case 'BinOp': {
      const a = evalExpr(ev, e.left, f), b = evalExpr(ev, e.right, f);
      if (typeof a === 'number' && typeof b === 'number') {
        if (e.op === 'Add') return a + b;
        if (e.op === 'Sub') return a - b;
        if (e.op === 'Mult') return a * b;
      }
      f.node = e;
      return binop(e.op, a, b);
    }
    case 'UnaryOp': { const v = evalExpr(ev, e.operand, f); f.node = e; return unaryop(e.op, v); }
    case 'BoolOp': {
      let v: PyValue = null;
      for (const x of e.values) {
        v = evalExpr(ev, x, f);
        if (truthy(v) === (e.op === 'Or')) return v;
      }
      return v;
    }
    case 'Compare': {
      let left = evalExpr(ev, e.left, f);
      for (let i = 0; i < e.ops.length; i++) {
        const right = evalExpr(ev, e.comparators[i], f);
        f.node = e;
        const r = compare(e.ops[i], left, right);
        if (i === e.ops.length - 1) return r;
        if (!truthy(r)) return r;
        left = right;
      }
      return true;
    }
    case 'Subscript': {
      const obj = evalExpr(ev, e.value, f);
      const key = evalIndex(ev, e.slice, f);
      f.node = e;
      return getitem(obj, key);
    }
    case 'IfExp': return truthy(evalExpr(ev, e.test, f)) ? evalExpr(ev, e.body, f) : evalExpr(ev, e.orelse, f);
    case 'Tuple': return new PyTuple(evalElts(ev, e.elts, f));
    case 'List': return new PyList(evalElts(ev, e.elts, f));
    case 'Set': { const s = new PySet(); for (const v of evalElts(ev, e.elts, f)) setAdd(s, v); return s; }
    case 'Dict': return evalDict(ev, e, f);
    case 'Lambda': return makeLambda(ev, e, f);
    case 'NamedExpr': { const v = evalExpr(ev, e.value, f); assignTo(ev, e.target, v, f); return v; }
    case 'JoinedStr': return evalJoined(ev, e, f);
    case 'FormattedValue': return formatted(ev, e, f);
    case 'ListComp': case 'SetComp': case 'DictComp': case 'GeneratorExp': return evalComprehension(ev, e, f);
    case 'Slice': return evalSliceObj(ev, e, f);
    case 'Starred': throw pyErr('SyntaxError', "can't use starred expression here");
    case 'Yield': case 'YieldFrom': throw pyErr('SyntaxError', "Gradscope supports 'yield' as a statement, in `x = yield v` and in `return (yield v)`, not inside a larger expression");
  }
}

function evalSliceObj(ev: Evaluator, e: A.Slice, f: Frame): PySlice {
  return new PySlice(e.lower ? evalExpr(ev, e.lower, f) : null, e.upper ? evalExpr(ev, e.upper, f) : null, e.step ? evalExpr(ev, e.step, f) : null);
}

/** The key of a subscription: slices become slice objects, tuples of them tuples. */
export function evalIndex(ev: Evaluator, e: A.Expr, f: Frame): PyValue {
  if (e.kind === 'Slice') return evalSliceObj(ev, e, f);
  if (e.kind === 'Tuple') return new PyTuple(e.elts.map((x) => (x.kind === 'Slice' ? evalSliceObj(ev, x, f) : evalExpr(ev, x, f))));
  return evalExpr(ev, e, f);
}

/** Elements of a display, expanding `*iterable`. */
export function evalElts(ev: Evaluator, elts: A.Expr[], f: Frame): PyValue[] {
  const out: PyValue[] = [];
  for (const x of elts) {
    if (x.kind === 'Starred') {
      const it = iterate(evalExpr(ev, x.value, f));
      for (let r = it.next(); !r.done; r = it.next()) out.push(r.value);
    } else out.push(evalExpr(ev, x, f));
  }
  return out;
}

function evalDict(ev: Evaluator, e: A.Dict, f: Frame): PyDict {
  const d = new PyDict();
  e.keys.forEach((k, i) => {
    const v = evalExpr(ev, e.values[i], f);
    if (k === null) {
      if (v instanceof PyDict) for (const [kk, vv] of v.map.values()) dictSet(d, kk, vv);
      else for (const kk of iterKeys(v)) dictSet(d, kk, getitem(v, kk));
    } else dictSet(d, evalExpr(ev, k, f), v);
  });
  return d;
}

function iterKeys(v: PyValue): PyValue[] {
  const keys = callValue(getattr(v, 'keys'), []);
  const out: PyValue[] = [];
  const it = iterate(keys);
  for (let r = it.next(); !r.done; r = it.next()) out.push(r.value);
  return out;
}

function evalCall(ev: Evaluator, e: A.Call, f: Frame): PyValue {
  let fn: PyValue, self: PyValue | undefined;
  if (e.func.kind === 'Attribute') {
    // obj.method(...) without allocating a bound method when the method is a plain function.
    const obj = evalExpr(ev, e.func.value, f);
    const m = typeOf(obj).lookup(e.func.attr);
    // Classes, super() and modules resolve attributes their own way: not through the type.
    const plain = !(obj instanceof PyClass || obj instanceof PySuper || obj instanceof PyModule);
    if (plain && (m instanceof PyFunction || (m instanceof PyBuiltin && m.isMethod)) && !existingDict(obj)?.has(e.func.attr)) { fn = m; self = obj; }
    else fn = getattr(obj, e.func.attr);
  } else fn = evalExpr(ev, e.func, f);
  const args = callArgs(ev, e.args, f, self);
  let kw: Kwargs | null = null;
  if (e.keywords.length) {
    kw = new Map();
    for (const k of e.keywords) {
      const v = evalExpr(ev, k.value, f);
      if (k.arg !== null) {
        if (kw.has(k.arg)) throw pyErr('TypeError', `keyword argument repeated: ${k.arg}`);
        kw.set(k.arg, v);
      } else mergeKwargs(kw, v, fn);
    }
  }
  f.node = e;
  return callValue(fn, args, kw);
}

/** The positional arguments of a call, `self` first when given (one array, no unshift). */
function callArgs(ev: Evaluator, elts: A.Expr[], f: Frame, self: PyValue | undefined): PyValue[] {
  const args: PyValue[] = self !== undefined ? [self] : [];
  for (let i = 0; i < elts.length; i++) {
    const x = elts[i];
    if (x.kind !== 'Starred') { args.push(evalExpr(ev, x, f)); continue; }
    const it = iterate(evalExpr(ev, x.value, f));
    for (let r = it.next(); !r.done; r = it.next()) args.push(r.value);
  }
  return args;
}

function mergeKwargs(kw: Kwargs, v: PyValue, fn: PyValue): void {
  if (!(v instanceof PyDict)) {
    for (const k of iterKeys(v)) {
      if (typeof k !== 'string') throw pyErr('TypeError', 'keywords must be strings');
      kw.set(k, getitem(v, k));
    }
    return;
  }
  for (const [k, val] of v.map.values()) {
    if (typeof k !== 'string') throw pyErr('TypeError', 'keywords must be strings');
    if (kw.has(k)) throw pyErr('TypeError', `${repr(fn)} got multiple values for keyword argument '${k}'`);
    kw.set(k, val);
  }
}

function evalJoined(ev: Evaluator, e: A.JoinedStr, f: Frame): string {
  let s = '';
  for (const part of e.values) s += part.kind === 'Constant' ? (part.value as string) : formatted(ev, part, f);
  return s;
}

function formatted(ev: Evaluator, e: A.FormattedValue, f: Frame): string {
  let v = evalExpr(ev, e.value, f);
  if (e.conversion === 'r' || e.conversion === 'a') v = repr(v);
  else if (e.conversion === 's') v = str(v);
  const spec = e.formatSpec ? evalJoined(ev, e.formatSpec, f) : '';
  return formatValue(v, spec);
}
