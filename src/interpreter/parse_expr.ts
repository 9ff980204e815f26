// Expressions by precedence, lowest first: lambda and conditional expressions, `or`,
// `and`, `not`, comparisons, binary operators, unary operators, `**`, `await`; plus
// the comma-separated forms, walrus, yield, and target lists for `for`.

import type { BinaryOperator, CompareOperator, Expr, Name, UnaryOperator } from './ast';
import { nameNode } from './parse_atoms';
import { PrimaryParser } from './parse_primary';
import { exprName } from './targets';
import type { Token } from './tokens';

/** Binary operators and their precedence (higher binds tighter), `**` aside. */
const BINARY: Record<string, [number, BinaryOperator]> = {
  '|': [1, 'BitOr'], '^': [2, 'BitXor'], '&': [3, 'BitAnd'], '<<': [4, 'LShift'], '>>': [4, 'RShift'],
  '+': [5, 'Add'], '-': [5, 'Sub'], '*': [6, 'Mult'], '/': [6, 'Div'], '//': [6, 'FloorDiv'],
  '%': [6, 'Mod'], '@': [6, 'MatMult'],
};
const UNARY: Record<string, UnaryOperator> = { '+': 'UAdd', '-': 'USub', '~': 'Invert' };
const COMPARE: Record<string, CompareOperator> = {
  '==': 'Eq', '!=': 'NotEq', '<': 'Lt', '<=': 'LtE', '>': 'Gt', '>=': 'GtE', in: 'In', is: 'Is',
};
const STARTS_EXPR_OPS = new Set(['(', '[', '{', '-', '+', '~', '...']);
const STARTS_EXPR_KEYWORDS = new Set(['None', 'True', 'False', 'not', 'lambda', 'await']);
const SOFT_KEYWORDS = ['match', 'case', '_'];

/**
 * CPython 3.11 takes any name that is a prefix of a soft keyword (`m`, `ca`, `_`) for one
 * when deciding whether to suggest a missing comma; we follow it to give the same messages.
 */
function softKeywordPrefix(name: string): boolean {
  return SOFT_KEYWORDS.some((k) => k.startsWith(name));
}

/** Whether `t` can begin an expression (not counting `*` and `yield`). */
export function startsExpression(t: Token): boolean {
  switch (t.kind) {
    case 'Name': case 'Number': case 'String': return true;
    case 'Op': return STARTS_EXPR_OPS.has(t.text);
    case 'Keyword': return STARTS_EXPR_KEYWORDS.has(t.text);
    default: return false;
  }
}

/** Parser layer for operator expressions, lambda, conditional, walrus, yield and targets. */
export abstract class ExprParser extends PrimaryParser {
  /** `a, *b, c` with an optional trailing comma: a tuple if there is a comma. */
  starExpressions(): Expr {
    const start = this.peek();
    const first = this.starExpression();
    if (!this.at(',')) return first;
    const elts = [first];
    while (this.eat(',')) {
      if (!this.startsStarExpression()) break;
      elts.push(this.starExpression());
    }
    return { kind: 'Tuple', elts, ctx: 'load', range: this.rangeFrom(start) };
  }

  protected startsStarExpression(k = 0): boolean {
    const t = this.peek(k);
    return startsExpression(t) || (t.kind === 'Op' && t.text === '*');
  }

  private starExpression(): Expr {
    if (!this.at('*')) return this.expression();
    const star = this.advance();
    const value = this.bitwiseOr();
    return { kind: 'Starred', value, ctx: 'load', range: this.rangeFrom(star) };
  }

  starNamedExpression(): Expr {
    return this.at('*') ? this.starExpression() : this.namedExpression();
  }

  /** An expression that may be `name := value`, with CPython's hints for a stray '='. */
  namedExpression(): Expr {
    const t = this.peek();
    if (t.kind === 'Name' && this.at(':=', 1)) {
      this.advance();
      this.advance();
      const value = this.expression();
      const target: Name = { ...nameNode(t), ctx: 'store' };
      return { kind: 'NamedExpr', target, value, range: this.rangeFrom(t) };
    }
    const e = this.expression();
    if (this.noInvalid === 0) {
      if (this.at(':=')) this.walrusTarget(e);
      if (this.at('=')) this.strayEquals(t, e);
    }
    return e;
  }

  /** `a.b := 1`: only a name can be assigned with ':=' (if a value follows it at all). */
  protected walrusTarget(e: Expr): void {
    const value = this.lookahead(() => {
      this.advance();
      return this.expression();
    });
    if (value) this.fail(`cannot use assignment expressions with ${exprName(e)}`, e.range);
  }

