// Statements and blocks: compound statements (if, while, for, try, with, def, class,
// decorators) and the soft keyword `match`, on top of the simple statements.

import type { ExceptHandler, Expr, Stmt, WithItem } from './ast';
import { PySyntaxError } from './errors';
import { identifier, tokenRange } from './parse_atoms';
import { SimpleStmtParser } from './parse_simple';
import { exprName, invalidTarget, setContext } from './targets';
import type { Range, Token } from './tokens';

const BLOCK_OPENERS = new Set(['if', 'while', 'for', 'try', 'with', 'def', 'class', '@', 'async']);

/** The top layer of the parser: statements, blocks and compound statements. */
export abstract class CompoundParser extends SimpleStmtParser {
  /** Statements up to the end of input, or of the current block. */
  statements(): Stmt[] {
    const body: Stmt[] = [];
    for (;;) {
      const t = this.peek();
      if (t.kind === 'EndMarker' || t.kind === 'Dedent') break;
      if (t.kind === 'Newline') this.unexpected();
      this.statement(body);
    }
    return body;
  }

  /** Parses one statement (or a line of simple statements) into `out`. */
  private statement(out: Stmt[]): void {
    const t = this.peek();
    if ((t.kind === 'Keyword' || t.text === '@') && BLOCK_OPENERS.has(t.text)) {
      out.push(this.compound(t));
      return;
    }
    const newline = t.kind === 'Name' && t.text === 'match' && this.startsStarExpression(1) ? this.matchStatement(t) : null;
    if (!newline) return void this.simpleStmts(out);
    // `match x` then a line break: an expression statement, or a match statement missing its ':'.
    try {
      this.simpleStmts(out);
    } catch (e) {
      if (this.isGeneric(e)) this.fail("expected ':'", newline);
      throw e;
    }
  }

  private simpleStmts(stmts: Stmt[] = []): Stmt[] {
    stmts.push(this.simpleStmt());
    while (this.eat(';')) {
      if (this.peek().kind === 'Newline') break;
      stmts.push(this.simpleStmt());
    }
    if (this.peek().kind !== 'Newline') this.unexpected();
    this.advance();
    return stmts;
  }

  private compound(t: Token): Stmt {
    switch (t.text) {
      case 'if': return this.ifStmt();
      case 'while': return this.whileStmt();
      case 'for': return this.forStmt();
      case 'try': return this.tryStmt();
      case 'with': return this.withStmt();
      case 'def': return this.funcDef([]);
      case 'class': return this.classDef([]);
      case '@': return this.decorated();
      default: return this.asyncStmt(t);
    }
  }

  private asyncStmt(t: Token): never {
    const next = this.peek(1);
    if (next.kind === 'Keyword' && ['def', 'for', 'with'].includes(next.text)) {
      this.fail(`'async ${next.text}' is not supported`, this.span(t, next), 'unsupported');
    }
    return this.unexpected(next);
  }

  /**
   * `match` is a soft keyword: only `match <subject>:` at the end of a line starts a match
   * statement. Returns the NEWLINE token when the subject is directly followed by one.
   */
  private matchStatement(t: Token): Token | null {
    const after = this.lookahead(() => {
      this.advance();
      this.starExpressions();
      const next = this.peek();
      if (next.text === ':' && next.kind === 'Op') return this.peek(1).kind === 'Newline' ? next : null;
      return next.kind === 'Newline' ? next : null;
    });
    if (after && after.text === ':') this.fail("'match' statements are not supported", this.span(t, after), 'unsupported');
    return after;
  }

  /** The ':' ending a statement header; CPython names it only when the line ends instead. */
  private colon(forced = false): void {
    if (this.eat(':')) return;
    if (forced || this.peek().kind === 'Newline') this.fail("expected ':'", this.errorSpot(this.peek()));
    this.unexpected();
  }

  /** A block after a header's ':', either indented statements or simple statements on the line. */
  private block(header: Token, what: string): Stmt[] {
    if (this.peek().kind !== 'Newline') return this.simpleStmts();
    this.advance();
    if (this.peek().kind !== 'Indent') {
      this.fail(`expected an indented block after ${what} on line ${header.line}`, this.errorSpot(this.peek()), 'indentation');
    }
    this.advance();
    const body = this.statements();
    if (this.peek().kind === 'Dedent') this.advance();
    return body;
  }

