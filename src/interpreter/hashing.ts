// Dict and set keys: a canonical Map key per Python value, honouring Python equality
// (1 == 1.0 == True, tuples by content) and user __hash__/__eq__.
import { PyDict, PySet, PyTuple, PyValue } from './objects';
import { pyErr } from './pyerrors';
import { T, typeOf } from './types';
import { callMethod } from './attrs';
import { truthy } from './convert';
import { scalarKey } from './npscalar';

/** The Map key standing for a Python value, or throws TypeError for unhashable values. */
export function keyOf(v: PyValue): string | object {
  switch (typeof v) {
    case 'string': return 's' + v;
    case 'bigint': return 'n' + v.toString();
    case 'boolean': return v ? 'n1' : 'n0';
    case 'number': return numKey(v);
    case 'symbol': return idKey(v);
    case 'object': {
      if (v === null) return 'N';
      if (v instanceof PyTuple) return 't' + JSON.stringify(v.items.map((x) => { const k = keyOf(x); return typeof k === 'string' ? k : idKey(k); }));
      if (v instanceof PySet && v.frozen) return 'F' + JSON.stringify([...v.map.keys()].map((k) => (typeof k === 'string' ? k : idKey(k))).sort());
      const sk = scalarKey(v);
      if (sk !== null) return typeof sk === 'number' ? numKey(sk) : sk;
      const t = typeOf(v);
      const h = t.lookup('__hash__');
      // A class that defines __eq__ without __hash__ gets __hash__ = None, as in Python 3.
      if (h === null) throw pyErr('TypeError', `unhashable type: '${t.name}'`);
      if (h === undefined || h === T.object.dict.get('__hash__')) return v;
      return 'h' + String(callMethod(v, '__hash__', []));
    }
    default: return v as object;
  }
}

function numKey(v: number): string {
  if (Number.isInteger(v)) return 'n' + BigInt(v).toString();
  return 'f' + v;
}

const ids = new WeakMap<object, number>();
let nextId = 1;
/** A stable number for an object, for keys of tuples that contain objects and for id(). */
export function idKey(o: object | symbol): string {
  if (typeof o === 'symbol') return 'y' + String(o.description);
  let i = ids.get(o);
  if (i === undefined) { i = nextId++; ids.set(o, i); }
  return 'o' + i;
}

/** id(obj): a stable, unique number per object. */
export function objectId(o: PyValue): number {
  if (o === null || typeof o !== 'object') return 0;
  idKey(o);
  return 0x7f0000000000 + ids.get(o)! * 16;
}

/** Whether two keys' values are equal when they share a user hash. */
function sameUserKey(a: PyValue, b: PyValue): boolean {
  if (a === b) return true;
  const eq = typeOf(a).lookup('__eq__');
  if (eq === undefined) return false;
  return truthy(callMethod(a, '__eq__', [b]));
}

/** The slot a key uses in `map`: probing past user-hash collisions of unequal keys. */
function slotFor<V>(map: Map<string | object, V>, key: PyValue, get: (v: V) => PyValue): string | object {
  const k = keyOf(key);
  if (typeof k !== 'string' || k[0] !== 'h') return k;
  for (let i = 0; ; i++) {
    const s = i === 0 ? k : `${k}#${i}`;
    const e = map.get(s);
    if (e === undefined || sameUserKey(get(e), key)) return s;
  }
}

export function dictGet(d: PyDict, key: PyValue): PyValue | undefined {
  return d.map.get(slotFor(d.map, key, (e) => e[0]))?.[1];
}

export function dictSet(d: PyDict, key: PyValue, value: PyValue): void {
  const s = slotFor(d.map, key, (e) => e[0]);
  const e = d.map.get(s);
  if (e) e[1] = value; else d.map.set(s, [key, value]);
}

export function dictDelete(d: PyDict, key: PyValue): boolean {
  return d.map.delete(slotFor(d.map, key, (e) => e[0]));
}

export function dictHas(d: PyDict, key: PyValue): boolean {
  return d.map.has(slotFor(d.map, key, (e) => e[0]));
}

export function setAdd(s: PySet, v: PyValue): void {
  const k = slotFor(s.map, v, (e) => e);
  if (!s.map.has(k)) s.map.set(k, v);
}

export function setHas(s: PySet, v: PyValue): boolean {
  return s.map.has(slotFor(s.map, v, (e) => e));
}

export function setDelete(s: PySet, v: PyValue): boolean {
  return s.map.delete(slotFor(s.map, v, (e) => e));
}

/** A dict from JS entries. */
export function makeDict(entries: Iterable<[PyValue, PyValue]>): PyDict {
  const d = new PyDict();
  for (const [k, v] of entries) dictSet(d, k, v);
  return d;
}

/** hash(v) for the hash() built-in: equal values hash equal. */
export function hashOf(v: PyValue): bigint {
  const k = keyOf(v);
  if (typeof k === 'string' && k[0] === 'n') {
    const n = BigInt(k.slice(1));
    const m = (1n << 61n) - 1n;
    const r = (n < 0n ? -n : n) % m;
    return n < 0n ? (r === 1n ? -2n : -r) : r;
  }
  // A user __hash__ is the hash (its key is 'h' + the value).
  if (typeof k === 'string' && k[0] === 'h') return BigInt(k.slice(1));
  const s = typeof k === 'string' ? k : idKey(k);
  let h = 0n;
  for (let i = 0; i < s.length; i++) h = (h * 1000003n + BigInt(s.charCodeAt(i))) & ((1n << 61n) - 1n);
  return h;
}
