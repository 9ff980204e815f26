// copy: shallow and deep copies of containers, user-class instances, exceptions and arrays,
// honouring __copy__ / __deepcopy__(memo) and __getstate__ / __setstate__. Objects whose state
// lives in JS (engine types) are copied only if their class defines __copy__ / __deepcopy__.
import { NDArray } from '../../engine/ndarray';
import { BoundMethod, Cell, PyBuiltin, PyClass, PyDict, PyInstance, PyList, PyModule, PyObject, PyProperty, PyRange, PySet, PySlice, PyTuple, PyValue } from '../objects';
import { PyFunction } from '../function';
import { PyException, excClass, pyErr } from '../pyerrors';
import { makeClass, typeOf } from '../types';
import { callMethod, instanceDict, objectNew } from '../attrs';
import { dictGet, dictSet, objectId, setAdd } from '../hashing';
import { NpScalar } from '../npscalar';
import { builtin, makeModule, parseArgs } from '../native';
import { NamedTupleObj } from './namedtuple';
import { Deque } from './deque';
import { PyDictObject, PySetObject } from './weakref';
import { DefaultDict } from './collections_dicts';

/** Values copy and deepcopy return as they are. */
function atomic(x: PyValue): boolean {
  return x === null || typeof x !== 'object' || x instanceof PyClass || x instanceof PyFunction || x instanceof PyBuiltin
    || x instanceof BoundMethod || x instanceof PyModule || x instanceof PyRange || x instanceof PySlice
    || x instanceof PyProperty || x instanceof Cell || x instanceof NpScalar || (x instanceof PySet && x.frozen && typeOf(x).name === 'frozenset')
    || x instanceof Uint8Array;
}

/** An instance whose whole state is its attribute dict: copied through __new__ and the dict. */
function plainInstance(x: PyValue): x is PyObject {
  if (x instanceof PyException) return true;
  return x instanceof PyInstance && Object.getPrototypeOf(x) === PyInstance.prototype;
}

function noCopy(x: PyValue): never {
  throw pyErr('TypeError', `cannot pickle '${typeOf(x).name}' object (Gradscope copies containers, arrays and instances of Python classes; this type defines no __copy__/__deepcopy__)`);
}

/** A new object of x's kind (via __new__) whose state is x's, passed through `state`. */
function rebuild(x: PyObject, state: (v: PyValue) => PyValue, register: (y: PyValue) => void): PyValue {
  const exc = x instanceof PyException;
  const y = exc ? new PyException(x.cls, x.args.map(state)) : objectNew(x.cls);
  register(y);
  const t = typeOf(x);
  const d = instanceDict(x);
  const st = t.lookup('__getstate__') !== undefined ? state(callMethod(x, '__getstate__', [])) : dictOf(d, exc, state);
  if (t.lookup('__setstate__') !== undefined) {
    callMethod(y, '__setstate__', [st]);
    return y;
  }
  const yd = instanceDict(y);
  if (!(st instanceof PyDict) || !yd) return y;
  for (const [k, v] of st.map.values()) yd.set(String(k), v);
  return y;
}

/** The instance dict as a dict of copied values (an exception's args travel separately). */
function dictOf(d: Map<string, PyValue> | null, exc: boolean, state: (v: PyValue) => PyValue): PyDict {
  const out = new PyDict();
  for (const [k, v] of d ?? []) if (!(exc && k === 'args')) dictSet(out, k, state(v));
  return out;
}

/** copy.copy. */
export function shallowCopy(x: PyValue): PyValue {
  if (atomic(x)) return x;
  const t = typeOf(x);
  if (t.lookup('__copy__') !== undefined) return callMethod(x, '__copy__', []);
  if (x instanceof PyList) return new PyList(x.items.slice());
  if (x instanceof PyTuple) return x instanceof NamedTupleObj ? new NamedTupleObj(x.cls, x.items) : x;
  if (x instanceof PyDict && !(x instanceof PyDictObject)) { const d = new PyDict(); for (const [s, e] of x.map) d.map.set(s, [e[0], e[1]]); return d; }
  if (x instanceof PySet && !(x instanceof PySetObject)) { const s = new PySet(x.frozen); for (const [k, v] of x.map) s.map.set(k, v); return s; }
  if (x instanceof NDArray) return x.copy();
  if (plainInstance(x)) return rebuild(x, (v) => v, () => undefined);
  return noCopy(x);
}

/** copy.deepcopy with a memo dict keyed by id(). */
export function deepCopy(x: PyValue, memo: PyDict): PyValue {
  if (atomic(x)) return x;
  const id = BigInt(objectId(x));
  const seen = dictGet(memo, id);
  if (seen !== undefined) return seen;
  const keep = (y: PyValue) => { dictSet(memo, id, y); return y; };
  const deep = (v: PyValue) => deepCopy(v, memo);
  if (typeOf(x).lookup('__deepcopy__') !== undefined) return keep(callMethod(x, '__deepcopy__', [memo]));
  if (x instanceof PyList) {
    const y = keep(new PyList([])) as PyList;
    for (const v of x.items) y.items.push(deep(v));
    return y;
  }
  if (x instanceof PyTuple) {
    const items = x.items.map(deep);
    const again = dictGet(memo, id);
    if (again !== undefined) return again;
    if (x instanceof NamedTupleObj) return keep(new NamedTupleObj(x.cls, items));
    return keep(items.every((v, i) => v === x.items[i]) ? x : new PyTuple(items));
  }
  if (x instanceof PyDict) {
    const y = keep(x instanceof DefaultDict ? new DefaultDict(x.cls) : x instanceof PyDictObject ? new PyDictObject(x.cls) : new PyDict()) as PyDict;
    if (x instanceof DefaultDict) (y as DefaultDict).factory = deep(x.factory);
    for (const [k, v] of [...x.map.values()]) dictSet(y, deep(k), deep(v));
    return y;
  }
  if (x instanceof PySet) {
    const y = keep(x instanceof PySetObject ? new PySetObject(x.cls) : new PySet(x.frozen)) as PySet;
    for (const v of [...x.map.values()]) setAdd(y, deep(v));
    return y;
  }
  if (x instanceof Deque) {
    const y = keep(objectNew(x.cls)) as Deque;
    y.maxlen = x.maxlen;
    y.items = x.items.map(deep);
    return y;
  }
  if (x instanceof NDArray) return keep(x.copy());
  if (plainInstance(x)) return rebuild(x, deep, keep);
  return noCopy(x);
}

/** The `copy` module. */
export function makeCopy(): PyModule {
  return makeModule('copy', {
    copy: builtin('copy', (a, kw) => shallowCopy(parseArgs('copy', a, kw, ['x'])[0]!)),
    deepcopy: builtin('deepcopy', (a, kw) => {
      const [x, memo] = parseArgs('deepcopy', a, kw, ['x', 'memo', '_nil'], 1);
      return deepCopy(x!, memo instanceof PyDict ? memo : new PyDict());
    }),
    Error: COPY_ERROR,
  });
}

const COPY_ERROR = makeClass('Error', [excClass('Exception')], 'copy');
