// Attribute access (descriptors, instance dicts, __getattr__), calls and instantiation.
import { BoundMethod, Kwargs, NativeProp, PyBuiltin, PyClass, PyClassMethod, PyModule, PyObject, PyProperty, PyStaticMethod, PySuper, PyValue, PyInstance, PyError, classEpoch } from './objects';
import { PyFunction } from './function';
import { EXC, PyException, excIs, pyErr } from './pyerrors';
import { T, isInstance, typeOf } from './types';
import { specialAttr } from './special_attrs';

const sideDicts = new WeakMap<object, Map<string, PyValue>>();

/** The attribute dict of a value, if it has one (native dictful objects get a side dict). */
export function instanceDict(obj: PyValue): Map<string, PyValue> | null {
  if (obj === null || typeof obj !== 'object') return null;
  const d = (obj as PyObject).dict;
  if (d instanceof Map) return d;
  if (!typeOf(obj).native?.dictful) return null;
  let s = sideDicts.get(obj);
  if (!s) { s = new Map(); sideDicts.set(obj, s); }
  return s;
}

/** The instance dict if the object has one already: reads never create a native object's side dict. */
export function existingDict(obj: PyValue): Map<string, PyValue> | null | undefined {
  if (obj === null || typeof obj !== 'object') return null;
  const d = (obj as PyObject).dict;
  return d instanceof Map ? d : sideDicts.get(obj);
}

function isDataDescriptor(v: PyValue): boolean {
  if (v instanceof PyProperty || v instanceof NativeProp) return true;
  if (v instanceof PyInstance) return v.cls.lookup('__set__') !== undefined || v.cls.lookup('__delete__') !== undefined;
  return false;
}

/** Applies a class attribute's descriptor behaviour for an instance read. */
export function bindTo(v: PyValue, obj: PyValue, type: PyClass): PyValue {
  if (v instanceof PyFunction) return new BoundMethod(obj, v);
  if (v instanceof PyBuiltin) return v.isMethod ? new PyBuiltin(v.name, v.fn, obj, v.qualname) : v;
  if (v instanceof PyStaticMethod) return v.func;
  if (v instanceof PyClassMethod) return new BoundMethod(type, v.func);
  if (v instanceof PyProperty) {
    if (v.fget === null) throw pyErr('AttributeError', 'unreadable attribute');
    return callValue(v.fget, [obj]);
  }
  if (v instanceof NativeProp) return v.get(obj);
  if (v instanceof PyInstance) {
    const get = v.cls.lookup('__get__');
    if (get !== undefined) return callValue(get, [v, obj, type]);
  }
  return v;
}

function noAttr(obj: PyValue, name: string): PyError {
  if (obj instanceof PyModule) return pyErr('AttributeError', `module '${obj.name}' has no attribute '${name}'`);
  if (obj instanceof PyClass) return pyErr('AttributeError', `type object '${obj.name}' has no attribute '${name}'`);
  return pyErr('AttributeError', `'${typeOf(obj).name}' object has no attribute '${name}'`);
}

/** getattr(obj, name), raising AttributeError. */
export function getattr(obj: PyValue, name: string): PyValue {
  const v = lookupAttr(obj, name);
  if (v === undefined) throw noAttr(obj, name);
  return v;
}

/** getattr without raising: undefined when missing (AttributeError from __getattr__ included). */
export function getattrOpt(obj: PyValue, name: string): PyValue | undefined {
  try {
    return lookupAttr(obj, name);
  } catch (e) {
    if (e instanceof PyError && excIs(e.exc, 'AttributeError')) return undefined;
    throw e;
  }
}

function lookupAttr(obj: PyValue, name: string): PyValue | undefined {
  if (obj instanceof PyClass) return classAttr(obj, name);
  if (obj instanceof PyModule) {
    const v = obj.dict.get(name);
    return v !== undefined ? v : specialAttr(obj, name) ?? moduleGetattr(obj, name);
  }
  if (obj instanceof PySuper) return superAttr(obj, name);
  const t = typeOf(obj);
  const tv = t.lookup(name);
  if (tv !== undefined && isDataDescriptor(tv)) return bindTo(tv, obj, t);
  const d = existingDict(obj);
  if (d) { const v = d.get(name); if (v !== undefined) return v; }
  if (tv !== undefined) return bindTo(tv, obj, t);
  const sp = specialAttr(obj, name);
  if (sp !== undefined) return sp;
  const ga = t.lookup('__getattr__');
  if (ga !== undefined) return callValue(ga, [obj, name]);
  return undefined;
}