  /** `if x = 1:` and friends: CPython suggests '==' when the '=' is followed by one operand. */
  protected strayEquals(start: Token, e: Expr): void {
    const bareName = e.kind === 'Name' && start.kind === 'Name' && this.prev() === start;
    if (!bareName && !(this.isBitwiseOrLevel(e) && !this.startsDisplay(start))) return;
    const rhs = this.lookahead(() => {
      this.advance();
      const b = this.bitwiseOr();
      return this.at('=') || this.at(':=') ? null : b;
    });
    if (!rhs) return;
    if (bareName) this.fail("invalid syntax. Maybe you meant '==' or ':=' instead of '='?", this.span(e.range, rhs.range));
    this.fail(`cannot assign to ${exprName(e)} here. Maybe you meant '==' instead of '='?`, e.range);
  }

  /** Whether `e` is an operand of `|` or tighter, as CPython's `bitwise_or` rule sees it. */
  protected isBitwiseOrLevel(e: Expr): boolean {
    if (this.parenthesized.has(e)) return true;
    switch (e.kind) {
      case 'BoolOp': case 'Compare': case 'IfExp': case 'Lambda': case 'NamedExpr': case 'Starred':
      case 'Yield': case 'YieldFrom':
        return false;
      case 'UnaryOp': return e.op !== 'Not';
      case 'Tuple': return false;
      default: return true;
    }
  }

  /** CPython leaves a list, tuple, generator expression or True/None/False at `start` alone. */
  protected startsDisplay(start: Token): boolean {
    if (start.kind === 'Keyword') return ['True', 'False', 'None'].includes(start.text);
    if (start.text !== '[' && start.text !== '(') return false;
    const atom = this.lookahead(() => this.atom(), this.tokens.indexOf(start));
    return atom !== null && (atom.kind === 'List' || atom.kind === 'Tuple' || atom.kind === 'GeneratorExp');
  }

  /** lambda, conditional expression, or disjunction; with CPython's missing-comma hint. */
  expression(): Expr {
    if (this.at('lambda')) return this.lambda();
    const startIndex = this.i;
    const start = this.peek();
    const body = this.disjunction();
    if (this.at('if')) {
      this.advance();
      const test = this.disjunction();
      if (!this.at('else')) {
        if (!this.at(':') && this.noInvalid === 0) {
          this.fail("expected 'else' after 'if' expression", this.span(body.range, test.range));
        }
        this.unexpected();
      }
      this.advance();
      this.enter();
      const orelse = this.expression();
      this.leave();
      return { kind: 'IfExp', test, body, orelse, range: this.rangeFrom(start) };
    }
    if (this.noInvalid === 0 && startsExpression(this.peek())) this.juxtaposed(startIndex, body);
    return body;
  }

  /**
   * Two expressions side by side. Inside brackets CPython suggests a missing comma (it
   * skips a soft keyword, or a name directly before a string); after a lone name it reads
   * the rest as a Python 2 statement (`print x`).
   */
  private juxtaposed(startIndex: number, a: Expr): void {
    const start = this.tokens[startIndex];
    const skip = start.kind === 'Name' && (softKeywordPrefix(start.text) || this.tokens[startIndex + 1].kind === 'String');
    if (!skip) {
      // CPython's PEG parser settles for the longest prefix that is an expression.
      const b = this.lookahead(() => this.expression()) ?? this.lookahead(() => this.disjunction())
        ?? this.lookahead(() => this.atom());
      if (b && this.level > 0) this.fail('invalid syntax. Perhaps you forgot a comma?', this.span(a.range, b.range));
    }
    if (a.kind !== 'Name' || this.prev() !== start || this.at('(') || this.inLegacy) return;
    const b = this.legacyRest();
    if (b && (a.id === 'print' || a.id === 'exec')) {
      this.fail(`Missing parentheses in call to '${a.id}'. Did you mean ${a.id}(...)?`, this.span(a.range, b.range));
    }
  }

  /**
   * Reads what follows a lone name as expressions, as CPython's legacy-statement rule does:
   * a plain parse failure means no match, but its specific errors are raised.
   */
  private legacyRest(): Expr | null {
    const m = this.mark();
    this.inLegacy = true;
    try {
      return this.starExpressions();
    } catch (e) {
      if (this.isGeneric(e)) return null;
      throw e;
    } finally {
      this.inLegacy = false;
      this.reset(m);
    }
  }

  private inLegacy = false;

  private lambda(): Expr {
    const start = this.advance();
    this.enter();
    const args = this.parameters(true, start);
    this.expect(':');
    const body = this.expression();
    this.leave();
    return { kind: 'Lambda', args, body, range: this.rangeFrom(start) };
  }

