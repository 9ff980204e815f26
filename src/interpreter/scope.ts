// Scope analysis: which names are locals, cells, free variables or globals in each
// function, class body and comprehension; locals get array slots.
import * as A from './ast';

/** How a name is reached where it is used. */
export type Access =
  | { kind: 'fast'; slot: number }          // a plain local in the frame's slot array
  | { kind: 'cell'; slot: number }          // a local or free variable held in a Cell in that slot
  | { kind: 'global' }                      // module globals, then builtins
  | { kind: 'name' };                       // class body / module: the namespace dict, then globals, then builtins

export interface ScopeInfo {
  kind: 'module' | 'function' | 'class' | 'comprehension';
  /** Slot names: locals first, then cells, then free variables. */
  slots: string[];
  slotOf: Map<string, number>;
  /** Slots holding Cells (captured locals and free variables). */
  cellSlots: Set<number>;
  /** Free variables, in closure order: the enclosing scope passes these Cells. */
  freeNames: string[];
  isGenerator: boolean;
  /** Where each Name node in this scope resolves. */
  access: Map<A.Node, Access>;
}

type ScopeNode = A.Module | A.FunctionDef | A.Lambda | A.ClassDef | A.ListComp | A.SetComp | A.DictComp | A.GeneratorExp;

interface Raw {
  node: ScopeNode; kind: ScopeInfo['kind']; parent: Raw | null; children: Raw[];
  bound: Set<string>; used: Set<string>; globals: Set<string>; nonlocals: Set<string>;
  params: string[]; names: A.Name[]; isGenerator: boolean;
  cells: Set<string>; free: Set<string>;
}

const isComp = (n: A.Node): n is A.ListComp | A.SetComp | A.DictComp | A.GeneratorExp =>
  n.kind === 'ListComp' || n.kind === 'SetComp' || n.kind === 'DictComp' || n.kind === 'GeneratorExp';

function paramNames(a: A.Arguments): string[] {
  return [...a.posonlyargs, ...a.args, ...(a.vararg ? [a.vararg] : []), ...a.kwonlyargs, ...(a.kwarg ? [a.kwarg] : [])].map((p) => p.arg);
}

/** Binds names in assignment targets. */
function bindTarget(t: A.Expr, s: Raw): void {
  if (t.kind === 'Name') { s.bound.add(t.id); s.names.push(t); }
  else if (t.kind === 'Tuple' || t.kind === 'List') t.elts.forEach((e) => bindTarget(e, s));
  else if (t.kind === 'Starred') bindTarget(t.value, s);
  else visitExpr(t, s);
}

function newRaw(node: ScopeNode, kind: ScopeInfo['kind'], parent: Raw | null): Raw {
  const r: Raw = { node, kind, parent, children: [], bound: new Set(), used: new Set(), globals: new Set(), nonlocals: new Set(), params: [], names: [], isGenerator: false, cells: new Set(), free: new Set() };
  parent?.children.push(r);
  return r;
}

function visitExpr(e: A.Node, s: Raw): void {
  switch (e.kind) {
    case 'Name':
      s.names.push(e);
      if (e.ctx === 'load') s.used.add(e.id); else s.bound.add(e.id);
      return;
    case 'Lambda': {
      visitDefaults(e.args, s);
      const f = newRaw(e, 'function', s);
      f.params = paramNames(e.args);
      f.params.forEach((p) => f.bound.add(p));
      visitExpr(e.body, f);
      return;
    }
    case 'NamedExpr': {
      // The walrus binds in the nearest enclosing non-comprehension scope.
      let t = s;
      while (t.kind === 'comprehension' && t.parent) t = t.parent;
      t.bound.add(e.target.id);
      t.names.push(e.target);
      visitExpr(e.value, s);
      return;
    }
    case 'Yield': case 'YieldFrom':
      s.isGenerator = true;
      if (e.value) visitExpr(e.value, s);
      return;
    default:
      if (isComp(e)) { visitComp(e, s); return; }
      for (const c of A.children(e)) visitExpr(c, s);
  }
}

function visitComp(e: A.ListComp | A.SetComp | A.DictComp | A.GeneratorExp, s: Raw): void {
  // The first iterable is evaluated in the enclosing scope.
  visitExpr(e.generators[0].iter, s);
  const c = newRaw(e, 'comprehension', s);
  e.generators.forEach((g, i) => {
    if (i > 0) visitExpr(g.iter, c);
    bindTarget(g.target, c);
    g.ifs.forEach((x) => visitExpr(x, c));
  });
  if (e.kind === 'DictComp') { visitExpr(e.key, c); visitExpr(e.value, c); } else visitExpr(e.elt, c);
  if (e.kind === 'GeneratorExp') c.isGenerator = true;
}

function visitDefaults(a: A.Arguments, s: Raw): void {
  a.defaults.forEach((d) => visitExpr(d, s));
  a.kwDefaults.forEach((d) => d && visitExpr(d, s));
  for (const p of [...a.posonlyargs, ...a.args, ...a.kwonlyargs, a.vararg, a.kwarg]) if (p?.annotation) visitExpr(p.annotation, s);
}

function visitStmts(body: A.Stmt[], s: Raw): void { for (const st of body) visitStmt(st, s); }

