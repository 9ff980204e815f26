// The syntax tree: CPython's `ast` node kinds and fields (camelCase), each node with its range.

import type { Range } from './tokens';

export type { Range } from './tokens';

/** The singleton value of the `...` literal. */
export const ELLIPSIS: unique symbol = Symbol('Ellipsis');
export type EllipsisValue = typeof ELLIPSIS;

/** What a `Constant` holds: ints as bigint and floats as number, so `2` and `2.0` differ. */
export type ConstantValue = bigint | number | string | boolean | null | Uint8Array | EllipsisValue;

/** Whether a name, attribute, subscript, starred, list or tuple is read, assigned or deleted. */
export type ExprContext = 'load' | 'store' | 'del';
/** Operator names as in CPython's `ast` module. */
export type BoolOperator = 'And' | 'Or';
export type UnaryOperator = 'Invert' | 'Not' | 'UAdd' | 'USub';
export type BinaryOperator =
  | 'Add' | 'Sub' | 'Mult' | 'MatMult' | 'Div' | 'Mod' | 'Pow'
  | 'LShift' | 'RShift' | 'BitOr' | 'BitXor' | 'BitAnd' | 'FloorDiv';
export type CompareOperator = 'Eq' | 'NotEq' | 'Lt' | 'LtE' | 'Gt' | 'GtE' | 'Is' | 'IsNot' | 'In' | 'NotIn';

interface Located {
  range: Range;
}

/** A whole file. */
export interface Module extends Located { kind: 'Module'; body: Stmt[] }

// Statements. A decorated definition's range starts at `def`/`class`, as in CPython.
export interface FunctionDef extends Located {
  kind: 'FunctionDef'; name: string; nameRange: Range; args: Arguments; body: Stmt[];
  decoratorList: Expr[]; returns: Expr | null;
}
export interface ClassDef extends Located {
  kind: 'ClassDef'; name: string; nameRange: Range; bases: Expr[]; keywords: Keyword[];
  body: Stmt[]; decoratorList: Expr[];
}
export interface Return extends Located { kind: 'Return'; value: Expr | null }
export interface Delete extends Located { kind: 'Delete'; targets: Expr[] }
export interface Assign extends Located { kind: 'Assign'; targets: Expr[]; value: Expr }
export interface AugAssign extends Located {
  kind: 'AugAssign'; target: Name | Attribute | Subscript; op: BinaryOperator; value: Expr;
}
/** `simple` is true for a bare name target, false for `(x): int` or attribute/subscript targets. */
export interface AnnAssign extends Located {
  kind: 'AnnAssign'; target: Name | Attribute | Subscript; annotation: Expr; value: Expr | null; simple: boolean;
}
export interface For extends Located { kind: 'For'; target: Expr; iter: Expr; body: Stmt[]; orelse: Stmt[] }
export interface While extends Located { kind: 'While'; test: Expr; body: Stmt[]; orelse: Stmt[] }
export interface If extends Located { kind: 'If'; test: Expr; body: Stmt[]; orelse: Stmt[] }
export interface With extends Located { kind: 'With'; items: WithItem[]; body: Stmt[] }
export interface Raise extends Located { kind: 'Raise'; exc: Expr | null; cause: Expr | null }
export interface Try extends Located {
  kind: 'Try'; body: Stmt[]; handlers: ExceptHandler[]; orelse: Stmt[]; finalbody: Stmt[];
}
export interface Assert extends Located { kind: 'Assert'; test: Expr; msg: Expr | null }
export interface Import extends Located { kind: 'Import'; names: Alias[] }
/** `level` counts the leading dots of a relative import; `module` is null for `from . import x`. */
export interface ImportFrom extends Located { kind: 'ImportFrom'; module: string | null; names: Alias[]; level: number }
export interface Global extends Located { kind: 'Global'; names: string[]; nameRanges: Range[] }
export interface Nonlocal extends Located { kind: 'Nonlocal'; names: string[]; nameRanges: Range[] }
/** An expression statement (CPython's `Expr`). */
export interface ExprStmt extends Located { kind: 'Expr'; value: Expr }
export interface Pass extends Located { kind: 'Pass' }
export interface Break extends Located { kind: 'Break' }
export interface Continue extends Located { kind: 'Continue' }

/** Every statement node. */
export type Stmt =
  | FunctionDef | ClassDef | Return | Delete | Assign | AugAssign | AnnAssign | For | While | If
  | With | Raise | Try | Assert | Import | ImportFrom | Global | Nonlocal | ExprStmt | Pass | Break | Continue;