  /**
   * A compound statement's range: from its keyword to the last token of its last block
   * that is not a line break or indentation (a trailing ';' included, as in CPython).
   */
  private through(start: Range): Range {
    let j = this.i - 1;
    while (j > 0 && ['Newline', 'Indent', 'Dedent'].includes(this.tokens[j].kind)) j--;
    return this.span(start, this.tokens[j]);
  }

  private ifStmt(): Stmt {
    const start = this.advance();
    const test = this.namedExpression();
    this.colon();
    const body = this.block(start, `'${start.text}' statement`);
    let orelse: Stmt[] = [];
    if (this.at('elif')) orelse = [this.ifStmt()];
    else if (this.at('else')) orelse = this.elseBlock();
    return { kind: 'If', test, body, orelse, range: this.through(start) };
  }

  private elseBlock(): Stmt[] {
    const t = this.advance();
    this.colon(true);
    return this.block(t, `'${t.text}' statement`);
  }

  private whileStmt(): Stmt {
    const start = this.advance();
    const test = this.namedExpression();
    this.colon();
    const body = this.block(start, "'while' statement");
    const orelse = this.at('else') ? this.elseBlock() : [];
    return { kind: 'While', test, body, orelse, range: this.through(start) };
  }

  private forStmt(): Stmt {
    const start = this.advance();
    const target = this.forTarget();
    const iter = this.starExpressions();
    this.colon();
    const body = this.block(start, "'for' statement");
    const orelse = this.at('else') ? this.elseBlock() : [];
    return { kind: 'For', target, iter, body, orelse, range: this.through(start) };
  }

  private tryStmt(): Stmt {
    const start = this.advance();
    this.colon(true);
    const body = this.block(start, "'try' statement");
    const handlers: ExceptHandler[] = [];
    while (this.at('except')) handlers.push(this.exceptHandler());
    const orelse = handlers.length && this.at('else') ? this.elseBlock() : [];
    const finalbody = this.at('finally') ? this.elseBlock() : [];
    if (!handlers.length && !finalbody.length) {
      this.fail("expected 'except' or 'finally' block", this.errorSpot(this.peek()));
    }
    return { kind: 'Try', body, handlers, orelse, finalbody, range: this.through(start) };
  }

  private exceptHandler(): ExceptHandler {
    const start = this.advance();
    if (this.at('*')) this.fail("'except*' is not supported", this.span(start, this.peek()), 'unsupported');
    let type: Expr | null = null;
    let name: string | null = null;
    if (!this.at(':')) {
      type = this.expression();
      if (this.at(',')) {
        const rest = this.lookahead(() => {
          this.advance();
          return this.starExpressions();
        });
        this.fail('multiple exception types must be parenthesized', this.span(type.range, rest ? rest.range : type.range));
      }
      if (this.eat('as')) name = identifier(this.expectName().text);
    }
    this.colon();
    const body = this.block(start, "'except' statement");
    return { kind: 'ExceptHandler', type, name, body, range: this.through(start) };
  }

  private withStmt(): Stmt {
    const start = this.advance();
    const items = this.at('(') ? this.eitherWithItems() : this.withItems();
    this.colon();
    const body = this.block(start, "'with' statement");
    return { kind: 'With', items, body, range: this.through(start) };
  }

  /**
   * After `with (` the items may be parenthesized, or the '(' may start an expression.
   * If neither parses, a specific message from the first reading wins (CPython tries it
   * first), otherwise the error that got further.
   */
  private eitherWithItems(): WithItem[] {
    const start = this.mark();
    let first: PySyntaxError;
    try {
      return this.parenthesizedWithItems();
    } catch (e) {
      if (!this.recoverable(e)) throw e;
      first = e;
    }
    this.reset(start);
    try {
      return this.withItems();
    } catch (e) {
      if (!this.recoverable(e)) throw e;
      if (first.message !== 'invalid syntax') throw first;
      if (e.message !== 'invalid syntax') throw e;
      throw e.line > first.line || (e.line === first.line && e.col >= first.col) ? e : first;
    }
  }

