// Assignment targets: names, attributes, subscripts, (starred) unpacking; augmented
// assignment; del.
import type * as A from './ast';
import { Cell, PyList, PyTuple, PyValue, UNBOUND } from './objects';
import { pyErr } from './pyerrors';
import type { Evaluator } from './evaluator';
import type { Frame } from './frame';
import { delattr, getattr, setattr } from './attrs';
import { inplace } from './arith';
import { iterate } from './convert';
import { delitem, getitem, setitem } from './subscript';
import { evalExpr, evalIndex, loadName } from './expr';
import { typeOf } from './types';

/** Binds a name in frame f, by its resolved access or, for synthetic names, by scope rules. */
export function storeName(f: Frame, n: A.Name | string, v: PyValue): void {
  const name = typeof n === 'string' ? n : n.id;
  const acc = typeof n === 'string' ? undefined : f.info.access.get(n);
  if (acc) {
    if (acc.kind === 'fast') { f.slots[acc.slot] = v; return; }
    if (acc.kind === 'cell') { (f.slots[acc.slot] as Cell).value = v; return; }
    if (acc.kind === 'global') { f.globals.set(name, v); return; }
    (f.ns ?? f.globals).set(name, v);
    return;
  }
  const slot = f.info.slotOf.get(name);
  if (slot !== undefined) {
    if (f.info.cellSlots.has(slot)) (f.slots[slot] as Cell).value = v; else f.slots[slot] = v;
    return;
  }
  (f.ns ?? f.globals).set(name, v);
}

export function assignTo(ev: Evaluator, t: A.Expr, v: PyValue, f: Frame): void {
  switch (t.kind) {
    case 'Name': storeName(f, t, v); return;
    case 'Attribute': setattr(evalExpr(ev, t.value, f), t.attr, v); return;
    case 'Subscript': setitem(evalExpr(ev, t.value, f), evalIndex(ev, t.slice, f), v); return;
    case 'Tuple': case 'List': unpack(ev, t.elts, v, f); return;
    case 'Starred': throw pyErr('SyntaxError', 'starred assignment target must be in a list or tuple');
    default: throw pyErr('SyntaxError', `cannot assign to ${t.kind}`);
  }
}

function unpack(ev: Evaluator, targets: A.Expr[], v: PyValue, f: Frame): void {
  const items = v instanceof PyTuple || v instanceof PyList ? v.items : collect(v);
  const star = targets.findIndex((t) => t.kind === 'Starred');
  if (star < 0) {
    if (items.length > targets.length) throw pyErr('ValueError', `too many values to unpack (expected ${targets.length})`);
    if (items.length < targets.length) throw pyErr('ValueError', `not enough values to unpack (expected ${targets.length}, got ${items.length})`);
    for (let i = 0; i < targets.length; i++) assignTo(ev, targets[i], items[i], f);
    return;
  }
  const after = targets.length - star - 1;
  if (items.length < targets.length - 1) throw pyErr('ValueError', `not enough values to unpack (expected at least ${targets.length - 1}, got ${items.length})`);
  for (let i = 0; i < star; i++) assignTo(ev, targets[i], items[i], f);
  assignTo(ev, (targets[star] as A.Starred).value, new PyList(items.slice(star, items.length - after)), f);
  for (let i = 0; i < after; i++) assignTo(ev, targets[star + 1 + i], items[items.length - after + i], f);
}

function collect(v: PyValue): PyValue[] {
  const out: PyValue[] = [];
  let it: Iterator<PyValue>;
  try { it = iterate(v); } catch {
    throw pyErr('TypeError', `cannot unpack non-iterable ${typeName(v)} object`);
  }
  for (let r = it.next(); !r.done; r = it.next()) out.push(r.value);
  return out;
}

const typeName = (v: PyValue) => typeOf(v).name;

/** target op= value, evaluating the target's parts once. */
export function augAssign(ev: Evaluator, s: A.AugAssign, f: Frame): void {
  const t = s.target;
  if (t.kind === 'Name') {
    const cur = loadName(ev, t, f);
    const v = evalExpr(ev, s.value, f);
    f.node = s;
    storeName(f, t, inplace(s.op, cur, v));
  } else if (t.kind === 'Attribute') {
    const obj = evalExpr(ev, t.value, f);
    const cur = getattr(obj, t.attr);
    const v = evalExpr(ev, s.value, f);
    f.node = s;
    setattr(obj, t.attr, inplace(s.op, cur, v));
  } else {
    const obj = evalExpr(ev, t.value, f), key = evalIndex(ev, t.slice, f);
    const cur = getitem(obj, key);
    const v = evalExpr(ev, s.value, f);
    f.node = s;
    setitem(obj, key, inplace(s.op, cur, v));
  }
}

export function deleteTarget(ev: Evaluator, t: A.Expr, f: Frame): void {
  switch (t.kind) {
    case 'Name': {
      const acc = f.info.access.get(t);
      if (acc?.kind === 'fast' || acc?.kind === 'cell') {
        const cur = acc.kind === 'fast' ? f.slots[acc.slot] : (f.slots[acc.slot] as Cell).value;
        if (cur === UNBOUND) throw pyErr('UnboundLocalError', `cannot access local variable '${t.id}' where it is not associated with a value`);
        if (acc.kind === 'fast') f.slots[acc.slot] = UNBOUND; else (f.slots[acc.slot] as Cell).value = UNBOUND;
        return;
      }
      const ns = acc?.kind === 'global' ? f.globals : f.ns ?? f.globals;
      if (!ns.delete(t.id)) throw pyErr('NameError', `name '${t.id}' is not defined`);
      return;
    }
    case 'Attribute': delattr(evalExpr(ev, t.value, f), t.attr); return;
    case 'Subscript': delitem(evalExpr(ev, t.value, f), evalIndex(ev, t.slice, f)); return;
    case 'Tuple': case 'List': for (const e of t.elts) deleteTarget(ev, e, f); return;
    default: throw pyErr('SyntaxError', `cannot delete ${t.kind}`);
  }
}
