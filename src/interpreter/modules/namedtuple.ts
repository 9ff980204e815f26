// collections.namedtuple: classes whose instances are tuples (so indexing, unpacking,
// comparison and hashing are the tuple's) with named read-only fields. Also used for
// sys.version_info and sys.float_info.
import { Kwargs, NativeProp, PyClass, PyClassMethod, PyObject, PyStaticMethod, PyTuple, PyValue } from '../objects';
import { pyErr } from '../pyerrors';
import { T, makeClass, typeOf } from '../types';
import { repr, str, strRepr, toArray } from '../convert';
import { makeDict } from '../hashing';
import { builtin, nativeMethod, parseArgs } from '../native';

/** A namedtuple instance: a tuple with a class. Subclass instances get an attribute dict. */
export class NamedTupleObj extends PyTuple implements PyObject {
  dict: Map<string, PyValue> | null;
  constructor(public cls: PyClass, items: readonly PyValue[]) {
    super(items);
    this.dict = FIELDS.has(cls) ? null : new Map();
  }
}

/** Field names of each namedtuple class made here (subclasses inherit them). */
const FIELDS = new WeakMap<PyClass, string[]>();

function fieldsOf(cls: PyClass): string[] {
  for (const c of cls.mro) { const f = FIELDS.get(c); if (f) return f; }
  throw pyErr('TypeError', `${cls.name} is not a namedtuple class`);
}

function bindFields(cls: PyClass, base: string, args: PyValue[], kw: Kwargs | null, defaults: PyValue[]): PyValue[] {
  const names = fieldsOf(cls);
  const fname = `${base}.__new__()`;
  if (args.length > names.length) {
    throw pyErr('TypeError', `${fname} takes ${names.length + 1} positional arguments but ${args.length + 1} were given`);
  }
  const out: (PyValue | undefined)[] = names.map((_, i) => args[i]);
  for (const [k, v] of kw ?? []) {
    const i = names.indexOf(k);
    if (i < 0) throw pyErr('TypeError', `${fname} got an unexpected keyword argument '${k}'`);
    if (out[i] !== undefined) throw pyErr('TypeError', `${fname} got multiple values for argument '${k}'`);
    out[i] = v;
  }
  const firstDefault = names.length - defaults.length;
  const missing: string[] = [];
  out.forEach((v, i) => {
    if (v !== undefined) return;
    if (i >= firstDefault) out[i] = defaults[i - firstDefault];
    else missing.push(names[i]);
  });
  if (missing.length) {
    const q = missing.map((n) => `'${n}'`);
    const list = q.length === 1 ? q[0] : q.length === 2 ? `${q[0]} and ${q[1]}` : `${q.slice(0, -1).join(', ')}, and ${q[q.length - 1]}`;
    throw pyErr('TypeError', `${fname} missing ${missing.length} required positional argument${missing.length > 1 ? 's' : ''}: ${list}`);
  }
  return out as PyValue[];
}

const KEYWORDS = new Set(['False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue',
  'def', 'del', 'elif', 'else', 'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda',
  'nonlocal', 'not', 'or', 'pass', 'raise', 'return', 'try', 'while', 'with', 'yield']);
const IDENT = /^[\p{L}_][\p{L}\p{N}_]*$/u;

/** Field names as namedtuple reads them: a string split on commas and spaces, or an iterable. */
function parseFieldNames(spec: PyValue, rename: boolean, typename: string): string[] {
  let names = typeof spec === 'string' ? spec.replace(/,/g, ' ').split(/\s+/).filter(Boolean) : toArray(spec).map(str);
  if (rename) {
    const seen = new Set<string>();
    names = names.map((n, i) => {
      const bad = !IDENT.test(n) || KEYWORDS.has(n) || n.startsWith('_') || seen.has(n);
      seen.add(n);
      return bad ? `_${i}` : n;
    });
  }
  for (const n of [typename, ...names]) {
    if (!IDENT.test(n)) throw pyErr('ValueError', `Type names and field names must be valid identifiers: ${strRepr(n)}`);
    if (KEYWORDS.has(n)) throw pyErr('ValueError', `Type names and field names cannot be a keyword: ${strRepr(n)}`);
  }
  const seen = new Set<string>();
  for (const n of names) {
    if (n.startsWith('_') && !rename) throw pyErr('ValueError', `Field names cannot start with an underscore: ${strRepr(n)}`);
    if (seen.has(n)) throw pyErr('ValueError', `Encountered duplicate field name: ${strRepr(n)}`);
    seen.add(n);
  }
  return names;
}

