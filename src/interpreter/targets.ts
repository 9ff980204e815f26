// Assignment and deletion targets: which expressions may be assigned to or deleted, the
// name CPython gives an expression in its messages, and setting the store/del context.

import type { Expr, ExprContext } from './ast';
import { ELLIPSIS } from './ast';

/** The kind of target list being checked, which changes a few of CPython's answers. */
export type TargetMode = 'star' | 'for' | 'del';

/** CPython's `_PyPegen_get_expr_name`: how messages name an expression. */
export function exprName(e: Expr): string {
  switch (e.kind) {
    case 'Attribute': return 'attribute';
    case 'Subscript': return 'subscript';
    case 'Starred': return 'starred';
    case 'Name': return 'name';
    case 'List': return 'list';
    case 'Tuple': return 'tuple';
    case 'Lambda': return 'lambda';
    case 'Call': return 'function call';
    case 'BoolOp': case 'BinOp': case 'UnaryOp': return 'expression';
    case 'GeneratorExp': return 'generator expression';
    case 'Yield': case 'YieldFrom': return 'yield expression';
    case 'ListComp': return 'list comprehension';
    case 'SetComp': return 'set comprehension';
    case 'DictComp': return 'dict comprehension';
    case 'Dict': return 'dict literal';
    case 'Set': return 'set display';
    case 'JoinedStr': case 'FormattedValue': return 'f-string expression';
    case 'Compare': return 'comparison';
    case 'IfExp': return 'conditional expression';
    case 'NamedExpr': return 'named expression';
    case 'Slice': return 'slice';
    case 'Constant':
      if (e.value === null) return 'None';
      if (e.value === true) return 'True';
      if (e.value === false) return 'False';
      if (e.value === ELLIPSIS) return 'ellipsis';
      return 'literal';
  }
}

/**
 * The first part of `e` that cannot be a target, or null if `e` is a valid target
 * (CPython's `_PyPegen_get_invalid_target`). In a `for` header the parser has read
 * `x in y` as a comparison, so its left side is what gets checked.
 */
export function invalidTarget(e: Expr, mode: TargetMode): Expr | null {
  switch (e.kind) {
    case 'List':
    case 'Tuple':
      for (const elt of e.elts) {
        const bad = invalidTarget(elt, mode);
        if (bad) return bad;
      }
      return null;
    case 'Starred':
      return mode === 'del' ? e : invalidTarget(e.value, mode);
    case 'Compare':
      if (mode === 'for') return e.ops[0] === 'In' ? invalidTarget(e.left, mode) : null;
      return e;
    case 'Name':
    case 'Subscript':
    case 'Attribute':
      return null;
    default:
      return e;
  }
}

/** Marks a (valid) target and its parts as stored to or deleted. */
export function setContext(e: Expr, ctx: ExprContext): void {
  switch (e.kind) {
    case 'Name':
    case 'Attribute':
    case 'Subscript':
      e.ctx = ctx;
      return;
    case 'Starred':
      e.ctx = ctx;
      setContext(e.value, ctx);
      return;
    case 'List':
    case 'Tuple':
      e.ctx = ctx;
      for (const elt of e.elts) setContext(elt, ctx);
      return;
    default:
      return;
  }
}
