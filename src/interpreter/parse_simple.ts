// Simple statements: expression statements and every kind of assignment (with CPython's
// target messages), del, pass/break/continue, return, raise, global/nonlocal, assert
// and imports.

import { AUG_ASSIGN } from './tokens';
import type { Alias, BinaryOperator, Expr, Stmt } from './ast';
import { nameNode, tokenRange } from './parse_atoms';
import { ParamsParser } from './parse_params';
import { exprName, invalidTarget, setContext } from './targets';
import type { Range, Token } from './tokens';

const AUG_OPS: Record<string, BinaryOperator> = {
  '+': 'Add', '-': 'Sub', '*': 'Mult', '@': 'MatMult', '/': 'Div', '%': 'Mod', '&': 'BitAnd',
  '|': 'BitOr', '^': 'BitXor', '<<': 'LShift', '>>': 'RShift', '**': 'Pow', '//': 'FloorDiv',
};

/** Parser layer for simple (one-line) statements. */
export abstract class SimpleStmtParser extends ParamsParser {
  /** One simple statement (not its terminating `;` or NEWLINE). */
  protected simpleStmt(): Stmt {
    const t = this.peek();
    if (t.kind === 'Keyword') {
      switch (t.text) {
        case 'pass': case 'break': case 'continue':
          this.advance();
          return { kind: t.text === 'pass' ? 'Pass' : t.text === 'break' ? 'Break' : 'Continue', range: tokenRange(t) };
        case 'return': return this.returnStmt();
        case 'raise': return this.raiseStmt();
        case 'global': case 'nonlocal': return this.scopeStmt();
        case 'del': return this.delStmt();
        case 'assert': return this.assertStmt();
        case 'import': return this.importName();
        case 'from': return this.importFrom();
        default: break;
      }
    }
    return this.exprStmt();
  }

  private returnStmt(): Stmt {
    const start = this.advance();
    const value = this.startsStarExpression() ? this.starExpressions() : null;
    return { kind: 'Return', value, range: this.rangeFrom(start) };
  }

  private raiseStmt(): Stmt {
    const start = this.advance();
    let exc: Expr | null = null;
    let cause: Expr | null = null;
    if (this.startsStarExpression()) {
      exc = this.expression();
      if (this.eat('from')) cause = this.expression();
    }
    return { kind: 'Raise', exc, cause, range: this.rangeFrom(start) };
  }

  private scopeStmt(): Stmt {
    const start = this.advance();
    const names: string[] = [];
    const nameRanges: Range[] = [];
    do {
      const n = this.expectName();
      names.push(nameNode(n).id);
      nameRanges.push(tokenRange(n));
    } while (this.eat(','));
    const kind = start.text === 'global' ? 'Global' : 'Nonlocal';
    return { kind, names, nameRanges, range: this.rangeFrom(start) };
  }

  private delStmt(): Stmt {
    const start = this.advance();
    const e = this.starExpressions();
    const targets = e.kind === 'Tuple' && !this.parenthesized.has(e) ? e.elts : [e];
    for (const t of targets) {
      const bad = invalidTarget(t, 'del');
      if (bad) this.fail(`cannot delete ${exprName(bad)}`, bad.range);
      setContext(t, 'del');
    }
    return { kind: 'Delete', targets, range: this.rangeFrom(start) };
  }

  private assertStmt(): Stmt {
    const start = this.advance();
    const test = this.expression();
    const msg = this.eat(',') ? this.expression() : null;
    return { kind: 'Assert', test, msg, range: this.rangeFrom(start) };
  }

  private importName(): Stmt {
    const start = this.advance();
    const names: Alias[] = [];
    do {
      const aliasStart = this.peek();
      const name = this.dottedName();
      const asname = this.eat('as') ? nameNode(this.expectName()).id : null;
      names.push({ kind: 'alias', name, asname, range: this.rangeFrom(aliasStart) });
    } while (this.eat(','));
    return { kind: 'Import', names, range: this.rangeFrom(start) };
  }

  private dottedName(): string {
    let name = nameNode(this.expectName()).id;
    while (this.eat('.')) name += '.' + nameNode(this.expectName()).id;
    return name;
  }

  private importFrom(): Stmt {
    const start = this.advance();
    let level = 0;
    while (this.at('.') || this.at('...')) level += this.advance().text.length;
    const module = level && this.at('import') ? null : this.dottedName();
    this.expect('import');
    const names: Alias[] = [];
    if (this.at('*')) {
      const star = this.advance();
      names.push({ kind: 'alias', name: '*', asname: null, range: tokenRange(star) });
    } else {
      const paren = this.eat('(');
      if (paren) this.level++;
      do {
        if (paren && names.length && this.at(')')) break;
        if (!paren && names.length && this.peek().kind === 'Newline') {
          this.fail('trailing comma not allowed without surrounding parentheses', this.errorSpot(this.peek()));
        }
        const aliasStart = this.expectName();
        const asname = this.eat('as') ? nameNode(this.expectName()).id : null;
        names.push({ kind: 'alias', name: nameNode(aliasStart).id, asname, range: this.rangeFrom(aliasStart) });
      } while (this.eat(','));
      if (paren) {
        this.expect(')');
        this.level--;
      }
    }
    return { kind: 'ImportFrom', module, names, level, range: this.rangeFrom(start) };
  }