  disjunction(): Expr {
    const start = this.peek();
    const first = this.conjunction();
    if (!this.at('or')) return first;
    const values = [first];
    while (this.eat('or')) values.push(this.conjunction());
    return { kind: 'BoolOp', op: 'Or', values, range: this.rangeFrom(start) };
  }

  private conjunction(): Expr {
    const start = this.peek();
    const first = this.inversion();
    if (!this.at('and')) return first;
    const values = [first];
    while (this.eat('and')) values.push(this.inversion());
    return { kind: 'BoolOp', op: 'And', values, range: this.rangeFrom(start) };
  }

  private inversion(): Expr {
    if (!this.at('not')) return this.comparison();
    const start = this.advance();
    this.enter();
    const operand = this.inversion();
    this.leave();
    return { kind: 'UnaryOp', op: 'Not', operand, range: this.rangeFrom(start) };
  }

  private comparison(): Expr {
    const start = this.peek();
    const left = this.bitwiseOr();
    const ops: CompareOperator[] = [];
    const comparators: Expr[] = [];
    for (;;) {
      const op = this.compareOp();
      if (!op) break;
      ops.push(op);
      comparators.push(this.bitwiseOr());
    }
    if (!ops.length) return left;
    return { kind: 'Compare', left, ops, comparators, range: this.rangeFrom(start) };
  }

  private compareOp(): CompareOperator | null {
    const t = this.peek();
    if (t.kind !== 'Op' && t.kind !== 'Keyword') return null;
    if (t.text === 'not') {
      if (!this.at('in', 1)) {
        this.strayNot = this.i;
        return null;
      }
      this.advance();
      this.advance();
      return 'NotIn';
    }
    const op = COMPARE[t.text];
    if (!op || (t.kind === 'Keyword') !== (t.text === 'in' || t.text === 'is')) return null;
    this.advance();
    if (op === 'Is' && this.eat('not')) return 'IsNot';
    return op;
  }

  bitwiseOr(): Expr {
    return this.binary(1);
  }

  /** Left-associative binary operators of precedence `min` and above (precedence climbing). */
  private binary(min: number): Expr {
    const start = this.peek();
    let left = this.factor();
    // Each operator nests the tree one level deeper, so it counts toward the depth limit.
    let depth = 0;
    for (;;) {
      const t = this.peek();
      const entry = t.kind === 'Op' ? BINARY[t.text] : undefined;
      if (!entry || entry[0] < min) break;
      this.advance();
      this.enter();
      depth++;
      const right = this.binary(entry[0] + 1);
      left = { kind: 'BinOp', left, op: entry[1], right, range: this.rangeFrom(start) };
    }
    this.leave(depth);
    return left;
  }

  private factor(): Expr {
    const t = this.peek();
    const op = t.kind === 'Op' ? UNARY[t.text] : undefined;
    if (!op) return this.power();
    this.advance();
    this.enter();
    const operand = this.factor();
    this.leave();
    return { kind: 'UnaryOp', op, operand, range: this.rangeFrom(t) };
  }

  /** `**` binds tighter than a unary operator on its left, and is right-associative. */
  private power(): Expr {
    const start = this.peek();
    const base = this.awaitPrimary();
    if (!this.at('**')) return base;
    this.advance();
    this.enter();
    const exponent = this.factor();
    this.leave();
    return { kind: 'BinOp', left: base, op: 'Pow', right: exponent, range: this.rangeFrom(start) };
  }

  private awaitPrimary(): Expr {
    if (!this.at('await')) return this.primary();
    const start = this.advance();
    this.primary();
    return this.fail("'await' is not supported", this.rangeFrom(start), 'unsupported');
  }

  /** `yield`, `yield value(s)` or `yield from value`. */
  yieldExpr(): Expr {
    const start = this.advance();
    if (this.eat('from')) {
      const value = this.expression();
      return { kind: 'YieldFrom', value, range: this.rangeFrom(start) };
    }
    const value = this.startsStarExpression() ? this.starExpressions() : null;
    return { kind: 'Yield', value, range: this.rangeFrom(start) };
  }

  /** A `for` target list: `*`-able operands of `|`, comma-separated. */
  starTargets(): Expr {
    const start = this.peek();
    const first = this.starTarget();
    if (!this.at(',')) return first;
    const elts = [first];
    while (this.eat(',')) {
      if (!this.startsStarExpression()) break;
      elts.push(this.starTarget());
    }
    return { kind: 'Tuple', elts, ctx: 'store', range: this.rangeFrom(start) };
  }

  /** One target: an atom with trailers (`a.b[c]`, `(x, y)`), or a starred one. */
  protected starTarget(): Expr {
    if (!this.at('*')) return this.primary();
    const star = this.advance();
    const value = this.starTarget();
    return { kind: 'Starred', value, ctx: 'store', range: this.rangeFrom(star) };
  }
}
