// The Python object model: how each kind of Python value is represented in JS.
//
// int → bigint, float → number, bool → boolean, str → string, None → null. Everything else
// is an object: the classes below, or engine objects (NDArray, Variable, Layer, …) whose
// Python type comes from the native-type registry (see types.ts).

/** Any Python value. */
export type PyValue = bigint | number | boolean | string | null | object | symbol;

/** Keyword arguments of a call, in order. */
export type Kwargs = Map<string, PyValue>;

/**
 * Bumped whenever a class's dict may have changed after it was made (setattr or delattr on a
 * class, a decorator that adds methods, any import): caches of method lookups compare it.
 */
export const classEpoch = { value: 0 };

/** A lookup cache's entry for a name no class along the MRO defines. */
const MISSING: unique symbol = Symbol('missing');

/** A Python type object. */
export class PyClass {
  /** Method resolution order, starting with this class (C3 linearisation). */
  mro: PyClass[] = [];
  readonly dict = new Map<string, PyValue>();
  /** Set for classes whose instances are JS objects of a native kind (list, ndarray, …). */
  native: NativeKind | null = null;
  /** Bumped on every change to this class or a base, so attribute caches can be checked. */
  version = 0;
  doc: string | null = null;

  constructor(public name: string, public bases: PyClass[], public module = 'builtins', public qualname = name) {}

  get isException(): boolean { return this.mro.some((c) => c.name === 'BaseException' && c.module === 'builtins'); }

  /** Looks a name up along the MRO (no descriptors applied). */
  lookup(name: string): PyValue | undefined {
    // Found values and misses are remembered while no class has changed (classEpoch).
    if (this.cacheEpoch !== classEpoch.value) { this.cache.clear(); this.cacheEpoch = classEpoch.value; }
    const hit = this.cache.get(name);
    if (hit !== undefined) return hit === MISSING ? undefined : hit;
    let found: PyValue | undefined;
    for (const c of this.mro) {
      found = c.dict.get(name);
      if (found !== undefined) break;
    }
    this.cache.set(name, found === undefined ? MISSING : found);
    return found;
  }

  private readonly cache = new Map<string, PyValue | typeof MISSING>();
  private cacheEpoch = -1;

  isSubclassOf(other: PyClass): boolean { return this === other || this.mro.includes(other); }
}

/** How instances of a native-backed class are made, for Python subclasses of it. */
export interface NativeKind {
  /** Creates the JS object for a new instance of `cls` (a Python subclass, or the class itself). */
  create?(cls: PyClass): PyObject;
  /** Native instances accept arbitrary attributes (kept beside the object), as a Python class would. */
  dictful?: boolean;
}

/**
 * An object with a Python class and an instance dict. Plain user-class instances are
 * PyInstance; JS classes that bridge engine types (a Python subclass of dezero.Function)
 * implement the same two fields.
 */
export interface PyObject { cls: PyClass; dict: Map<string, PyValue> | null }

/** An instance of a user-defined (or exception) class. */
export class PyInstance implements PyObject {
  dict = new Map<string, PyValue>();
  constructor(public cls: PyClass) {}
}

/** A variable captured by an inner function. */
export class Cell {
  constructor(public value: PyValue | typeof UNBOUND = UNBOUND) {}
}

/** Marks an unassigned local or cell. */
export const UNBOUND: unique symbol = Symbol('unbound');

/** A built-in function (or an unbound native method, taking self first). */
export class PyBuiltin {
  dict: Map<string, PyValue> | null = null;
  /** Native methods bind to the instance they are read from; plain built-in functions do not. */
  isMethod = false;
  constructor(
    public name: string,
    public fn: (args: PyValue[], kwargs: Kwargs | null) => PyValue,
    public self: PyValue | undefined = undefined,
    public qualname = name,
  ) {}
}

/** A function bound to an instance (or a class, for classmethods). */
export class BoundMethod {
  constructor(public self: PyValue, public func: PyValue) {}
}

export class PyList {
  constructor(public items: PyValue[] = []) {}
}

export class PyTuple {
  constructor(public readonly items: readonly PyValue[]) {}
}

export const EMPTY_TUPLE = new PyTuple([]);

export class PyModule implements PyObject {
  readonly dict = new Map<string, PyValue>();
  cls!: PyClass;
  constructor(public name: string, public file: string | null = null) {
    this.dict.set('__name__', name);
  }
}

/** A Python slice object (`slice(1, None, 2)`). */
export class PySlice {
  constructor(public start: PyValue, public stop: PyValue, public step: PyValue) {}
}

/** range(start, stop, step) with JS-number bounds (exact below 2^53). */
export class PyRange {
  constructor(public start: number, public stop: number, public step: number) {}
  get length(): number {
    const n = this.step > 0 ? Math.ceil((this.stop - this.start) / this.step) : Math.ceil((this.stop - this.start) / this.step);
    return Math.max(0, n);
  }
}

/** A Python iterator over a JS iterator. */
export class PyIterator {
  constructor(public it: Iterator<PyValue>, public kind = 'iterator') {}
}

export class PyProperty {
  constructor(public fget: PyValue, public fset: PyValue = null, public fdel: PyValue = null, public doc: PyValue = null) {}
}

export class PyStaticMethod {
  constructor(public func: PyValue) {}
}

export class PyClassMethod {
  constructor(public func: PyValue) {}
}

/** super(cls, obj). */
export class PySuper {
  constructor(public cls: PyClass, public obj: PyValue) {}
}

/** Singletons with their own types. */
export const NotImplemented: unique symbol = Symbol('NotImplemented');
export const Ellipsis: unique symbol = Symbol('Ellipsis');

/** A Python exception raised as a JS error. `exc` is the exception instance. */
export class PyError extends Error {
  constructor(public readonly exc: PyObject) {
    super('Python exception');
  }
}

/** One traceback entry: where a frame was when the exception passed through it. */
export interface TraceEntry { file: string; line: number; name: string; frame: object | null; node?: { kind: string; range: { line: number; col: number; endLine: number; endCol: number } } | null }

/** Python's `dict`, ordered, with Python key equality (1 == 1.0 == True). */
export class PyDict {
  /** Entries by canonical key. */
  readonly map = new Map<string | object, [PyValue, PyValue]>();
  get size(): number { return this.map.size; }
}

/** Python's `set` / `frozenset`. */
export class PySet {
  readonly map = new Map<string | object, PyValue>();
  constructor(public frozen = false) {}
  get size(): number { return this.map.size; }
}

/** A native attribute: computed on read, optionally writable. Lives in a native class's dict. */
export class NativeProp {
  constructor(
    public get: (self: PyValue) => PyValue,
    public set: ((self: PyValue, v: PyValue) => void) | null = null,
  ) {}
}
