// set and frozenset methods: add remove discard pop clear copy, union intersection difference
// symmetric_difference (+ _update variants), issubset issuperset isdisjoint, the operators
// | & - ^ (and in-place forms) and the subset comparisons.
import { Kwargs, NotImplemented, PyIterator, PySet, PyValue } from './objects';
import { pyErr, pyErrArgs } from './pyerrors';
import { T } from './types';
import { iterate } from './convert';
import { hashOf, setAdd, setDelete, setHas } from './hashing';
import { arg0, arg1, defMethods, noArgs, oneArg } from './method_args';
import { setLikeCompare } from './dict_views';
import type { CompareOperator } from './ast';

const isSet = (v: PyValue): v is PySet => v instanceof PySet;
const isMutable = (v: PyValue): v is PySet => v instanceof PySet && !v.frozen;

/** A set used as an element or key stands for the equal frozenset, as in CPython. */
const asKey = (x: PyValue): PyValue => (x instanceof PySet && !x.frozen ? frozenCopy(x) : x);

function frozenCopy(s: PySet): PySet {
  const f = new PySet(true);
  for (const [k, v] of s.map) f.map.set(k, v);
  return f;
}

function copyOf(s: PySet, frozen = s.frozen): PySet {
  const out = new PySet(frozen);
  for (const [k, v] of s.map) out.map.set(k, v);
  return out;
}

/** Any iterable as a set (sets are used as they are). */
function asSet(v: PyValue): PySet {
  if (v instanceof PySet) return v;
  const s = new PySet();
  const it = iterate(v);
  for (let r = it.next(); !r.done; r = it.next()) setAdd(s, r.value);
  return s;
}

function addAll(s: PySet, v: PyValue): void {
  const it = iterate(v);
  for (let r = it.next(); !r.done; r = it.next()) setAdd(s, r.value);
}

function keepOnly(s: PySet, other: PySet): void {
  for (const [k, v] of [...s.map]) if (!setHas(other, v)) s.map.delete(k);
}

function removeAll(s: PySet, other: PyValue): void {
  if (other === s) { s.map.clear(); return; }
  const it = iterate(other);
  for (let r = it.next(); !r.done; r = it.next()) setDelete(s, r.value);
}

function toggleAll(s: PySet, other: PyValue): void {
  const o = other === s ? copyOf(s) : asSet(other);
  for (const v of o.map.values()) if (!setDelete(s, v)) setAdd(s, v);
}

/** A live iterator over a set: RuntimeError if the set changes size meanwhile. */
function setIter(s: PySet): PyIterator {
  const n = s.size, it = s.map.values();
  return new PyIterator((function* () {
    for (;;) {
      if (s.size !== n) throw pyErr('RuntimeError', 'Set changed size during iteration');
      const r = it.next();
      if (r.done) return;
      yield r.value;
    }
  })(), 'set_iterator');
}

const subset = (s: PySet, o: PyValue) => { const other = asSet(o); return s.size <= other.size && [...s.map.values()].every((x) => setHas(other, x)); };
const superset = (s: PySet, o: PyValue) => { const other = asSet(o); return [...other.map.values()].every((x) => setHas(s, x)); };
const disjoint = (s: PySet, o: PyValue) => { const other = asSet(o); return ![...other.map.values()].some((x) => setHas(s, x)); };

type Op = 'union' | 'intersection' | 'difference' | 'symmetric_difference';

/** self op other into a new set of self's kind. */
function apply(op: Op, s: PySet, others: PyValue[], frozen = s.frozen): PySet {
  const out = copyOf(s, frozen);
  for (const o of others) {
    if (op === 'union') addAll(out, o);
    else if (op === 'intersection') keepOnly(out, asSet(o));
    else if (op === 'difference') removeAll(out, o);
    else toggleAll(out, o);
  }
  return out;
}

function operator(op: Op, reflected: boolean) {
  return (s: PySet, a: PyValue[], kw: Kwargs | null): PyValue => {
    const o = arg1(a, kw);
    if (!(o instanceof PySet)) return NotImplemented;
    return reflected ? apply(op, o, [s]) : apply(op, s, [o]);
  };
}

