// Small constructors for the API tables, so each table reads as a list of
// `fn('tanh', 'x', '…')` lines rather than object literals.
import type { ApiEntry, ApiKind, ApiParam, Closure } from './types';

/** Docs for parameters that many entries share, by parameter name. */
export type Glossary = Readonly<Record<string, string>>;

/** An entry that learns its owner's path (and glossary) when its module or class is built. */
export type Item = ApiEntry | ((owner: string, glossary: Glossary) => ApiEntry);

interface CallableOptions {
  /** Class path of the result. */
  readonly returns?: string;
  /** Per-parameter docs; these win over the glossary. */
  readonly args?: Glossary;
  readonly unavailable?: string;
  /** Class paths whose members the entry itself has (a ufunc's `.at`). */
  readonly bases?: readonly string[];
}

/** Splits `a, b=(1, 2), *c` at top-level commas. */
export function splitParams(text: string): string[] {
  const out: string[] = [];
  let depth = 0, start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    else if (c === ',' && depth === 0) { out.push(text.slice(start, i).trim()); start = i + 1; }
  }
  const last = text.slice(start).trim();
  if (last) out.push(last);
  return out;
}

/** Parses a parameter list as Python writes it into ApiParams. */
export function parseParams(text: string, glossary: Glossary = {}, own: Glossary = {}): ApiParam[] {
  return splitParams(text).map((label) => {
    const name = label.replace(/^\*{1,2}/, '').split('=')[0].trim();
    const doc = own[name] ?? glossary[name];
    return doc === undefined ? { name, label } : { name, label, doc };
  });
}

function callable(kind: ApiKind, name: string, params: string, doc: string, o: CallableOptions): Item {
  return (owner, glossary) => ({
    name, kind, path: `${owner}.${name}`, doc,
    params: parseParams(params, glossary, o.args),
    ...(o.returns ? { returns: o.returns } : {}),
    ...(o.unavailable ? { unavailable: o.unavailable } : {}),
    ...(o.bases ? { bases: o.bases } : {}),
  });
}

/** A module-level function. */
export function fn(name: string, params: string, doc: string, o: CallableOptions = {}): Item {
  return callable('function', name, params, doc, o);
}

/** A method (parameters without `self`). */
export function method(name: string, params: string, doc: string, o: CallableOptions = {}): Item {
  return callable('method', name, params, doc, o);
}

/** An attribute read from an instance; `returns` is the class of its value. */
export function prop(name: string, doc: string, returns?: string): Item {
  return (owner) => ({ name, kind: 'property', path: `${owner}.${name}`, doc, ...(returns ? { returns } : {}) });
}

/** A module-level value (numbers, flags, dtypes used as values). */
export function constant(name: string, doc: string, returns?: string): Item {
  return (owner) => ({ name, kind: 'constant', path: `${owner}.${name}`, doc, ...(returns ? { returns } : {}) });
}

function build(items: readonly Item[], owner: string, glossary: Glossary): Map<string, ApiEntry> {
  const out = new Map<string, ApiEntry>();
  for (const it of items) {
    const e = typeof it === 'function' ? it(owner, glossary) : it;
    out.set(e.name, e);
  }
  return out;
}

interface ClassOptions {
  readonly bases?: readonly string[];
  readonly members?: readonly Item[];
  readonly glossary?: Glossary;
  readonly args?: Glossary;
  readonly unavailable?: string;
}

/**
 * A class at its canonical path (`dezero.layers.Linear`); `params` is the constructor's
 * list, or null when it takes no arguments worth showing. Calling it gives an instance.
 */
export function klass(path: string, params: string | null, doc: string, o: ClassOptions = {}): ApiEntry {
  const glossary = o.glossary ?? {};
  return {
    name: path.slice(path.lastIndexOf('.') + 1), kind: 'class', path, doc,
    params: params === null ? [] : parseParams(params, glossary, o.args),
    returns: path,
    members: build(o.members ?? [], path, glossary),
    ...(o.bases ? { bases: o.bases } : {}),
    ...(o.unavailable ? { unavailable: o.unavailable } : {}),
  };
}

interface ModuleOptions {
  readonly closed?: Closure;
  readonly glossary?: Glossary;
  readonly others?: readonly string[];
  readonly missing?: Readonly<Record<string, string>>;
}

/** A module: its members, and how strictly unknown names in it are reported. */
export function module(path: string, doc: string, items: readonly Item[], o: ModuleOptions = {}): ApiEntry {
  return {
    name: path.slice(path.lastIndexOf('.') + 1), kind: 'module', path, doc,
    members: build(items, path, o.glossary ?? {}),
    ...(o.closed ? { closed: o.closed } : {}),
    ...(o.others ? { others: new Set(o.others) } : {}),
    ...(o.missing ? { missing: new Map(Object.entries(o.missing)) } : {}),
  };
}

/** The same entry under another name (DeZero's `mean = average`). */
export function alias(name: string, of: Item, note: string): Item {
  return (owner, glossary) => {
    const e = typeof of === 'function' ? of(owner, glossary) : of;
    return { ...e, name, path: `${owner}.${name}`, doc: `${e.doc} ${note}` };
  };
}