// Expressions.
export interface BoolOp extends Located { kind: 'BoolOp'; op: BoolOperator; values: Expr[] }
export interface NamedExpr extends Located { kind: 'NamedExpr'; target: Name; value: Expr }
export interface BinOp extends Located { kind: 'BinOp'; left: Expr; op: BinaryOperator; right: Expr }
export interface UnaryOp extends Located { kind: 'UnaryOp'; op: UnaryOperator; operand: Expr }
export interface Lambda extends Located { kind: 'Lambda'; args: Arguments; body: Expr }
export interface IfExp extends Located { kind: 'IfExp'; test: Expr; body: Expr; orelse: Expr }
/** A null key stands for `**value` unpacking. */
export interface Dict extends Located { kind: 'Dict'; keys: (Expr | null)[]; values: Expr[] }
export interface SetExpr extends Located { kind: 'Set'; elts: Expr[] }
export interface ListComp extends Located { kind: 'ListComp'; elt: Expr; generators: Comprehension[] }
export interface SetComp extends Located { kind: 'SetComp'; elt: Expr; generators: Comprehension[] }
export interface DictComp extends Located { kind: 'DictComp'; key: Expr; value: Expr; generators: Comprehension[] }
export interface GeneratorExp extends Located { kind: 'GeneratorExp'; elt: Expr; generators: Comprehension[] }
export interface Yield extends Located { kind: 'Yield'; value: Expr | null }
export interface YieldFrom extends Located { kind: 'YieldFrom'; value: Expr }
export interface Compare extends Located { kind: 'Compare'; left: Expr; ops: CompareOperator[]; comparators: Expr[] }
export interface Call extends Located { kind: 'Call'; func: Expr; args: Expr[]; keywords: Keyword[] }
/** A replacement field of an f-string; `conversion` is the `!r`/`!s`/`!a` letter. */
export interface FormattedValue extends Located {
  kind: 'FormattedValue'; value: Expr; conversion: 's' | 'r' | 'a' | null; formatSpec: JoinedStr | null;
}
export interface JoinedStr extends Located { kind: 'JoinedStr'; values: (Constant | FormattedValue)[] }
export interface Constant extends Located { kind: 'Constant'; value: ConstantValue }
export interface Attribute extends Located { kind: 'Attribute'; value: Expr; attr: string; attrRange: Range; ctx: ExprContext }
export interface Subscript extends Located { kind: 'Subscript'; value: Expr; slice: Expr; ctx: ExprContext }
export interface Starred extends Located { kind: 'Starred'; value: Expr; ctx: ExprContext }
export interface Name extends Located { kind: 'Name'; id: string; ctx: ExprContext }
export interface List extends Located { kind: 'List'; elts: Expr[]; ctx: ExprContext }
export interface Tuple extends Located { kind: 'Tuple'; elts: Expr[]; ctx: ExprContext }
export interface Slice extends Located { kind: 'Slice'; lower: Expr | null; upper: Expr | null; step: Expr | null }

/** Every expression node. */
export type Expr =
  | BoolOp | NamedExpr | BinOp | UnaryOp | Lambda | IfExp | Dict | SetExpr | ListComp | SetComp
  | DictComp | GeneratorExp | Yield | YieldFrom | Compare | Call | FormattedValue | JoinedStr
  | Constant | Attribute | Subscript | Starred | Name | List | Tuple | Slice;

// Parts of statements and expressions.
/** Parameters; `defaults` align with the last positional parameters, `kwDefaults` with `kwonlyargs`. */
export interface Arguments extends Located {
  kind: 'arguments'; posonlyargs: Arg[]; args: Arg[]; vararg: Arg | null; kwonlyargs: Arg[];
  kwDefaults: (Expr | null)[]; kwarg: Arg | null; defaults: Expr[];
}
export interface Arg extends Located { kind: 'arg'; arg: string; annotation: Expr | null }
/** A keyword argument; `arg` is null for `**mapping`. */
export interface Keyword extends Located { kind: 'keyword'; arg: string | null; value: Expr }
export interface Alias extends Located { kind: 'alias'; name: string; asname: string | null }
export interface WithItem extends Located { kind: 'withitem'; contextExpr: Expr; optionalVars: Expr | null }
export interface Comprehension extends Located { kind: 'comprehension'; target: Expr; iter: Expr; ifs: Expr[] }
export interface ExceptHandler extends Located { kind: 'ExceptHandler'; type: Expr | null; name: string | null; body: Stmt[] }

/** Every node kind. */
export type Node = Module | Stmt | Expr | Arguments | Arg | Keyword | Alias | WithItem | Comprehension | ExceptHandler;

/**
 * Calls `fn(child, arg)` for each direct child of `node`, in source order (a dict's keys
 * and values interleaved). Allocation-free, for hot traversals.
 */