function inplace(op: Op) {
  return (s: PySet, a: PyValue[], kw: Kwargs | null): PyValue => {
    const o = arg1(a, kw);
    if (!(o instanceof PySet)) return NotImplemented;
    const r = apply(op, s, [o]);
    s.map.clear();
    for (const [k, v] of r.map) s.map.set(k, v);
    return s;
  };
}

function cmp(op: CompareOperator) {
  return (s: PySet, a: PyValue[], kw: Kwargs | null): PyValue => {
    const o = arg1(a, kw);
    return o instanceof PySet ? setLikeCompare(op, s, o) : NotImplemented;
  };
}

function updater(op: Op, name: string) {
  return (s: PySet, a: PyValue[], kw: Kwargs | null): PyValue => {
    if (kw && kw.size) throw pyErr('TypeError', `set.${name}() takes no keyword arguments`);
    const r = apply(op, s, a);
    s.map.clear();
    for (const [k, v] of r.map) s.map.set(k, v);
    return null;
  };
}

function installShared(): void {
  for (const cls of [T.set, T.frozenset]) {
    const name = cls.name;
    const multi = (op: Op) => (s: PySet, a: PyValue[], kw: Kwargs | null) => {
      if (kw && kw.size) throw pyErr('TypeError', `${name}.${op}() takes no keyword arguments`);
      return apply(op, s, a);
    };
    defMethods(cls, isSet, {
      copy: (s, a, kw) => { noArgs(`${name}.copy`, a, kw); return s.frozen ? s : copyOf(s); },
      union: multi('union'), intersection: multi('intersection'), difference: multi('difference'),
      symmetric_difference: (s, a, kw) => apply('symmetric_difference', s, [oneArg(`${name}.symmetric_difference`, a, kw)]),
      issubset: (s, a, kw) => subset(s, oneArg(`${name}.issubset`, a, kw)),
      issuperset: (s, a, kw) => superset(s, oneArg(`${name}.issuperset`, a, kw)),
      isdisjoint: (s, a, kw) => disjoint(s, oneArg(`${name}.isdisjoint`, a, kw)),
      __len__: (s, a, kw) => { arg0(a, kw); return BigInt(s.size); },
      __contains__: (s, a, kw) => setHas(s, asKey(arg1(a, kw))),
      __iter__: (s, a, kw) => { arg0(a, kw); return setIter(s); },
      __or__: operator('union', false), __ror__: operator('union', true),
      __and__: operator('intersection', false), __rand__: operator('intersection', true),
      __sub__: operator('difference', false), __rsub__: operator('difference', true),
      __xor__: operator('symmetric_difference', false), __rxor__: operator('symmetric_difference', true),
      __eq__: cmp('Eq'), __ne__: cmp('NotEq'), __lt__: cmp('Lt'), __le__: cmp('LtE'), __gt__: cmp('Gt'), __ge__: cmp('GtE'),
    });
  }
  defMethods(T.frozenset, isSet, { __hash__: (s, a, kw) => { arg0(a, kw); return hashOf(s); } });
}

export function installSet(): void {
  installShared();
  defMethods(T.set, isMutable, {
    add: (s, a, kw) => { setAdd(s, oneArg('set.add', a, kw)); return null; },
    remove: (s, a, kw) => {
      const x = oneArg('set.remove', a, kw);
      if (!setDelete(s, asKey(x))) throw pyErrArgs('KeyError', [x]);
      return null;
    },
    discard: (s, a, kw) => { setDelete(s, asKey(oneArg('set.discard', a, kw))); return null; },
    pop: (s, a, kw) => {
      noArgs('set.pop', a, kw);
      const first = s.map.entries().next();
      if (first.done) throw pyErrArgs('KeyError', ['pop from an empty set']);
      s.map.delete(first.value[0]);
      return first.value[1];
    },
    clear: (s, a, kw) => { noArgs('set.clear', a, kw); s.map.clear(); return null; },
    update: updater('union', 'update'),
    intersection_update: updater('intersection', 'intersection_update'),
    difference_update: updater('difference', 'difference_update'),
    symmetric_difference_update: (s, a, kw) => { toggleAll(s, oneArg('set.symmetric_difference_update', a, kw)); return null; },
    __ior__: inplace('union'), __iand__: inplace('intersection'), __isub__: inplace('difference'), __ixor__: inplace('symmetric_difference'),
  });
}
