// Parameter lists of `def` and `lambda`: positional-only `/`, defaults, `*args`,
// keyword-only parameters and `**kwargs`, with CPython's messages for misplaced ones.

import type { Arg, Arguments, Expr } from './ast';
import { nameNode, tokenRange } from './parse_atoms';
import { ExprParser } from './parse_expr';
import type { Range, Token } from './tokens';

/** Parameters collected so far, in the order CPython's `arguments` node wants them. */
interface ParamState {
  posonlyargs: Arg[];
  args: Arg[];
  defaults: Expr[];
  vararg: Arg | null;
  kwonlyargs: Arg[];
  kwDefaults: (Expr | null)[];
  kwarg: Arg | null;
  slash: Token | null;
  star: Token | null;
}

/** Parser layer for the parameter lists of `def` and `lambda`. */
export abstract class ParamsParser extends ExprParser {
  /**
   * Parameters up to (not including) the closing `)` of a `def`, or the `:` of a lambda.
   * Only `def` parameters may carry annotations.
   */
  parameters(lambda: boolean, after: Range): Arguments {
    const close = lambda ? ':' : ')';
    const first = this.peek();
    const s: ParamState = {
      posonlyargs: [], args: [], defaults: [], vararg: null, kwonlyargs: [], kwDefaults: [], kwarg: null, slash: null, star: null,
    };
    while (!this.at(close)) {
      const t = this.peek();
      if (t.kind === 'Op' && t.text === '(') this.parenthesizedParams(lambda);
      if (t.kind === 'Op' && t.text === '/') this.slash(s);
      else if (t.kind === 'Op' && t.text === '*') this.star(s, lambda, close);
      else if (t.kind === 'Op' && t.text === '**') this.doubleStar(s, lambda, close);
      else this.plain(s, lambda);
      if (!this.eat(',')) break;
    }
    if (s.star && !s.vararg && !s.kwonlyargs.length) this.fail('named arguments must follow bare *', lambda ? this.peek() : s.star);
    const range = this.at(close) && first === this.peek()
      ? { line: after.endLine, col: after.endCol, endLine: after.endLine, endCol: after.endCol }
      : this.rangeFrom(first);
    return {
      kind: 'arguments', posonlyargs: s.posonlyargs, args: s.args, vararg: s.vararg, kwonlyargs: s.kwonlyargs,
      kwDefaults: s.kwDefaults, kwarg: s.kwarg, defaults: s.defaults, range,
    };
  }

  /** `def f((a, b))`: CPython names the mistake when the parentheses hold only names. */
  private parenthesizedParams(lambda: boolean): void {
    const open = this.peek();
    const close = this.lookahead(() => {
      this.advance();
      do {
        if (this.peek().kind !== 'Name') return null;
        this.advance();
      } while (this.eat(',') && !this.at(')'));
      return this.at(')') ? this.peek() : null;
    });
    const what = lambda ? 'Lambda expression parameters' : 'Function parameters';
    if (close) this.fail(`${what} cannot be parenthesized`, this.span(open, close));
  }

  private slash(s: ParamState): void {
    const t = this.advance();
    if (s.slash) this.fail('/ may appear only once', t);
    if (s.star) this.fail('/ must be ahead of *', t);
    if (!s.args.length) this.fail('at least one argument must precede /', t);
    if (this.at('*')) this.fail('expected comma between / and *', this.peek());
    s.posonlyargs = s.args;
    s.args = [];
    s.slash = t;
  }

  private star(s: ParamState, lambda: boolean, close: string): void {
    const t = this.advance();
    if (s.star) {
      if (this.peek().kind === 'Name' || this.at(',')) this.fail('* argument may appear only once', t);
      this.unexpected(t);
    }
    s.star = t;
    if (this.at(',') || this.at(close)) {
      const bare = this.at(close) || this.at('**', 1) || this.at(close, 1);
      // For a lambda CPython reports at the token that shows the star is bare.
      if (bare) this.fail('named arguments must follow bare *', lambda ? this.peek(this.at(close) ? 0 : 1) : t);
      return;
    }
    s.vararg = this.param(lambda);
    if (this.at('=')) this.fail('var-positional argument cannot have default value', this.peek());
  }

  private doubleStar(s: ParamState, lambda: boolean, close: string): void {
    this.advance();
    s.kwarg = this.param(lambda);
    if (this.at('=')) this.fail('var-keyword argument cannot have default value', this.peek());
    if (this.at(',') && !this.at(close, 1)) {
      this.advance();
      this.fail('arguments cannot follow var-keyword argument', this.peek());
    }
  }

  private plain(s: ParamState, lambda: boolean): void {
    const p = this.param(lambda);
    const eq = this.eat('=');
    if (eq && (this.at(',') || this.at(lambda ? ':' : ')'))) this.fail('expected default value expression', eq);
    const value = eq ? this.expression() : null;
    if (s.star) {
      s.kwonlyargs.push(p);
      s.kwDefaults.push(value);
      return;
    }
    if (value) s.defaults.push(value);
    else if (s.defaults.length) this.fail('non-default argument follows default argument', p.range);
    s.args.push(p);
  }

  private param(lambda: boolean): Arg {
    const name = this.expectName();
    const annotation = !lambda && this.eat(':') ? this.expression() : null;
    return { kind: 'arg', arg: nameNode(name).id, annotation, range: annotation ? this.rangeFrom(name) : tokenRange(name) };
  }
}
