// list and tuple methods: append extend insert remove pop index count sort reverse copy clear,
// and the sequence dunders of both.
import { Kwargs, NotImplemented, PyIterator, PyList, PyTuple, PyValue } from './objects';
import { pyErr } from './pyerrors';
import { T, typeOf } from './types';
import { compare, contains, eq } from './arith';
import { repr, toArray, toIndex, truthy } from './convert';
import { hashOf } from './hashing';
import { delitem, getitem, setitem } from './subscript';
import { sortValues } from './sorting';
import { adjustIndices, arg0, arg1, clinicArgs, defMethods, noArgs, oneArg, sliceArg } from './method_args';
import type { CompareOperator } from './ast';

const isList = (v: PyValue): v is PyList => v instanceof PyList;
const isTuple = (v: PyValue): v is PyTuple => v instanceof PyTuple;

/** Appends without spreading (a spread of a long array overflows the stack). */
function pushAll(to: PyValue[], from: readonly PyValue[]): void {
  for (let i = 0; i < from.length; i++) to.push(from[i]);
}

/** Index of x in items[start:stop] (CPython's clamped bounds), or -1. */
function indexIn(items: readonly PyValue[], a: PyValue[]): number {
  const [st, en] = adjustIndices(sliceArg(a[1], false), sliceArg(a[2], false), items.length);
  for (let i = st; i < Math.min(en, items.length); i++) if (items[i] === a[0] || eq(items[i], a[0])) return i;
  return -1;
}

function countIn(items: readonly PyValue[], x: PyValue): bigint {
  let n = 0n;
  for (const y of items) if (y === x || eq(y, x)) n++;
  return n;
}

function pop(l: PyList, a: PyValue[], kw: Kwargs | null): PyValue {
  clinicArgs('list.pop', a, kw, 0, 1);
  let i = a.length ? toIndex(a[0]) : -1;
  if (!l.items.length) throw pyErr('IndexError', 'pop from empty list');
  if (i < 0) i += l.items.length;
  if (i < 0 || i >= l.items.length) throw pyErr('IndexError', 'pop index out of range');
  return l.items.splice(i, 1)[0];
}

function insert(l: PyList, a: PyValue[], kw: Kwargs | null): null {
  clinicArgs('list.insert', a, kw, 2, 2);
  const n = l.items.length;
  let i = toIndex(a[0]);
  if (i < 0) i = Math.max(0, i + n);
  l.items.splice(Math.min(i, n), 0, a[1]);
  return null;
}

function sort(l: PyList, a: PyValue[], kw: Kwargs | null): null {
  if (a.length) throw pyErr('TypeError', 'sort() takes no positional arguments');
  for (const k of kw?.keys() ?? []) if (k !== 'key' && k !== 'reverse') throw pyErr('TypeError', `'${k}' is an invalid keyword argument for sort()`);
  const sorted = sortValues(l.items, kw?.get('key') ?? null, truthy(kw?.get('reverse') ?? false));
  l.items.length = 0;
  pushAll(l.items, sorted);
  return null;
}

/** A live iterator over a list, as CPython's list_iterator (sees appends, stops at the end). */
function listIter(l: PyList): PyIterator {
  return new PyIterator((function* () { for (let i = 0; i < l.items.length; i++) yield l.items[i]; })(), 'list_iterator');
}

function listRevIter(l: PyList): PyIterator {
  return new PyIterator((function* () {
    for (let i = l.items.length - 1; i >= 0 && i < l.items.length; i--) yield l.items[i];
  })(), 'list_reverseiterator');
}

/** Rich comparison with another sequence of the same type, else NotImplemented. */
function seqCmp<S>(op: CompareOperator, same: (v: PyValue) => v is S & PyValue) {
  return (self: PyValue, a: PyValue[], kw: Kwargs | null): PyValue => {
    const o = arg1(a, kw);
    if (!same(o)) return NotImplemented;
    // == and != go through eq(): compare() would come back here through __ne__.
    return op === 'Eq' ? eq(self, o) : op === 'NotEq' ? !eq(self, o) : compare(op, self, o);
  };
}

function repeat(items: readonly PyValue[], n: PyValue): PyValue[] {
  const out: PyValue[] = [];
  for (let i = toIndex(n); i > 0; i--) pushAll(out, items);
  return out;
}

