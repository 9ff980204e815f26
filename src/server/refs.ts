// What an expression stands for in the API: a module, a class, an instance of a class,
// or a function; and how attribute access and calls move between them.
import { CLASSES, memberOf, type ApiEntry } from './api/index';

/** An API value: the entry itself (module, class object, function) or an instance of a class. */
export interface Ref {
  readonly entry: ApiEntry;
  readonly instance: boolean;
}

/** The value an entry stands for when named: properties and constants stand for their type. */
export function valueOf(entry: ApiEntry): Ref | undefined {
  if (entry.kind === 'property' || entry.kind === 'constant') return instanceOf(entry.returns);
  return { entry, instance: false };
}

/** An instance of the class at `path`, if it is documented. */
export function instanceOf(path: string | undefined): Ref | undefined {
  const cls = path === undefined ? undefined : CLASSES.get(path);
  return cls ? { entry: cls, instance: true } : undefined;
}

/** The documented member `name` of a value (the entry, not its value). */
export function lookup(ref: Ref, name: string): ApiEntry | undefined {
  return memberOf(ref.entry, name);
}

/** What calling a value gives: a class gives an instance, a function its declared result. */
export function callResult(ref: Ref): Ref | undefined {
  if (ref.instance) {
    const call = memberOf(ref.entry, '__call__');
    return call ? instanceOf(call.returns) : undefined;
  }
  if (ref.entry.kind === 'class' || ref.entry.kind === 'function' || ref.entry.kind === 'method') return instanceOf(ref.entry.returns);
  return undefined;
}

/** Whether a value is an instance of `path` or of a subclass of it. */
export function isInstanceOf(ref: Ref, path: string): boolean {
  if (!ref.instance) return false;
  const seen = new Set<string>();
  const visit = (e: ApiEntry): boolean => {
    if (e.path === path) return true;
    return (e.bases ?? []).some((b) => {
      if (seen.has(b)) return false;
      seen.add(b);
      const base = CLASSES.get(b);
      return base !== undefined && visit(base);
    });
  };
  return visit(ref.entry);
}

/** Two refs denote the same thing. */
export function sameRef(a: Ref, b: Ref): boolean {
  return a.entry === b.entry && a.instance === b.instance;
}

/** Adds `r` to `list` unless it is there already; true when added. */
export function addRef(list: Ref[], r: Ref): boolean {
  if (list.some((x) => sameRef(x, r))) return false;
  list.push(r);
  return true;
}
