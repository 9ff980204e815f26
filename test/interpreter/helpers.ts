// Small helpers shared by the interpreter front-end tests.

import assert from 'node:assert/strict';
import { ELLIPSIS, type Expr, type Module, type Stmt } from '../../src/interpreter/ast';
import { PySyntaxError } from '../../src/interpreter/errors';
import { parse } from '../../src/interpreter/parser';
import type { Range } from '../../src/interpreter/tokens';

export function parseModule(src: string): Module {
  return parse(src, 'test.py');
}

/** The expression of a one-line expression statement. */
export function expr(src: string): Expr {
  const s = parse(src, 'test.py').body[0];
  assert.equal(s.kind, 'Expr');
  return (s as Stmt & { kind: 'Expr' }).value;
}

/** The error `parse(src)` throws; fails if it throws anything else or nothing. */
export function syntaxError(src: string): PySyntaxError {
  try {
    parse(src, 'test.py');
  } catch (e) {
    if (e instanceof PySyntaxError) return e;
    throw e;
  }
  return assert.fail(`expected a syntax error for ${JSON.stringify(src)}`);
}

/** A range as `line:col-endLine:endCol`, for compact assertions. */
export function rng(r: Range): string {
  return `${r.line}:${r.col}-${r.endLine}:${r.endCol}`;
}

/** An expression as a Lisp-like string, to check structure and precedence at a glance. */
export function sexp(e: Expr | null): string {
  if (!e) return '_';
  switch (e.kind) {
    case 'Name': return e.id;
    case 'Constant':
      if (typeof e.value === 'bigint') return `${e.value}`;
      if (typeof e.value === 'number') return Number.isInteger(e.value) ? `${e.value}.0` : `${e.value}`;
      if (typeof e.value === 'string') return JSON.stringify(e.value);
      if (e.value === ELLIPSIS) return '...';
      if (e.value instanceof Uint8Array) return `b[${Array.from(e.value).join(',')}]`;
      return e.value === null ? 'None' : e.value ? 'True' : 'False';
    case 'BinOp': return `(${e.op} ${sexp(e.left)} ${sexp(e.right)})`;
    case 'UnaryOp': return `(${e.op} ${sexp(e.operand)})`;
    case 'BoolOp': return `(${e.op} ${e.values.map(sexp).join(' ')})`;
    case 'Compare': return `(${[sexp(e.left), ...e.ops.flatMap((op, i) => [op, sexp(e.comparators[i])])].join(' ')})`;
    case 'IfExp': return `(if ${sexp(e.test)} ${sexp(e.body)} ${sexp(e.orelse)})`;
    case 'Lambda': return `(lambda ${sexp(e.body)})`;
    case 'NamedExpr': return `(:= ${e.target.id} ${sexp(e.value)})`;
    case 'Call': return `(call ${[sexp(e.func), ...e.args.map(sexp), ...e.keywords.map((k) => `${k.arg ?? '**'}=${sexp(k.value)}`)].join(' ')})`;
    case 'Attribute': return `${sexp(e.value)}.${e.attr}`;
    case 'Subscript': return `${sexp(e.value)}[${sexp(e.slice)}]`;
    case 'Slice': return `${sexp(e.lower)}:${sexp(e.upper)}:${sexp(e.step)}`;
    case 'Starred': return `*${sexp(e.value)}`;
    case 'Tuple': return `(tuple ${e.elts.map(sexp).join(' ')})`;
    case 'List': return `[${e.elts.map(sexp).join(' ')}]`;
    case 'Set': return `{${e.elts.map(sexp).join(' ')}}`;
    case 'Dict': return `{${e.keys.map((k, i) => `${k ? sexp(k) : '**'}: ${sexp(e.values[i])}`).join(', ')}}`;
    case 'Yield': return `(yield ${sexp(e.value)})`;
    case 'YieldFrom': return `(yield-from ${sexp(e.value)})`;
    case 'JoinedStr': return `(f ${e.values.map(sexp).join(' ')})`;
    case 'FormattedValue': return `{${sexp(e.value)}${e.conversion ? '!' + e.conversion : ''}${e.formatSpec ? ':' + sexp(e.formatSpec) : ''}}`;
    case 'ListComp': case 'SetComp': case 'GeneratorExp':
      return `(${e.kind} ${sexp(e.elt)} ${e.generators.map((g) => `for ${sexp(g.target)} in ${sexp(g.iter)}${g.ifs.map((c) => ` if ${sexp(c)}`).join('')}`).join(' ')})`;
    case 'DictComp':
      return `(DictComp ${sexp(e.key)}: ${sexp(e.value)} ${e.generators.map((g) => `for ${sexp(g.target)} in ${sexp(g.iter)}`).join(' ')})`;
  }
}