/** A module-level __getattr__ (PEP 562) answers names the module does not have. */
function moduleGetattr(m: PyModule, name: string): PyValue | undefined {
  const ga = m.dict.get('__getattr__');
  return ga === undefined || name === '__getattr__' ? undefined : callValue(ga, [name]);
}

function classAttr(cls: PyClass, name: string): PyValue | undefined {
  for (const c of cls.mro) {
    if (!c.dict.has(name)) continue;
    const v = c.dict.get(name)!;
    if (v instanceof PyStaticMethod) return v.func;
    if (v instanceof PyClassMethod) return new BoundMethod(cls, v.func);
    if (v instanceof PyInstance) {
      const get = v.cls.lookup('__get__');
      if (get !== undefined) return callValue(get, [v, null, cls]);
    }
    return v;
  }
  const sp = specialAttr(cls, name);
  if (sp !== undefined) return sp;
  const tv = T.type.lookup(name);
  return tv === undefined ? undefined : bindTo(tv, cls, T.type);
}

function superAttr(s: PySuper, name: string): PyValue | undefined {
  const startType = s.obj instanceof PyClass && s.obj.isSubclassOf(s.cls) ? s.obj : typeOf(s.obj);
  const mro = startType.mro;
  for (let i = mro.indexOf(s.cls) + 1; i < mro.length; i++) {
    const c = mro[i];
    if (!c.dict.has(name)) continue;
    const v = c.dict.get(name)!;
    if (s.obj instanceof PyClass && s.obj === startType) {
      if (v instanceof PyClassMethod) return new BoundMethod(startType, v.func);
      if (v instanceof PyStaticMethod) return v.func;
      return v;
    }
    return bindTo(v, s.obj, startType);
  }
  if (name === '__class__') return T.super;
  throw pyErr('AttributeError', `'super' object has no attribute '${name}'`);
}

/** setattr(obj, name, value), honouring a user __setattr__. */
export function setattr(obj: PyValue, name: string, value: PyValue): void {
  if (obj instanceof PyClass) { obj.dict.set(name, value); bumpVersion(obj); return; }
  if (obj instanceof PyModule) { obj.dict.set(name, value); return; }
  const t = typeOf(obj);
  const sa = t.lookup('__setattr__');
  if (sa !== undefined && sa !== OBJECT_SETATTR) { callValue(sa, [obj, name, value]); return; }
  genericSetattr(obj, name, value);
}

/** object.__setattr__: data descriptors, then the instance dict. */
export function genericSetattr(obj: PyValue, name: string, value: PyValue): void {
  const t = typeOf(obj);
  const tv = t.lookup(name);
  if (tv instanceof PyProperty) {
    if (tv.fset === null) throw pyErr('AttributeError', `property '${propName(tv, name)}' of '${t.name}' object has no setter`);
    callValue(tv.fset, [obj, value]);
    return;
  }
  if (tv instanceof NativeProp) {
    if (!tv.set) throw pyErr('AttributeError', `attribute '${name}' of '${t.name}' objects is not writable`);
    tv.set(obj, value);
    return;
  }
  if (tv instanceof PyInstance && tv.cls.lookup('__set__') !== undefined) { callMethod(tv, '__set__', [obj, value]); return; }
  const d = instanceDict(obj);
  if (!d) throw pyErr('AttributeError', `'${t.name}' object has no attribute '${name}'`);
  d.set(name, value);
}

function propName(p: PyProperty, fallback: string): string {
  return p.fget instanceof PyFunction ? p.fget.name : fallback;
}

export function delattr(obj: PyValue, name: string): void {
  if (obj instanceof PyClass) { if (!obj.dict.delete(name)) throw noAttr(obj, name); bumpVersion(obj); return; }
  const t = typeOf(obj);
  const da = t.lookup('__delattr__');
  if (da !== undefined && da !== OBJECT_DELATTR) { callValue(da, [obj, name]); return; }
  const tv = t.lookup(name);
  if (tv instanceof PyProperty && tv.fdel !== null) { callValue(tv.fdel, [obj]); return; }
  const d = instanceDict(obj);
  if (!d || !d.delete(name)) throw noAttr(obj, name);
}