function visitStmt(st: A.Stmt, s: Raw): void {
  switch (st.kind) {
    case 'FunctionDef': {
      st.decoratorList.forEach((d) => visitExpr(d, s));
      visitDefaults(st.args, s);
      if (st.returns) visitExpr(st.returns, s);
      s.bound.add(st.name);
      const f = newRaw(st, 'function', s);
      f.params = paramNames(st.args);
      f.params.forEach((p) => f.bound.add(p));
      visitStmts(st.body, f);
      return;
    }
    case 'ClassDef': {
      st.decoratorList.forEach((d) => visitExpr(d, s));
      st.bases.forEach((b) => visitExpr(b, s));
      st.keywords.forEach((k) => visitExpr(k.value, s));
      s.bound.add(st.name);
      visitStmts(st.body, newRaw(st, 'class', s));
      return;
    }
    case 'Global': st.names.forEach((n) => s.globals.add(n)); return;
    case 'Nonlocal': st.names.forEach((n) => s.nonlocals.add(n)); return;
    case 'Assign': st.targets.forEach((t) => bindTarget(t, s)); visitExpr(st.value, s); return;
    case 'AugAssign': case 'AnnAssign':
      if (st.target.kind === 'Name') { s.bound.add(st.target.id); s.used.add(st.target.id); s.names.push(st.target); } else visitExpr(st.target, s);
      if (st.kind === 'AnnAssign') visitExpr(st.annotation, s);
      if (st.value) visitExpr(st.value, s);
      return;
    case 'Delete': st.targets.forEach((t) => bindTarget(t, s)); return;
    case 'For': bindTarget(st.target, s); visitExpr(st.iter, s); visitStmts(st.body, s); visitStmts(st.orelse, s); return;
    case 'With':
      for (const it of st.items) { visitExpr(it.contextExpr, s); if (it.optionalVars) bindTarget(it.optionalVars, s); }
      visitStmts(st.body, s);
      return;
    case 'Try':
      visitStmts(st.body, s);
      for (const h of st.handlers) { if (h.type) visitExpr(h.type, s); if (h.name) s.bound.add(h.name); visitStmts(h.body, s); }
      visitStmts(st.orelse, s); visitStmts(st.finalbody, s);
      return;
    case 'Import': case 'ImportFrom':
      for (const a of st.names) if (a.name !== '*') s.bound.add(a.asname ?? a.name.split('.')[0]);
      return;
    default:
      for (const c of A.children(st)) {
        if (STMT_KINDS.has(c.kind)) visitStmt(c as A.Stmt, s); else visitExpr(c, s);
      }
  }
}

const STMT_KINDS = new Set(['FunctionDef', 'ClassDef', 'Return', 'Delete', 'Assign', 'AugAssign', 'AnnAssign', 'For', 'While', 'If', 'With', 'Raise', 'Try', 'Assert', 'Import', 'ImportFrom', 'Global', 'Nonlocal', 'Expr', 'Pass', 'Break', 'Continue']);

/** Is `name` a local binding of function-like scope r (not global/nonlocal)? */
const ownsLocal = (r: Raw, name: string) => r.kind !== 'class' && r.kind !== 'module' && r.bound.has(name) && !r.globals.has(name) && !r.nonlocals.has(name);

/** Finds the function scope that defines a free name, marking cells and free variables on the way. */
function resolveFree(r: Raw, name: string): boolean {
  for (let p = r.parent; p; p = p.parent) {
    if (p.kind === 'class') continue;
    if (p.kind === 'module') return false;
    if (p.globals.has(name)) return false;
    if (ownsLocal(p, name)) {
      p.cells.add(name);
      for (let q = r.parent; q && q !== p; q = q.parent) if (q.kind !== 'class') q.free.add(name);
      r.free.add(name);
      return true;
    }
  }
  return false;
}

/** Analyses a module: returns the ScopeInfo of every scope node, keyed by node. */
export function analyse(mod: A.Module): Map<A.Node, ScopeInfo> {
  const root = newRaw(mod, 'module', null);
  visitStmts(mod.body, root);
  const all: Raw[] = [];
  const collect = (r: Raw) => { all.push(r); r.children.forEach(collect); };
  collect(root);
  // Pass 1: free variables (this marks cells in enclosing scopes).
  for (const r of all) {
    if (r.kind === 'module') continue;
    for (const n of r.nonlocals) resolveFree(r, n);
    if (r.kind === 'class') { for (const n of r.used) if (!r.bound.has(n)) resolveFree(r, n); continue; }
    for (const n of r.used) if (!ownsLocal(r, n) && !r.globals.has(n)) resolveFree(r, n);
  }
  // Pass 2: slots and accesses.
  const infos = new Map<A.Node, ScopeInfo>();
  for (const r of all) infos.set(r.node, build(r));
  return infos;
}

function build(r: Raw): ScopeInfo {
  const info: ScopeInfo = { kind: r.kind, slots: [], slotOf: new Map(), cellSlots: new Set(), freeNames: [...r.free], isGenerator: r.isGenerator, access: new Map() };
  const add = (name: string, cell: boolean) => {
    if (info.slotOf.has(name)) return;
    const i = info.slots.length;
    info.slots.push(name); info.slotOf.set(name, i);
    if (cell) info.cellSlots.add(i);
  };
  if (r.kind === 'function' || r.kind === 'comprehension') {
    for (const p of r.params) add(p, r.cells.has(p));
    for (const n of r.bound) if (ownsLocal(r, n)) add(n, r.cells.has(n));
  }
  for (const n of r.free) if (!info.slotOf.has(n)) add(n, true);
  for (const nm of r.names) info.access.set(nm, accessOf(r, info, nm.id));
  return info;
}

function accessOf(r: Raw, info: ScopeInfo, name: string): Access {
  if (r.kind === 'module') return { kind: 'name' };
  if (r.globals.has(name)) return { kind: 'global' };
  if (r.kind === 'class') return r.free.has(name) && !r.bound.has(name) ? { kind: 'cell', slot: info.slotOf.get(name)! } : { kind: 'name' };
  const slot = info.slotOf.get(name);
  if (slot === undefined) return { kind: 'global' };
  return info.cellSlots.has(slot) ? { kind: 'cell', slot } : { kind: 'fast', slot };
}
