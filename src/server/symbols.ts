// What each name in a script stands for, flow-insensitively: imports give modules,
// classes and functions; assignments like `x = Variable(...)` give instances.
import { walk, type Expr, type Module, type Node } from '../interpreter/ast';
import { MODULES, memberOf } from './api/index';
import { addRef, callResult, instanceOf, isInstanceOf, valueOf, type Ref } from './refs';

/** Names and what they stand for. */
export interface Symbols {
  /** Names bound only by imports of one API value: safe ground for diagnostics. */
  readonly strict: ReadonlyMap<string, Ref>;
  /** Every value a name may hold, as far as a light inference can tell (completion, hover). */
  readonly loose: ReadonlyMap<string, readonly Ref[]>;
  /** Names bound anywhere in the script other than by `import *`. */
  readonly bound: ReadonlySet<string>;
  /** Modules imported with `*`; their members are names too. */
  readonly stars: readonly Ref[];
  /** Whether the script imports dezero in any form: the server only speaks to such scripts. */
  readonly importsDezero: boolean;
  /** Attribute names the script assigns on API modules (`F.foo = …`), by module path. */
  readonly assignedMembers: ReadonlyMap<string, ReadonlySet<string>>;
}

const VARIABLE = 'dezero.Variable';
const NDARRAY = 'numpy.ndarray';
const PASSES = 4;

/** Resolves `from module import name` to an API value (undefined when not documented). */
export function importedValue(module: string, name: string): Ref | undefined {
  const mod = MODULES.get(module);
  const member = mod && memberOf(mod, name);
  if (member) return valueOf(member);
  const sub = MODULES.get(`${module}.${name}`);
  return sub ? { entry: sub, instance: false } : undefined;
}

/** Whether an import name is dezero or one of its submodules. */
export const isDezeroModule = (name: string | null): boolean => name === 'dezero' || (name?.startsWith('dezero.') ?? false);

class Collector {
  readonly imports = new Map<string, (Ref | null)[]>();
  readonly others = new Set<string>();
  readonly assigns: [string, Expr][] = [];
  readonly stars: Ref[] = [];
  readonly storedAttrs: { value: Expr; attr: string }[] = [];
  importsDezero = false;

  visit = (n: Node): void => {
    switch (n.kind) {
      case 'Import':
        for (const a of n.names) {
          this.importsDezero ||= isDezeroModule(a.name);
          const root = a.name.split('.')[0];
          const target = a.asname ? a.name : root;
          const mod = MODULES.get(target);
          this.bindImport(a.asname ?? root, mod ? { entry: mod, instance: false } : null);
        }
        return;
      case 'ImportFrom':
        this.importsDezero ||= n.level === 0 && isDezeroModule(n.module);
        for (const a of n.names) {
          const mod = n.level === 0 && n.module !== null ? MODULES.get(n.module) : undefined;
          if (a.name === '*') { if (mod) this.stars.push({ entry: mod, instance: false }); continue; }
          const ref = n.level === 0 && n.module !== null ? importedValue(n.module, a.name) : undefined;
          this.bindImport(a.asname ?? a.name, ref ?? null);
        }
        return;
      case 'Assign':
        for (const t of n.targets) if (t.kind === 'Name') this.assigns.push([t.id, n.value]);
        return;
      case 'AnnAssign':
        if (n.target.kind === 'Name' && n.value) this.assigns.push([n.target.id, n.value]);
        return;
      case 'Name':
        if (n.ctx !== 'load') this.others.add(n.id);
        return;
      case 'Attribute':
        if (n.ctx === 'store') this.storedAttrs.push({ value: n.value, attr: n.attr });
        return;
      case 'FunctionDef': case 'ClassDef': this.others.add(n.name); return;
      case 'arg': this.others.add(n.arg); return;
      case 'ExceptHandler': if (n.name) this.others.add(n.name); return;
      default: return;
    }
  };

  private bindImport(name: string, ref: Ref | null): void {
    const list = this.imports.get(name);
    if (list) list.push(ref); else this.imports.set(name, [ref]);
  }
}