function installList(): void {
  defMethods(T.list, isList, {
    append: (l, a, kw) => { l.items.push(oneArg('list.append', a, kw)); return null; },
    extend: (l, a, kw) => { pushAll(l.items, toArray(oneArg('list.extend', a, kw))); return null; },
    insert,
    remove: (l, a, kw) => {
      const i = indexIn(l.items, [oneArg('list.remove', a, kw)]);
      if (i < 0) throw pyErr('ValueError', 'list.remove(x): x not in list');
      l.items.splice(i, 1);
      return null;
    },
    pop,
    index: (l, a, kw) => {
      clinicArgs('list.index', a, kw, 1, 3);
      const i = indexIn(l.items, a);
      if (i < 0) throw pyErr('ValueError', `${repr(a[0])} is not in list`);
      return BigInt(i);
    },
    count: (l, a, kw) => countIn(l.items, oneArg('list.count', a, kw)),
    sort,
    reverse: (l, a, kw) => { noArgs('list.reverse', a, kw); l.items.reverse(); return null; },
    copy: (l, a, kw) => { noArgs('list.copy', a, kw); return new PyList(l.items.slice()); },
    clear: (l, a, kw) => { noArgs('list.clear', a, kw); l.items.length = 0; return null; },
    __len__: (l, a, kw) => { arg0(a, kw); return BigInt(l.items.length); },
    __getitem__: (l, a, kw) => getitem(l, oneArg('list.__getitem__', a, kw)),
    __setitem__: (l, a, kw) => { clinicArgs('list.__setitem__', a, kw, 2, 2); setitem(l, a[0], a[1]); return null; },
    __delitem__: (l, a, kw) => { delitem(l, arg1(a, kw)); return null; },
    __contains__: (l, a, kw) => contains(l, arg1(a, kw)),
    __iter__: (l, a, kw) => { arg0(a, kw); return listIter(l); },
    __reversed__: (l, a, kw) => { noArgs('list.__reversed__', a, kw); return listRevIter(l); },
    __add__: (l, a, kw) => {
      const o = arg1(a, kw);
      if (!(o instanceof PyList)) throw pyErr('TypeError', `can only concatenate list (not "${typeOf(o).name}") to list`);
      return new PyList(l.items.concat(o.items));
    },
    __iadd__: (l, a, kw) => { pushAll(l.items, toArray(arg1(a, kw))); return l; },
    __mul__: (l, a, kw) => new PyList(repeat(l.items, arg1(a, kw))),
    __rmul__: (l, a, kw) => new PyList(repeat(l.items, arg1(a, kw))),
    __imul__: (l, a, kw) => {
      const r = repeat(l.items, arg1(a, kw));
      l.items.length = 0;
      pushAll(l.items, r);
      return l;
    },
    __eq__: seqCmp('Eq', isList), __ne__: seqCmp('NotEq', isList), __lt__: seqCmp('Lt', isList),
    __le__: seqCmp('LtE', isList), __gt__: seqCmp('Gt', isList), __ge__: seqCmp('GtE', isList),
  });
}

function installTuple(): void {
  defMethods(T.tuple, isTuple, {
    index: (t, a, kw) => {
      clinicArgs('tuple.index', a, kw, 1, 3);
      const i = indexIn(t.items, a);
      if (i < 0) throw pyErr('ValueError', 'tuple.index(x): x not in tuple');
      return BigInt(i);
    },
    count: (t, a, kw) => countIn(t.items, oneArg('tuple.count', a, kw)),
    __len__: (t, a, kw) => { arg0(a, kw); return BigInt(t.items.length); },
    __getitem__: (t, a, kw) => getitem(t, arg1(a, kw)),
    __contains__: (t, a, kw) => contains(t, arg1(a, kw)),
    __iter__: (t, a, kw) => { arg0(a, kw); return new PyIterator(t.items[Symbol.iterator](), 'tuple_iterator'); },
    __add__: (t, a, kw) => {
      const o = arg1(a, kw);
      if (!(o instanceof PyTuple)) throw pyErr('TypeError', `can only concatenate tuple (not "${typeOf(o).name}") to tuple`);
      return new PyTuple(t.items.concat(o.items));
    },
    __mul__: (t, a, kw) => new PyTuple(repeat(t.items, arg1(a, kw))),
    __rmul__: (t, a, kw) => new PyTuple(repeat(t.items, arg1(a, kw))),
    __hash__: (t, a, kw) => { arg0(a, kw); return hashOf(t); },
    __eq__: seqCmp('Eq', isTuple), __ne__: seqCmp('NotEq', isTuple), __lt__: seqCmp('Lt', isTuple),
    __le__: seqCmp('LtE', isTuple), __gt__: seqCmp('Gt', isTuple), __ge__: seqCmp('GtE', isTuple),
  });
}

export function installListTuple(): void {
  installList();
  installTuple();
}
