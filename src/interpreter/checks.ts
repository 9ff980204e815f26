// Checks CPython makes after parsing, in its symbol table (nonlocal at module level,
// duplicate parameters, yield in a comprehension) and then its compiler (statements
// outside their function or loop, misplaced starred expressions, repeated keywords).

import {
  forEachChild, type Arguments, type DictComp, type GeneratorExp, type ListComp, type Node, type SetComp, type Stmt,
} from './ast';
import type { Range } from './tokens';

/** Reports a SyntaxError at a range. */
export type CheckFail = (message: string, range: Range) => never;

interface Scope {
  readonly block: 'module' | 'class' | 'function';
  readonly loop: boolean;
  /** Inside a comprehension: its name for messages ('list comprehension', …). */
  readonly comp: string | null;
  /** Inside a comprehension's iterable, where `:=` may not appear. */
  readonly compIter?: boolean;
}

interface Finding {
  readonly message: string;
  readonly range: Range;
}

const COMPREHENSIONS: Record<string, string> = {
  ListComp: 'list comprehension', SetComp: 'set comprehension', DictComp: 'dict comprehension',
  GeneratorExp: 'generator expression',
};
const STAR_CONTAINERS = new Set(['List', 'Tuple', 'Set', 'Call', 'ClassDef']);
const MODULE: Scope = { block: 'module', loop: false, comp: null };
const FUNCTION: Scope = { block: 'function', loop: false, comp: null };
// A lambda or comprehension body is a new scope: the `:=` restriction does not reach into it.
const CLASS: Scope = { block: 'class', loop: false, comp: null };

/**
 * Walks the module once; CPython's symbol table sees the whole module before its compiler
 * does, so the first symbol-table finding wins over any compiler finding.
 */
export function checkModule(body: readonly Stmt[], fail: CheckFail): void {
  const w = new Walker();
  for (const s of body) w.visit(s, MODULE);
  const first = w.symtable ?? w.compiler;
  if (first) fail(first.message, first.range);
}

/** Visits nodes depth-first in source order, tracking each one's scope and parent. */
class Walker {
  symtable: Finding | null = null;
  compiler: Finding | null = null;
  private parent: Node | null = null;
  private readonly visitChild = (child: Node, s: Scope): void => this.visit(child, s);

  visit(node: Node, s: Scope): void {
    this.check(node, s);
    const saved = this.parent;
    this.parent = node;
    this.children(node, s);
    this.parent = saved;
  }

  private children(node: Node, s: Scope): void {
    switch (node.kind) {
      case 'FunctionDef':
        this.all(node.decoratorList, s);
        this.visit(node.args, s);
        if (node.returns) this.visit(node.returns, s);
        return this.all(node.body, FUNCTION);
      case 'Lambda':
        this.visit(node.args, s);
        return this.visit(node.body, FUNCTION);
      case 'ClassDef':
        this.all(node.decoratorList, s);
        this.all(node.bases, s);
        this.all(node.keywords, s);
        return this.all(node.body, CLASS);
      // The compiler evaluates the value (or iterable) before it assigns to the targets.
      case 'Assign':
        this.visit(node.value, s);
        return this.all(node.targets, s);
      case 'AnnAssign':
        if (node.value) this.visit(node.value, s);
        this.visit(node.target, s);
        return this.visit(node.annotation, s);
      case 'For':
        this.visit(node.iter, s);
        this.visit(node.target, s);
        this.all(node.body, s.loop ? s : { ...s, loop: true });
        return this.all(node.orelse, s);
      case 'While':
        this.visit(node.test, s);
        this.all(node.body, s.loop ? s : { ...s, loop: true });
        return this.all(node.orelse, s);
      case 'ListComp': case 'SetComp': case 'DictComp': case 'GeneratorExp':
        return this.comprehension(node, s);
      default:
        return forEachChild(node, this.visitChild, s);
    }
  }

  /** The first iterable is evaluated outside the comprehension's own scope. */
  private comprehension(node: ListComp | SetComp | DictComp | GeneratorExp, s: Scope): void {
    const inner: Scope = { block: 'function', loop: false, comp: COMPREHENSIONS[node.kind] };
    node.generators.forEach((g, k) => {
      this.visit(g.target, inner);
      this.visit(g.iter, { ...(k === 0 ? s : inner), compIter: true });
      this.all(g.ifs, inner);
    });
    if (node.kind === 'DictComp') {
      this.visit(node.key, inner);
      this.visit(node.value, inner);
    } else {
      this.visit(node.elt, inner);
    }
  }

  private all(nodes: readonly Node[], s: Scope): void {
    for (const n of nodes) this.visit(n, s);
  }

  private check(n: Node, s: Scope): void {
    switch (n.kind) {
      case 'Nonlocal':
        if (s.block === 'module') this.symtableError('nonlocal declaration not allowed at module level', n.range);
        return;
      case 'arguments': return this.duplicateParameters(n);
      case 'NamedExpr':
        if (s.compIter) this.symtableError('assignment expression cannot be used in a comprehension iterable expression', n.range);
        return;
      case 'Yield': case 'YieldFrom':
        if (s.comp) this.symtableError(`'yield' inside ${s.comp}`, n.range);
        else if (s.block !== 'function') this.compilerError("'yield' outside function", n.range);
        return;
      case 'Return':
        if (s.block !== 'function') this.compilerError("'return' outside function", n.range);
        return;
      case 'Break':
        if (!s.loop) this.compilerError("'break' outside loop", n.range);
        return;
      case 'Continue':
        if (!s.loop) this.compilerError("'continue' not properly in loop", n.range);
        return;
      case 'Call': case 'ClassDef': return this.repeatedKeywords(n.keywords);
      case 'Starred': return this.starred(n.ctx === 'store', n.range);
      case 'List': case 'Tuple':
        if (n.ctx === 'store' && n.elts.filter((e) => e.kind === 'Starred').length > 1) {
          this.compilerError('multiple starred expressions in assignment', n.range);
        }
        return;
      default:
        return;
    }
  }

  /** A starred expression belongs only in a display, a call's arguments or a class's bases. */
  private starred(store: boolean, range: Range): void {
    if (this.parent && STAR_CONTAINERS.has(this.parent.kind)) return;
    this.compilerError(store ? 'starred assignment target must be in a list or tuple' : "can't use starred expression here", range);
  }

  private duplicateParameters(a: Arguments): void {
    const seen = new Set<string>();
    const all = [...a.posonlyargs, ...a.args, ...(a.vararg ? [a.vararg] : []), ...a.kwonlyargs, ...(a.kwarg ? [a.kwarg] : [])];
    for (const p of all) {
      if (seen.has(p.arg)) this.symtableError(`duplicate argument '${p.arg}' in function definition`, p.range);
      seen.add(p.arg);
    }
  }

  private repeatedKeywords(keywords: readonly { arg: string | null; range: Range }[]): void {
    if (keywords.length < 2) return;
    const seen = new Set<string>();
    for (const k of keywords) {
      if (k.arg === null) continue;
      if (seen.has(k.arg)) this.compilerError(`keyword argument repeated: ${k.arg}`, k.range);
      seen.add(k.arg);
    }
  }

  private symtableError(message: string, range: Range): void {
    this.symtable ??= { message, range };
  }

  private compilerError(message: string, range: Range): void {
    this.compiler ??= { message, range };
  }
}