/** Builds the symbol tables of a parsed script. */
export function collectSymbols(module: Module): Symbols {
  const c = new Collector();
  walk(module, (n) => { c.visit(n); });
  const strict = new Map<string, Ref>();
  const loose = new Map<string, Ref[]>();
  for (const [name, refs] of c.imports) {
    const known = refs.filter((r): r is Ref => r !== null);
    if (known.length) loose.set(name, dedupe(known));
    const one = known[0];
    if (one && known.length === refs.length && !c.others.has(name) && known.every((r) => r.entry === one.entry && r.instance === one.instance)) strict.set(name, one);
  }
  const bound = new Set([...c.imports.keys(), ...c.others]);
  const symbols = { strict, loose, bound, stars: c.stars, importsDezero: c.importsDezero, assignedMembers: new Map<string, Set<string>>() };
  inferAssignments(c.assigns, symbols, loose);
  for (const { value, attr } of c.storedAttrs) {
    const owner = strictValue(value, symbols);
    if (!owner || owner.entry.kind !== 'module') continue;
    const set = symbols.assignedMembers.get(owner.entry.path) ?? new Set<string>();
    set.add(attr);
    symbols.assignedMembers.set(owner.entry.path, set);
  }
  return symbols;
}

function dedupe(refs: Ref[]): Ref[] {
  const out: Ref[] = [];
  for (const r of refs) addRef(out, r);
  return out;
}

/** Repeats until nothing changes (or a few passes), since assignments may come in any order. */
function inferAssignments(assigns: readonly [string, Expr][], symbols: Symbols, loose: Map<string, Ref[]>): void {
  for (let pass = 0; pass < PASSES; pass++) {
    let changed = false;
    for (const [name, value] of assigns) {
      const refs = inferExpr(value, symbols);
      if (!refs.length) continue;
      const list = loose.get(name) ?? [];
      for (const r of refs) changed = addRef(list, r) || changed;
      loose.set(name, list);
    }
    if (!changed) return;
  }
}

/** What a bare name may stand for (imports, inferred assignments, then `import *`). */
export function nameValues(name: string, symbols: Symbols): readonly Ref[] {
  const own = symbols.loose.get(name);
  if (own) return own;
  if (symbols.bound.has(name)) return [];
  for (const s of symbols.stars) {
    const m = memberOf(s.entry, name);
    const v = m && valueOf(m);
    if (v) return [v];
  }
  return [];
}

/** The single API value an expression certainly denotes (names, attributes), or undefined. */
export function strictValue(e: Expr, symbols: Symbols): Ref | undefined {
  if (e.kind === 'Name') {
    const s = symbols.strict.get(e.id);
    if (s) return s;
    return symbols.bound.has(e.id) ? undefined : nameValues(e.id, symbols)[0];
  }
  if (e.kind === 'Attribute') {
    const owner = strictValue(e.value, symbols);
    if (!owner || owner.instance) return undefined;
    const m = memberOf(owner.entry, e.attr);
    return m && (m.kind === 'module' || m.kind === 'class') ? { entry: m, instance: false } : undefined;
  }
  return undefined;
}

/** Everything an expression may evaluate to, by a light, generous inference. */
export function inferExpr(e: Expr, symbols: Symbols): Ref[] {
  switch (e.kind) {
    case 'Name': return [...nameValues(e.id, symbols)];
    case 'Attribute': return collectRefs(inferExpr(e.value, symbols), (r) => {
      const m = memberOf(r.entry, e.attr);
      return m && valueOf(m);
    });
    case 'Call': return collectRefs(inferExpr(e.func, symbols), callResult);
    case 'BinOp': return arrayLike([...inferExpr(e.left, symbols), ...inferExpr(e.right, symbols)]);
    case 'UnaryOp': return arrayLike(inferExpr(e.operand, symbols));
    case 'Subscript': return arrayLike(inferExpr(e.value, symbols));
    case 'IfExp': return dedupe([...inferExpr(e.body, symbols), ...inferExpr(e.orelse, symbols)]);
    default: return [];
  }
}

function collectRefs(refs: readonly Ref[], f: (r: Ref) => Ref | undefined): Ref[] {
  const out: Ref[] = [];
  for (const r of refs) {
    const v = f(r);
    if (v) addRef(out, v);
  }
  return out;
}

/** Arithmetic and indexing keep Variables Variables (a Variable wins over an ndarray), and arrays arrays. */
function arrayLike(refs: readonly Ref[]): Ref[] {
  if (refs.some((r) => isInstanceOf(r, VARIABLE))) return [instanceOf(VARIABLE)!];
  if (refs.some((r) => isInstanceOf(r, NDARRAY))) return [instanceOf(NDARRAY)!];
  return [];
}
