// dict.keys() / values() / items(): live views with len, iteration, `in`, reversed, repr,
// and for keys and items the set operations and comparisons.
import { Kwargs, NotImplemented, PyDict, PyIterator, PySet, PyTuple, PyValue } from './objects';
import { pyErr } from './pyerrors';
import { eq } from './arith';
import { iterate, repr } from './convert';
import { dictGet, dictHas, setAdd, setDelete, setHas } from './hashing';
import { nativeClass } from './native';
import { arg0, arg1, defMethods, oneArg } from './method_args';
import type { CompareOperator } from './ast';

type ViewKind = 'keys' | 'values' | 'items';

/** A live view of a dict. */
export abstract class DictView {
  abstract readonly kind: ViewKind;
  constructor(readonly d: PyDict) {}
}
export class DictKeys extends DictView { readonly kind = 'keys'; }
export class DictValues extends DictView { readonly kind = 'values'; }
export class DictItems extends DictView { readonly kind = 'items'; }

const KEYS = nativeClass('dict_keys', { ctors: [DictKeys] });
const VALUES = nativeClass('dict_values', { ctors: [DictValues] });
const ITEMS = nativeClass('dict_items', { ctors: [DictItems] });

const entryValue = (kind: ViewKind, [k, v]: [PyValue, PyValue]): PyValue => (kind === 'keys' ? k : kind === 'values' ? v : new PyTuple([k, v]));

/** A live iterator over a dict: RuntimeError if the dict changes size meanwhile. */
export function dictIter(d: PyDict, kind: ViewKind): PyIterator {
  const n = d.size;
  const it = d.map.values();
  return new PyIterator((function* () {
    for (;;) {
      if (d.size !== n) throw pyErr('RuntimeError', 'dictionary changed size during iteration');
      const r = it.next();
      if (r.done) return;
      yield entryValue(kind, r.value);
    }
  })(), `dict_${kind.slice(0, -1)}iterator`);
}

/** A reverse iterator over a dict (a snapshot; CPython raises if the dict changes size). */
export function dictRevIter(d: PyDict, kind: ViewKind): PyIterator {
  const entries = [...d.map.values()].reverse();
  return new PyIterator(entries.map((e) => entryValue(kind, e))[Symbol.iterator](), `dict_reverse${kind.slice(0, -1)}iterator`);
}

function viewContains(v: DictView, x: PyValue): boolean {
  if (v.kind === 'keys') return dictHas(v.d, x);
  if (v.kind === 'values') { for (const [, y] of v.d.map.values()) if (y === x || eq(y, x)) return true; return false; }
  if (!(x instanceof PyTuple) || x.items.length !== 2) return false;
  const have = dictGet(v.d, x.items[0]);
  return have !== undefined && (have === x.items[1] || eq(have, x.items[1]));
}

/** The items of a set-like operand as a set. */
function toSet(v: PyValue): PySet {
  const s = new PySet();
  const it = iterate(v);
  for (let r = it.next(); !r.done; r = it.next()) setAdd(s, r.value);
  return s;
}

type SetOp = 'or' | 'and' | 'sub' | 'xor';

/** `left op right` where at least one side is a view: a new set built from left. */
function setOp(op: SetOp, left: PyValue, right: PyValue): PySet {
  const out = toSet(left), other = toSet(right);
  if (op === 'or') for (const x of other.map.values()) setAdd(out, x);
  else if (op === 'sub') for (const x of other.map.values()) setDelete(out, x);
  else if (op === 'and') { for (const x of [...out.map.values()]) if (!setHas(other, x)) setDelete(out, x); }
  else for (const x of other.map.values()) if (!setDelete(out, x)) setAdd(out, x);
  return out;
}

const isSetLike = (v: PyValue) => v instanceof PySet || v instanceof DictKeys || v instanceof DictItems;

/** Size of a set-like operand and a membership test on it. */
function setLike(v: PyValue): [number, (x: PyValue) => boolean] {
  if (v instanceof PySet) return [v.size, (x) => setHas(v, x)];
  const dv = v as DictView;
  return [dv.d.size, (x) => viewContains(dv, x)];
}

function items(v: PyValue): PyValue[] {
  if (v instanceof PySet) return [...v.map.values()];
  const out: PyValue[] = [];
  const it = iterate(v);
  for (let r = it.next(); !r.done; r = it.next()) out.push(r.value);
  return out;
}

/** Set comparison of two set-like values (views, sets, frozensets). */
export function setLikeCompare(op: CompareOperator, a: PyValue, b: PyValue): boolean {
  const [na] = setLike(a), [nb, inB] = setLike(b);
  const [, inA] = setLike(a);
  const aInB = () => items(a).every(inB);
  const bInA = () => items(b).every(inA);
  switch (op) {
    case 'Eq': return na === nb && aInB();
    case 'NotEq': return !(na === nb && aInB());
    case 'LtE': return na <= nb && aInB();
    case 'Lt': return na < nb && aInB();
    case 'GtE': return na >= nb && bInA();
    case 'Gt': return na > nb && bInA();
    default: return false;
  }
}

function cmp(op: CompareOperator) {
  return (v: DictView, a: PyValue[], kw: Kwargs | null): PyValue => {
    const o = arg1(a, kw);
    return isSetLike(o) ? setLikeCompare(op, v, o) : NotImplemented;
  };
}

function binary(op: SetOp, reflected: boolean) {
  return (v: DictView, a: PyValue[], kw: Kwargs | null): PyValue => {
    const o = arg1(a, kw);
    try { iterate(o); } catch { return NotImplemented; }
    return reflected ? setOp(op, o, v) : setOp(op, v, o);
  };
}

const isView = (v: PyValue): v is DictView => v instanceof DictView;

export function installDictViews(): void {
  for (const cls of [KEYS, VALUES, ITEMS]) {
    defMethods(cls, isView, {
      __len__: (v, a, kw) => { arg0(a, kw); return BigInt(v.d.size); },
      __iter__: (v, a, kw) => { arg0(a, kw); return dictIter(v.d, v.kind); },
      __reversed__: (v, a, kw) => { arg0(a, kw); return dictRevIter(v.d, v.kind); },
      __contains__: (v, a, kw) => viewContains(v, arg1(a, kw)),
      __repr__: (v, a, kw) => { arg0(a, kw); return `dict_${v.kind}([${[...v.d.map.values()].map((e) => repr(entryValue(v.kind, e))).join(', ')}])`; },
    });
  }
  for (const cls of [KEYS, ITEMS]) {
    defMethods(cls, isView, {
      __or__: binary('or', false), __ror__: binary('or', true), __and__: binary('and', false), __rand__: binary('and', true),
      __sub__: binary('sub', false), __rsub__: binary('sub', true), __xor__: binary('xor', false), __rxor__: binary('xor', true),
      __eq__: cmp('Eq'), __ne__: cmp('NotEq'), __lt__: cmp('Lt'), __le__: cmp('LtE'), __gt__: cmp('Gt'), __ge__: cmp('GtE'),
      isdisjoint: (v, a, kw) => { const o = oneArg(`dict_${v.kind}.isdisjoint`, a, kw); return !items(o).some((x) => viewContains(v, x)); },
    });
    cls.dict.set('__hash__', null);
  }
}