/** Options of makeNamedTuple. */
export interface NamedTupleOptions {
  module?: string;
  defaults?: PyValue[];
  /** The name repr shows (structseq types show `sys.version_info(...)`). */
  reprName?: string;
}

/** Makes a namedtuple class. */
export function makeNamedTuple(typename: string, names: string[], opts: NamedTupleOptions = {}): PyClass {
  const cls = makeClass(typename, [T.tuple], opts.module ?? '__main__');
  FIELDS.set(cls, names);
  const defaults = opts.defaults ?? [];
  if (defaults.length > names.length) throw pyErr('TypeError', 'Got more default values than field names');
  const d = cls.dict;
  d.set('__module__', opts.module ?? '__main__');
  d.set('__doc__', `${typename}(${names.join(', ')})`);
  d.set('__slots__', new PyTuple([]));
  d.set('_fields', new PyTuple(names));
  d.set('__match_args__', new PyTuple(names));
  d.set('_field_defaults', makeDict(defaults.map((v, i) => [names[names.length - defaults.length + i], v])));
  d.set('__new__', new PyStaticMethod(builtin('__new__', (a, kw) => {
    const c = a[0] as PyClass;
    return new NamedTupleObj(c, bindFields(c, typename, a.slice(1), kw, defaults));
  }, `${typename}.__new__`)));
  d.set('_make', new PyClassMethod(builtin('_make', (a) => {
    const items = toArray(a[1]);
    if (items.length !== names.length) throw pyErr('TypeError', `Expected ${names.length} arguments, got ${items.length}`);
    return new NamedTupleObj(a[0] as PyClass, items);
  }, `${typename}._make`)));
  d.set('__repr__', nativeMethod('__repr__', (a) => {
    const self = a[0] as PyTuple;
    const name = typeOf(self) === cls && opts.reprName ? opts.reprName : typeOf(self).name;
    return `${name}(${names.map((n, i) => `${n}=${repr(self.items[i])}`).join(', ')})`;
  }));
  d.set('_asdict', nativeMethod('_asdict', (a) => makeDict(names.map((n, i) => [n, (a[0] as PyTuple).items[i]]))));
  d.set('_replace', nativeMethod('_replace', (a, kw) => replaceFields(a[0] as PyTuple, names, kw)));
  d.set('__getnewargs__', nativeMethod('__getnewargs__', (a) => new PyTuple((a[0] as PyTuple).items)));
  names.forEach((n, i) => d.set(n, new NativeProp((self) => (self as PyTuple).items[i], () => { throw pyErr('AttributeError', "can't set attribute"); })));
  return cls;
}

function replaceFields(self: PyTuple, names: string[], kw: Kwargs | null): PyValue {
  const items = self.items.slice();
  const unknown: string[] = [];
  for (const [k, v] of kw ?? []) {
    const i = names.indexOf(k);
    if (i < 0) unknown.push(k); else items[i] = v;
  }
  if (unknown.length) throw pyErr('ValueError', `Got unexpected field names: [${unknown.map(strRepr).join(', ')}]`);
  return new NamedTupleObj(typeOf(self), items);
}

/** The `collections.namedtuple` function; `module` names the caller's module. */
export function namedtupleFunction(callerModule: () => string) {
  return builtin('namedtuple', (a, kw) => {
    const [typename, fieldNames, rename, defaults, module] = parseArgs('namedtuple', a, kw, ['typename', 'field_names', 'rename', 'defaults', 'module'], 2);
    const name = str(typename!);
    const names = parseFieldNames(fieldNames!, rename === true, name);
    const dflt = defaults === undefined || defaults === null ? [] : toArray(defaults);
    return makeNamedTuple(name, names, { module: typeof module === 'string' ? module : callerModule(), defaults: dflt });
  });
}

/** A structseq-like instance (sys.version_info), from ordered [name, value] pairs. */
export function structSeq(qualname: string, entries: [string, PyValue][]): NamedTupleObj {
  const [module, name] = qualname.split('.');
  const cls = makeNamedTuple(name, entries.map(([k]) => k), { module, reprName: qualname });
  return new NamedTupleObj(cls, entries.map(([, v]) => v));
}
