// Dunder attributes every object answers without a dict entry: __class__, __name__, __dict__, …
import { BoundMethod, PyBuiltin, PyClass, PyModule, PyTuple, PyValue } from './objects';
import { PyFunction } from './function';
import { typeOf } from './types';
import { makeDict } from './hashing';
import { instanceDict } from './attrs';

/** The special attribute `name` of obj, or undefined. */
export function specialAttr(obj: PyValue, name: string): PyValue | undefined {
  if (name === '__class__') return typeOf(obj);
  if (obj instanceof PyClass) return classSpecial(obj, name);
  if (obj instanceof PyFunction) return functionSpecial(obj, name);
  if (obj instanceof BoundMethod) {
    if (name === '__self__') return obj.self;
    if (name === '__func__') return obj.func;
    if (name === '__name__' || name === '__qualname__' || name === '__doc__') return specialAttr(obj.func, name);
  }
  if (obj instanceof PyBuiltin) {
    if (name === '__name__') return obj.name;
    if (name === '__qualname__') return obj.qualname;
    if (name === '__self__') return obj.self ?? null;
    if (name === '__doc__') return null;
  }
  if (obj instanceof PyModule) {
    if (name === '__dict__') return makeDict([...obj.dict].map(([k, v]) => [k, v]));
    return undefined;
  }
  if (name === '__dict__') {
    const d = instanceDict(obj);
    return d ? makeDict([...d].map(([k, v]) => [k, v])) : undefined;
  }
  if (name === '__doc__') return null;
  return undefined;
}

function classSpecial(c: PyClass, name: string): PyValue | undefined {
  switch (name) {
    // A native class's name is CPython's tp_name (`numpy.ndarray`); __name__ is its last part.
    case '__name__': return c.name.slice(c.name.lastIndexOf('.') + 1);
    case '__qualname__': return c.qualname;
    case '__module__': return c.dict.get('__module__') ?? c.module;
    case '__mro__': return new PyTuple(c.mro);
    case '__bases__': return new PyTuple(c.bases);
    case '__base__': return c.bases[0] ?? null;
    case '__doc__': return c.dict.get('__doc__') ?? c.doc;
    case '__dict__': return makeDict([...c.dict].map(([k, v]) => [k, v]));
    default: return undefined;
  }
}

function functionSpecial(f: PyFunction, name: string): PyValue | undefined {
  switch (name) {
    case '__name__': return f.name;
    case '__qualname__': return f.qualname;
    case '__module__': return f.module;
    case '__doc__': return f.doc;
    case '__defaults__': return f.defaults.length ? new PyTuple(f.defaults) : null;
    case '__globals__': return makeDict([...f.globals].map(([k, v]) => [k, v]));
    case '__dict__': return makeDict([...f.dict].map(([k, v]) => [k, v]));
    case '__closure__': return f.closure.length ? new PyTuple(f.closure) : null;
    default: return undefined;
  }
}