export function forEachChild<T>(node: Node, fn: (child: Node, arg: T) => void, arg: T): void {
  switch (node.kind) {
    case 'Module': return each(node.body, fn, arg);
    case 'FunctionDef': each(node.decoratorList, fn, arg); one(node.args, fn, arg); one(node.returns, fn, arg); return each(node.body, fn, arg);
    case 'ClassDef': each(node.decoratorList, fn, arg); each(node.bases, fn, arg); each(node.keywords, fn, arg); return each(node.body, fn, arg);
    case 'Return': return one(node.value, fn, arg);
    case 'Delete': return each(node.targets, fn, arg);
    case 'Assign': each(node.targets, fn, arg); return one(node.value, fn, arg);
    case 'AugAssign': one(node.target, fn, arg); return one(node.value, fn, arg);
    case 'AnnAssign': one(node.target, fn, arg); one(node.annotation, fn, arg); return one(node.value, fn, arg);
    case 'For': one(node.target, fn, arg); one(node.iter, fn, arg); each(node.body, fn, arg); return each(node.orelse, fn, arg);
    case 'While': case 'If': one(node.test, fn, arg); each(node.body, fn, arg); return each(node.orelse, fn, arg);
    case 'With': each(node.items, fn, arg); return each(node.body, fn, arg);
    case 'Raise': one(node.exc, fn, arg); return one(node.cause, fn, arg);
    case 'Try': each(node.body, fn, arg); each(node.handlers, fn, arg); each(node.orelse, fn, arg); return each(node.finalbody, fn, arg);
    case 'Assert': one(node.test, fn, arg); return one(node.msg, fn, arg);
    case 'Import': case 'ImportFrom': return each(node.names, fn, arg);
    case 'Expr': return one(node.value, fn, arg);
    case 'BoolOp': return each(node.values, fn, arg);
    case 'NamedExpr': one(node.target, fn, arg); return one(node.value, fn, arg);
    case 'BinOp': one(node.left, fn, arg); return one(node.right, fn, arg);
    case 'UnaryOp': return one(node.operand, fn, arg);
    case 'Lambda': one(node.args, fn, arg); return one(node.body, fn, arg);
    case 'IfExp': one(node.body, fn, arg); one(node.test, fn, arg); return one(node.orelse, fn, arg);
    case 'Dict':
      for (let i = 0; i < node.values.length; i++) {
        one(node.keys[i], fn, arg);
        fn(node.values[i], arg);
      }
      return;
    case 'Set': case 'List': case 'Tuple': return each(node.elts, fn, arg);
    case 'ListComp': case 'SetComp': case 'GeneratorExp': one(node.elt, fn, arg); return each(node.generators, fn, arg);
    case 'DictComp': one(node.key, fn, arg); one(node.value, fn, arg); return each(node.generators, fn, arg);
    case 'Yield': return one(node.value, fn, arg);
    case 'YieldFrom': case 'Attribute': case 'Starred': return one(node.value, fn, arg);
    case 'Compare': one(node.left, fn, arg); return each(node.comparators, fn, arg);
    case 'Call': one(node.func, fn, arg); each(node.args, fn, arg); return each(node.keywords, fn, arg);
    case 'FormattedValue': one(node.value, fn, arg); return one(node.formatSpec, fn, arg);
    case 'JoinedStr': return each(node.values, fn, arg);
    case 'Subscript': one(node.value, fn, arg); return one(node.slice, fn, arg);
    case 'Slice': one(node.lower, fn, arg); one(node.upper, fn, arg); return one(node.step, fn, arg);
    case 'arguments':
      each(node.posonlyargs, fn, arg); each(node.args, fn, arg); each(node.defaults, fn, arg); one(node.vararg, fn, arg);
      each(node.kwonlyargs, fn, arg); each(node.kwDefaults, fn, arg); return one(node.kwarg, fn, arg);
    case 'arg': return one(node.annotation, fn, arg);
    case 'keyword': return one(node.value, fn, arg);
    case 'withitem': one(node.contextExpr, fn, arg); return one(node.optionalVars, fn, arg);
    case 'comprehension': one(node.target, fn, arg); one(node.iter, fn, arg); return each(node.ifs, fn, arg);
    case 'ExceptHandler': one(node.type, fn, arg); return each(node.body, fn, arg);
    default: return;
  }
}

function each<T>(list: readonly (Node | null)[], fn: (child: Node, arg: T) => void, arg: T): void {
  for (const c of list) if (c) fn(c, arg);
}

function one<T>(c: Node | null, fn: (child: Node, arg: T) => void, arg: T): void {
  if (c) fn(c, arg);
}

/** The direct children of a node, in source order (a dict's keys and values interleaved). */
export function children(node: Node): Node[] {
  const out: Node[] = [];
  forEachChild(node, (c, acc) => acc.push(c), out);
  return out;
}

/**
 * Visits `node` and its descendants depth-first in source order. Returning `false` from
 * the visitor skips that node's children.
 */
export function walk(node: Node, visit: (node: Node, parent: Node | null) => boolean | void): void {
  const step = (n: Node, parent: Node | null): void => {
    if (visit(n, parent) === false) return;
    forEachChild(n, step, n);
  };
  step(node, null);
}
