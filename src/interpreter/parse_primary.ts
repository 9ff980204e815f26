// Primaries: attribute access, calls (with their argument rules and messages) and
// subscriptions with slices.

import type { Call, Expr, Keyword } from './ast';
import { AtomParser, nameNode, tokenRange } from './parse_atoms';
import type { Token } from './tokens';

/** A call's arguments, or a class's bases and keywords. */
export interface CallArgs {
  args: Expr[];
  keywords: Keyword[];
}

/** Parser layer for primaries: atoms followed by `.name`, calls and subscripts. */
export abstract class PrimaryParser extends AtomParser {
  protected primary(): Expr {
    const start = this.peek();
    let e = this.atom();
    // Each trailer nests the tree one level deeper, so it counts toward the depth limit.
    for (let depth = 0; ; depth++) {
      if (depth) this.enter();
      if (this.at('.')) {
        this.advance();
        const name = this.expectName();
        e = { kind: 'Attribute', value: e, attr: nameNode(name).id, attrRange: tokenRange(name), ctx: 'load', range: this.rangeFrom(start) };
      } else if (this.at('(')) {
        e = this.call(e, start);
      } else if (this.at('[')) {
        e = this.subscript(e, start);
      } else {
        this.leave(depth);
        return e;
      }
    }
  }

  private call(func: Expr, start: Token): Call {
    const { args, keywords } = this.callArgs(true);
    return { kind: 'Call', func, args, keywords, range: this.rangeFrom(start) };
  }

  /**
   * `(` arguments `)`, the cursor on the `(`. A lone generator expression argument takes
   * the call's parentheses as its own, as in CPython; `genexp` is false for class bases.
   */
  protected callArgs(genexp: boolean): CallArgs {
    const open = this.advance();
    this.level++;
    const out: CallArgs = { args: [], keywords: [] };
    let keyword = false;
    let unpacking = false;
    // CPython reports a positional argument after keywords once it has read all arguments.
    let misplaced: string | null = null;
    while (!this.at(')')) {
      const t = this.peek();
      if (t.text === '*' && t.kind === 'Op') {
        this.advance();
        const value = this.expression();
        const star: Expr = { kind: 'Starred', value, ctx: 'load', range: this.rangeFrom(t) };
        if (unpacking) this.fail('iterable argument unpacking follows keyword argument unpacking', t);
        if (this.at('for') || this.at('async')) this.fail('iterable unpacking cannot be used in comprehension', star.range);
        out.args.push(star);
      } else if (t.text === '**' && t.kind === 'Op') {
        this.advance();
        out.keywords.push({ kind: 'keyword', arg: null, value: this.expression(), range: this.rangeFrom(t) });
        unpacking = true;
      } else if ((t.kind === 'Name' || t.text === 'True' || t.text === 'False' || t.text === 'None') && this.at('=', 1)) {
        out.keywords.push(this.keywordArg(t));
        keyword = true;
      } else {
        const e = this.positional(t, open, genexp, out);
        if ((keyword || unpacking) && !misplaced) {
          misplaced = `positional argument follows ${unpacking ? 'keyword argument unpacking' : 'keyword argument'}`;
        }
        out.args.push(e);
      }
      if (!this.eat(',')) break;
    }
    if (misplaced && this.noInvalid === 0) this.fail(misplaced, this.errorSpot(this.peek()));
    this.expect(')');
    this.level--;
    return out;
  }

  private keywordArg(t: Token): Keyword {
    this.advance();
    const eq = this.advance();
    if (t.kind === 'Keyword') this.fail(`cannot assign to ${t.text}`, this.span(t, eq));
    const value = this.expression();
    return { kind: 'keyword', arg: nameNode(t).id, value, range: this.rangeFrom(t) };
  }

  private positional(t: Token, open: Token, genexp: boolean, out: CallArgs): Expr {
    const e = t.kind === 'Name' && this.at(':=', 1) ? this.namedExpression() : this.expression();
    if (this.at('=') && this.noInvalid === 0) {
      this.fail('expression cannot contain assignment, perhaps you meant "=="?', this.span(e.range, this.peek()));
    }
    if (!genexp || !(this.at('for') || this.at('async'))) return e;
    const generators = this.comprehensions(e);
    const first = out.args.length === 0 && out.keywords.length === 0;
    if (first && !this.at(')') && !this.at(',')) this.unexpected();
    if (!first || !this.at(')')) {
      const last = generators[generators.length - 1];
      this.fail('Generator expression must be parenthesized', this.span(e.range, last.range));
    }
    const end = this.peek();
    return { kind: 'GeneratorExp', elt: e, generators, range: this.span(open, end) };
  }

  private subscript(value: Expr, start: Token): Expr {
    this.advance();
    this.level++;
    const slice = this.slices();
    this.expect(']');
    this.level--;
    return { kind: 'Subscript', value, slice, ctx: 'load', range: this.rangeFrom(start) };
  }

  /** One slice or index, or a tuple of them (`a[1:2, ::3, ..., None]`). */
  private slices(): Expr {
    const start = this.peek();
    const first = this.sliceItem();
    if (!this.at(',') && first.kind !== 'Starred') return first;
    const elts = [first];
    while (this.eat(',')) {
      if (this.at(']')) break;
      elts.push(this.sliceItem());
    }
    return { kind: 'Tuple', elts, ctx: 'load', range: this.rangeFrom(start) };
  }

  private sliceItem(): Expr {
    const start = this.peek();
    if (this.at('*')) {
      this.advance();
      return { kind: 'Starred', value: this.expression(), ctx: 'load', range: this.rangeFrom(start) };
    }
    let lower: Expr | null = null;
    if (!this.at(':')) {
      lower = this.namedExpression();
      if (!this.at(':')) return lower;
      // A slice bound cannot be an unparenthesized `:=` expression.
      if (lower.kind === 'NamedExpr' && !this.parenthesized.has(lower)) this.unexpected();
    }
    this.advance();
    const ends = (): boolean => this.at(':') || this.at(',') || this.at(']');
    const upper = ends() ? null : this.expression();
    let step: Expr | null = null;
    if (this.eat(':')) step = this.at(',') || this.at(']') ? null : this.expression();
    return { kind: 'Slice', lower, upper, step, range: this.rangeFrom(start) };
  }
}