  /** Expression statements and assignments of all kinds. */
  private exprStmt(): Stmt {
    const start = this.peek();
    if (start.kind === 'Name' && this.at(':', 1)) return this.annAssign(start, this.primary());
    const first = this.at('yield') ? this.yieldExpr() : this.starExpressions();
    if (this.at(':')) return this.annAssign(start, first);
    if (this.at(':=') && first.kind !== 'Tuple' && !(first.kind === 'Name' && this.prev() === start)) this.walrusTarget(first);
    const aug = this.peek();
    const op = aug.kind === 'Op' ? AUG_ASSIGN.get(aug.text) : undefined;
    if (op) return this.augAssign(start, first, AUG_OPS[op]);
    if (this.at('=')) return this.assign(start, first);
    return { kind: 'Expr', value: first, range: this.rangeFrom(start) };
  }

  private rhs(): Expr {
    return this.at('yield') ? this.yieldExpr() : this.starExpressions();
  }

  private annAssign(start: Token, target: Expr): Stmt {
    const single = target.kind === 'Name' || target.kind === 'Attribute' || target.kind === 'Subscript';
    // CPython names a bad target only when an annotation follows the ':'.
    if (!single && (target.kind === 'Starred' || !this.lookahead(() => this.annotationAfterColon()))) this.unexpected();
    if (target.kind === 'Tuple' || target.kind === 'List') {
      const bare = target.kind === 'Tuple' && !this.parenthesized.has(target);
      const where = bare ? target.elts[0].range : target.range;
      this.fail(`only single target (not ${exprName(target)}) can be annotated`, where);
    }
    if (target.kind !== 'Name' && target.kind !== 'Attribute' && target.kind !== 'Subscript') {
      this.fail('illegal target for annotation', target.range);
    }
    this.advance();
    const annotation = this.expression();
    const value = this.eat('=') ? this.rhs() : null;
    setContext(target, 'store');
    const simple = target.kind === 'Name' && !this.parenthesized.has(target);
    return { kind: 'AnnAssign', target, annotation, value, simple, range: this.rangeFrom(start) };
  }

  private annotationAfterColon(): Expr {
    this.advance();
    return this.expression();
  }

  private augAssign(start: Token, target: Expr, op: BinaryOperator): Stmt {
    if (target.kind !== 'Name' && target.kind !== 'Attribute' && target.kind !== 'Subscript') {
      // CPython names the bad target only when a value follows the operator.
      if (!this.lookahead(() => this.advance() && this.rhs())) this.unexpected(this.peek(1));
      this.fail(`'${exprName(target)}' is an illegal expression for augmented assignment`, target.range);
    }
    this.advance();
    const value = this.rhs();
    setContext(target, 'store');
    return { kind: 'AugAssign', target, op, value, range: this.rangeFrom(start) };
  }

  /** `a = b = value`: each target is checked, left to right, as soon as its '=' is seen. */
  private assign(start: Token, first: Expr): Stmt {
    const targets = [first];
    this.checkTarget(first, start);
    let value: Expr;
    for (;;) {
      this.advance();
      value = this.rhs();
      if (!this.at('=')) break;
      this.checkTarget(value, null);
      targets.push(value);
    }
    for (const t of targets) setContext(t, 'store');
    return { kind: 'Assign', targets, value, range: this.rangeFrom(start) };
  }

  /** Checks a target, the cursor on the '=' after it; `start` is given for the first target. */
  private checkTarget(t: Expr, start: Token | null): void {
    const bad = invalidTarget(t, 'star');
    if (!bad) return;
    if (start && this.maybeComparison(start, t)) {
      this.fail(`cannot assign to ${exprName(t)} here. Maybe you meant '==' instead of '='?`, t.range);
    }
    if ((t.kind === 'Yield' || t.kind === 'YieldFrom') && !this.parenthesized.has(t)) {
      this.fail('assignment to yield expression not possible', t.range);
    }
    this.fail(`cannot assign to ${exprName(bad)}`, bad.range);
  }

  /**
   * CPython's hint applies when the first target is a single operand and the '=' is
   * followed by one operand that is not itself assigned to (`f() = 1`).
   */
  private maybeComparison(start: Token, t: Expr): boolean {
    if (!this.isBitwiseOrLevel(t) || this.startsDisplay(start)) return false;
    const ok = this.lookahead(() => {
      this.advance();
      this.bitwiseOr();
      return !this.at('=') && !this.at(':=');
    });
    return ok === true;
  }
}
