// dict methods: keys values items get setdefault pop popitem update copy clear fromkeys,
// `|` and `|=`, and the mapping dunders.
import { Kwargs, NotImplemented, PyClass, PyDict, PyError, PyList, PyTuple, PyValue } from './objects';
import { excIs, pyErr, pyErrArgs } from './pyerrors';
import { T } from './types';
import { callValue, getattrOpt } from './attrs';
import { eq } from './arith';
import { iterate, toArray } from './convert';
import { dictDelete, dictGet, dictHas, dictSet } from './hashing';
import { getitem, setitem } from './subscript';
import { arg0, arg1, clinicArgs, defClassMethods, defMethods, noArgs } from './method_args';
import { DictItems, DictKeys, DictValues, dictIter, dictRevIter, installDictViews } from './dict_views';

const isDict = (v: PyValue): v is PyDict => v instanceof PyDict;

/** One element of an update sequence as a key/value pair, with CPython's errors. */
function pairOf(item: PyValue, i: number): [PyValue, PyValue] {
  let kv: PyValue[];
  try { kv = toArray(item); } catch (e) {
    if (e instanceof PyError && excIs(e.exc, 'TypeError')) throw pyErr('TypeError', `cannot convert dictionary update sequence element #${i} to a sequence`);
    throw e;
  }
  if (kv.length !== 2) throw pyErr('ValueError', `dictionary update sequence element #${i} has length ${kv.length}; 2 is required`);
  return [kv[0], kv[1]];
}

/** d.update(src): a dict, a mapping with keys(), or an iterable of pairs. */
export function updateDict(d: PyDict, src: PyValue): void {
  if (src instanceof PyDict) {
    for (const [k, v] of [...src.map.values()]) dictSet(d, k, v);
    return;
  }
  const keys = src !== null && typeof src === 'object' && !(src instanceof PyList) && !(src instanceof PyTuple) ? getattrOpt(src, 'keys') : undefined;
  if (keys !== undefined) {
    for (const k of toArray(callValue(keys, []))) dictSet(d, k, getitem(src, k));
    return;
  }
  let i = 0;
  const it = iterate(src);
  for (let r = it.next(); !r.done; r = it.next(), i++) {
    const [k, v] = pairOf(r.value, i);
    dictSet(d, k, v);
  }
}

function copyDict(d: PyDict): PyDict {
  const out = new PyDict();
  for (const [s, e] of d.map) out.map.set(s, [e[0], e[1]]);
  return out;
}

function pop(d: PyDict, a: PyValue[], kw: Kwargs | null): PyValue {
  clinicArgs('dict.pop', a, kw, 1, 2);
  const v = dictGet(d, a[0]);
  if (v === undefined) {
    if (a.length > 1) return a[1];
    throw pyErrArgs('KeyError', [a[0]]);
  }
  dictDelete(d, a[0]);
  return v;
}

function popitem(d: PyDict, a: PyValue[], kw: Kwargs | null): PyValue {
  noArgs('dict.popitem', a, kw);
  let last: [string | object, [PyValue, PyValue]] | undefined;
  for (const e of d.map) last = e;
  if (!last) throw pyErrArgs('KeyError', ['popitem(): dictionary is empty']);
  d.map.delete(last[0]);
  return new PyTuple(last[1]);
}

function update(d: PyDict, a: PyValue[], kw: Kwargs | null): null {
  if (a.length > 1) throw pyErr('TypeError', `update expected at most 1 argument, got ${a.length}`);
  if (a.length) updateDict(d, a[0]);
  for (const [k, v] of kw ?? []) dictSet(d, k, v);
  return null;
}

function fromkeys(cls: PyClass, a: PyValue[], kw: Kwargs | null): PyValue {
  clinicArgs('dict.fromkeys', a, kw, 1, 2);
  const value = a.length > 1 ? a[1] : null;
  if (cls === T.dict) {
    const d = new PyDict();
    for (const k of toArray(a[0])) dictSet(d, k, value);
    return d;
  }
  const d = callValue(cls, []);
  for (const k of toArray(a[0])) setitem(d, k, value);
  return d;
}

function dictEq(d: PyDict, o: PyValue): PyValue {
  if (!(o instanceof PyDict)) return NotImplemented;
  if (d.size !== o.size) return false;
  for (const [s, [, v]] of d.map) {
    const w = o.map.get(s);
    if (!w || !(w[1] === v || eq(v, w[1]))) return false;
  }
  return true;
}

export function installDict(): void {
  installDictViews();
  defMethods(T.dict, isDict, {
    keys: (d, a, kw) => { noArgs('dict.keys', a, kw); return new DictKeys(d); },
    values: (d, a, kw) => { noArgs('dict.values', a, kw); return new DictValues(d); },
    items: (d, a, kw) => { noArgs('dict.items', a, kw); return new DictItems(d); },
    get: (d, a, kw) => { clinicArgs('dict.get', a, kw, 1, 2); return dictGet(d, a[0]) ?? (a.length > 1 ? a[1] : null); },
    setdefault: (d, a, kw) => {
      clinicArgs('dict.setdefault', a, kw, 1, 2);
      const have = dictGet(d, a[0]);
      if (have !== undefined) return have;
      const v = a.length > 1 ? a[1] : null;
      dictSet(d, a[0], v);
      return v;
    },
    pop, popitem, update,
    copy: (d, a, kw) => { noArgs('dict.copy', a, kw); return copyDict(d); },
    clear: (d, a, kw) => { noArgs('dict.clear', a, kw); d.map.clear(); return null; },
    __len__: (d, a, kw) => { arg0(a, kw); return BigInt(d.size); },
    __getitem__: (d, a, kw) => getitem(d, arg1(a, kw)),
    __setitem__: (d, a, kw) => { clinicArgs('dict.__setitem__', a, kw, 2, 2); dictSet(d, a[0], a[1]); return null; },
    __delitem__: (d, a, kw) => { const k = arg1(a, kw); if (!dictDelete(d, k)) throw pyErrArgs('KeyError', [k]); return null; },
    __contains__: (d, a, kw) => dictHas(d, arg1(a, kw)),
    __iter__: (d, a, kw) => { arg0(a, kw); return dictIter(d, 'keys'); },
    __reversed__: (d, a, kw) => { noArgs('dict.__reversed__', a, kw); return dictRevIter(d, 'keys'); },
    __eq__: (d, a, kw) => dictEq(d, arg1(a, kw)),
    __ne__: (d, a, kw) => { const r = dictEq(d, arg1(a, kw)); return r === NotImplemented ? r : !r; },
    __or__: (d, a, kw) => { const o = arg1(a, kw); if (!(o instanceof PyDict)) return NotImplemented; const r = copyDict(d); updateDict(r, o); return r; },
    __ror__: (d, a, kw) => { const o = arg1(a, kw); if (!(o instanceof PyDict)) return NotImplemented; const r = copyDict(o); updateDict(r, d); return r; },
    __ior__: (d, a, kw) => { updateDict(d, arg1(a, kw)); return d; },
  });
  defClassMethods(T.dict, { fromkeys });
}

