// User-defined functions: code objects, argument binding, and the runner that executes them.
import type * as A from './ast';
import { Cell, Kwargs, PyClass, PyDict, PyObject, PyTuple, PyValue, UNBOUND } from './objects';
import { pyErr } from './pyerrors';
import type { ScopeInfo } from './scope';
import { T } from './types';

/** Executes function bodies; implemented by the evaluator. */
export interface FunctionRunner {
  callFunction(f: PyFunction, args: PyValue[], kw: Kwargs | null): PyValue;
}

/** The compiled shape of a def / lambda. */
export interface Code {
  name: string;
  qualname: string;
  file: string;
  node: A.FunctionDef | A.Lambda;
  info: ScopeInfo;
  /** Positional parameter names (positional-only first). */
  positional: string[];
  posonly: number;
  vararg: string | null;
  kwonly: string[];
  kwarg: string | null;
  /** Cell slots to fill at call time: [slot, index in the closure, or -1 for a new Cell]. */
  cellInit: [number, number][];
}

export function makeCode(node: A.FunctionDef | A.Lambda, info: ScopeInfo, qualname: string, file: string): Code {
  const a = node.args;
  return {
    name: node.kind === 'Lambda' ? '<lambda>' : node.name, qualname, file, node, info,
    positional: [...a.posonlyargs, ...a.args].map((p) => p.arg), posonly: a.posonlyargs.length,
    vararg: a.vararg?.arg ?? null, kwonly: a.kwonlyargs.map((p) => p.arg), kwarg: a.kwarg?.arg ?? null,
    cellInit: [...info.cellSlots].map((s) => [s, info.freeNames.indexOf(info.slots[s])]),
  };
}

/** A Python function object. */
export class PyFunction implements PyObject {
  readonly cls: PyClass = T.function;
  dict = new Map<string, PyValue>();
  name: string;
  qualname: string;
  doc: PyValue = null;
  /** The class whose body defined this function (for zero-argument super()). */
  ownerClass: PyClass | null = null;
  constructor(
    public runner: FunctionRunner,
    public code: Code,
    public globals: Map<string, PyValue>,
    public defaults: PyValue[],
    public kwDefaults: Map<string, PyValue>,
    public closure: Cell[],
    public module: string,
  ) {
    this.name = code.name;
    this.qualname = code.qualname;
  }
}

const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;

function listNames(names: string[]): string {
  const q = names.map((n) => `'${n}'`);
  if (q.length === 1) return q[0];
  if (q.length === 2) return `${q[0]} and ${q[1]}`;
  return `${q.slice(0, -1).join(', ')}, and ${q[q.length - 1]}`;
}

/**
 * Binds call arguments to the function's slots, as CPython does, raising its TypeErrors.
 * Returns the new frame's slot array (cells created for captured parameters).
 */
export function bindArgs(f: PyFunction, args: PyValue[], kw: Kwargs | null): (PyValue | Cell | typeof UNBOUND)[] {
  const c = f.code, info = c.info;
  const slots: (PyValue | Cell | typeof UNBOUND)[] = new Array(info.slots.length).fill(UNBOUND);
  const np = c.positional.length;
  const name = `${f.qualname}()`;
  if (args.length > np && c.vararg === null) {
    const min = np - f.defaults.length;
    const takes = f.defaults.length ? `from ${min} to ${np}` : `${np}`;
    throw pyErr('TypeError', `${name} takes ${takes} positional argument${np === 1 && !f.defaults.length ? '' : 's'} but ${args.length} ${args.length === 1 ? 'was' : 'were'} given`);
  }
  const n = Math.min(args.length, np);
  for (let i = 0; i < n; i++) slots[i] = args[i];
  if (c.vararg !== null) slots[info.slotOf.get(c.vararg)!] = new PyTuple(args.slice(np));
  let extra: PyDict | null = null;
  if (c.kwarg !== null) { extra = new PyDict(); slots[info.slotOf.get(c.kwarg)!] = extra; }
  if (kw) {
    for (const [k, v] of kw) {
      const pi = c.positional.indexOf(k);
      if (pi >= c.posonly || c.kwonly.includes(k)) {
        const slot = info.slotOf.get(k)!;
        if (slots[slot] !== UNBOUND) throw pyErr('TypeError', `${name} got multiple values for argument '${k}'`);
        slots[slot] = v;
      } else if (extra) {
        dictSetStr(extra, k, v);
      } else if (pi !== -1) {
        throw pyErr('TypeError', `${name} got some positional-only arguments passed as keyword arguments: '${k}'`);
      } else {
        throw pyErr('TypeError', `${name} got an unexpected keyword argument '${k}'`);
      }
    }
  }
  const firstDefault = np - f.defaults.length;
  const missing: string[] = [];
  for (let i = n; i < np; i++) {
    if (slots[i] !== UNBOUND) continue;
    if (i >= firstDefault) slots[i] = f.defaults[i - firstDefault];
    else missing.push(c.positional[i]);
  }
  if (missing.length) throw pyErr('TypeError', `${name} missing ${plural(missing.length, 'required positional argument')}: ${listNames(missing)}`);
  const missingKw: string[] = [];
  for (const k of c.kwonly) {
    const slot = info.slotOf.get(k)!;
    if (slots[slot] !== UNBOUND) continue;
    if (f.kwDefaults.has(k)) slots[slot] = f.kwDefaults.get(k)!;
    else missingKw.push(k);
  }
  if (missingKw.length) throw pyErr('TypeError', `${name} missing ${plural(missingKw.length, 'required keyword-only argument')}: ${listNames(missingKw)}`);
  for (const [s, fi] of c.cellInit) slots[s] = fi >= 0 ? f.closure[fi] : new Cell(slots[s] as PyValue | typeof UNBOUND);
  return slots;
}

/** Sets a str key in a dict (used for **kwargs); str keys are 's' + text (see hashing.ts). */
export function dictSetStr(d: PyDict, k: string, v: PyValue): void {
  d.map.set('s' + k, [k, v]);
}