  /** `with (a as b, c as d):` — only if the closing ')' is followed by ':'. */
  private parenthesizedWithItems(): WithItem[] {
    this.advance();
    this.level++;
    const items: WithItem[] = [];
    do {
      if (items.length && this.at(')')) break;
      items.push(this.withItem());
    } while (this.eat(','));
    this.expect(')');
    this.level--;
    if (this.peek().kind === 'Newline') this.fail("expected ':'", this.peek());
    if (!this.at(':')) this.unexpected();
    return items;
  }

  private withItems(): WithItem[] {
    const items = [this.withItem()];
    while (this.eat(',')) items.push(this.withItem());
    return items;
  }

  private withItem(): WithItem {
    const start = this.peek();
    const contextExpr = this.expression();
    let optionalVars: Expr | null = null;
    if (this.eat('as')) {
      optionalVars = this.withTarget();
      setContext(optionalVars, 'store');
    }
    return { kind: 'withitem', contextExpr, optionalVars, range: this.rangeFrom(start) };
  }

  /**
   * The target after `as`, which must end the item. Otherwise, like CPython, re-read it as
   * an expression to name what cannot be assigned to.
   */
  private withTarget(): Expr {
    const start = this.i;
    const target = this.attempt(() => this.starTarget());
    if (target && !invalidTarget(target, 'star')) return target;
    const asExpr = this.lookahead(() => {
      const e = this.expression();
      return this.at(',') || this.at(')') || this.at(':') ? e : null;
    }, start);
    const bad = asExpr && invalidTarget(asExpr, 'star');
    if (bad) this.fail(`cannot assign to ${exprName(bad)}`, bad.range);
    // Without a better message, fail where reading the target failed.
    return target ? this.unexpected() : this.starTarget();
  }

  private decorated(): Stmt {
    const decorators: Expr[] = [];
    while (this.eat('@')) {
      decorators.push(this.namedExpression());
      if (this.peek().kind !== 'Newline') this.unexpected();
      this.advance();
    }
    const t = this.peek();
    if (t.text === 'def' && t.kind === 'Keyword') return this.funcDef(decorators);
    if (t.text === 'class' && t.kind === 'Keyword') return this.classDef(decorators);
    if (t.text === 'async' && t.kind === 'Keyword') return this.asyncStmt(t);
    return this.unexpected();
  }

  private funcDef(decoratorList: Expr[]): Stmt {
    const start = this.advance();
    const nameTok = this.expectName();
    const open = this.expectForced('(');
    this.level++;
    const args = this.parameters(false, open);
    this.expect(')');
    this.level--;
    const returns = this.returnAnnotation();
    this.colon(true);
    const body = this.block(start, 'function definition');
    return {
      kind: 'FunctionDef', name: identifier(nameTok.text), nameRange: tokenRange(nameTok), args, body,
      decoratorList, returns, range: this.through(start),
    };
  }

  /** `-> annotation`; if no expression follows the arrow, CPython expects the ':' there. */
  private returnAnnotation(): Expr | null {
    const arrow = this.eat('->');
    if (!arrow) return null;
    // Like CPython's PEG parser, settle for the longest prefix that is an expression.
    const annotation = this.attempt(() => this.expression()) ?? this.attempt(() => this.disjunction())
      ?? this.attempt(() => this.primary());
    if (!annotation) this.fail("expected ':'", arrow);
    return annotation;
  }

  private classDef(decoratorList: Expr[]): Stmt {
    const start = this.advance();
    const nameTok = this.expectName();
    const { args: bases, keywords } = this.at('(') ? this.callArgs(false) : { args: [], keywords: [] };
    this.colon();
    const body = this.block(start, 'class definition');
    return {
      kind: 'ClassDef', name: identifier(nameTok.text), nameRange: tokenRange(nameTok), bases, keywords, body,
      decoratorList, range: this.through(start),
    };
  }
}