function bumpVersion(cls: PyClass): void { cls.version++; classEpoch.value++; }

/** Calls any Python callable. */
export function callValue(f: PyValue, args: PyValue[], kw: Kwargs | null = null): PyValue {
  if (f instanceof PyFunction) return f.runner.callFunction(f, args, kw);
  if (f instanceof PyBuiltin) return f.self !== undefined ? f.fn([f.self, ...args], kw) : f.fn(args, kw);
  if (f instanceof BoundMethod) return callValue(f.func, [f.self, ...args], kw);
  if (f instanceof PyClass) return instantiate(f, args, kw);
  const call = typeOf(f).lookup('__call__');
  if (call !== undefined) return callValue(call, [f, ...args], kw);
  throw pyErr('TypeError', `'${typeOf(f).name}' object is not callable`);
}

/** obj.name(*args): looked up on the type (no bound-method allocation for Python methods). */
export function callMethod(obj: PyValue, name: string, args: PyValue[], kw: Kwargs | null = null): PyValue {
  const t = typeOf(obj);
  const tv = t.lookup(name);
  if (tv instanceof PyFunction && !(existingDict(obj)?.has(name))) return tv.runner.callFunction(tv, [obj, ...args], kw);
  if (tv instanceof PyBuiltin && tv.isMethod && !(existingDict(obj)?.has(name))) return tv.fn([obj, ...args], kw);
  return callValue(getattr(obj, name), args, kw);
}

/** object.__new__: a fresh instance of cls of the right JS kind. */
export function objectNew(cls: PyClass): PyObject {
  if (cls.native?.create) return cls.native.create(cls);
  if (cls.isSubclassOf(EXC.get('BaseException')!)) return new PyException(cls);
  return new PyInstance(cls);
}

/** Calling a class: __new__ then __init__. */
export function instantiate(cls: PyClass, args: PyValue[], kw: Kwargs | null): PyValue {
  const newFn = cls.lookup('__new__');
  let obj: PyValue;
  if (newFn === undefined || newFn === OBJECT_NEW) obj = objectNew(cls);
  else obj = callValue(newFn instanceof PyStaticMethod ? newFn.func : newFn, [cls, ...args], kw);
  if (!isInstance(obj, cls)) return obj;
  const init = cls.lookup('__init__');
  if (init === undefined || init === OBJECT_INIT) {
    if ((args.length || (kw && kw.size)) && (newFn === undefined || newFn === OBJECT_NEW)) {
      throw pyErr('TypeError', `${cls.name}() takes no arguments`);
    }
    return obj;
  }
  const r = callValue(init, [obj, ...args], kw);
  if (r !== null) throw pyErr('TypeError', `__init__() should return None, not '${typeOf(r).name}'`);
  return obj;
}

function method(name: string, fn: (args: PyValue[], kw: Kwargs | null) => PyValue): PyBuiltin {
  const b = new PyBuiltin(name, fn);
  b.isMethod = true;
  return b;
}

export const OBJECT_NEW = new PyStaticMethod(new PyBuiltin('__new__', (a) => objectNew(a[0] as PyClass)));
export const OBJECT_INIT = method('__init__', () => null);
export const OBJECT_SETATTR = method('__setattr__', (a) => { genericSetattr(a[0], a[1] as string, a[2]); return null; });
export const OBJECT_DELATTR = method('__delattr__', (a) => {
  const d = instanceDict(a[0]);
  if (!d || !d.delete(a[1] as string)) throw noAttr(a[0], a[1] as string);
  return null;
});
T.object.dict.set('__new__', OBJECT_NEW);
T.object.dict.set('__init__', OBJECT_INIT);
T.object.dict.set('__setattr__', OBJECT_SETATTR);
T.object.dict.set('__delattr__', OBJECT_DELATTR);
T.object.dict.set('__getattribute__', method('__getattribute__', (a) => getattr(a[0], a[1] as string)));
