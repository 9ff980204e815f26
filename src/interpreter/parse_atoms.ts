// Atoms: names, numbers, strings, `...`, and bracketed forms (tuples, groups, lists,
// dicts, sets, comprehensions and generator expressions).

import { ELLIPSIS, type Comprehension, type Constant, type Expr, type Name } from './ast';
import { concatStrings } from './fstring';
import { ParserBase, type ParserMark } from './parser_base';
import { invalidTarget, exprName, setContext } from './targets';
import type { Range, Token } from './tokens';

/** Parser layer for atoms and bracketed displays. */
export abstract class AtomParser extends ParserBase {
  protected atom(): Expr {
    const t = this.peek();
    switch (t.kind) {
      case 'Name':
        this.advance();
        return nameNode(t);
      case 'Number':
        return this.number();
      case 'String':
        return this.strings();
      case 'Keyword':
        if (t.text === 'None' || t.text === 'True' || t.text === 'False') {
          this.advance();
          return { kind: 'Constant', value: t.text === 'None' ? null : t.text === 'True', range: tokenRange(t) };
        }
        break;
      case 'Op':
        if (t.text === '(') return this.nested(() => this.group());
        if (t.text === '[') return this.nested(() => this.list());
        if (t.text === '{') return this.nested(() => this.dictOrSet());
        if (t.text === '...') {
          this.advance();
          return { kind: 'Constant', value: ELLIPSIS, range: tokenRange(t) };
        }
        break;
      default:
        break;
    }
    return this.unexpected(t);
  }

  private nested<T>(f: () => T): T {
    this.enter();
    const r = f();
    this.leave();
    return r;
  }

  private number(): Constant {
    const t = this.advance();
    const text = t.text.replace(/_/g, '');
    const last = text[text.length - 1];
    if (last === 'j' || last === 'J') this.fail('complex literals are not supported', tokenRange(t), 'unsupported');
    const radix = /^0[xob]/i.test(text);
    const isFloat = !radix && /[.eE]/.test(text);
    const value = isFloat ? Number(text) : BigInt(radix ? text.toLowerCase() : text);
    return { kind: 'Constant', value, range: tokenRange(t) };
  }

  private strings(): Expr {
    const run: Token[] = [];
    while (this.peek().kind === 'String') run.push(this.advance());
    try {
      return concatStrings(run, this);
    } catch (e) {
      this.hard.add(e);
      throw e;
    }
  }

  /** `(` … `)`: the empty tuple, a group, a tuple, a generator expression, or `(yield)`. */
  private group(): Expr {
    const open = this.advance();
    this.level++;
    if (this.at(')')) return this.bracketed({ kind: 'Tuple', elts: [], ctx: 'load', range: this.close(open) });
    if (this.at('yield')) {
      const y = this.yieldExpr();
      this.close(open);
      this.parenthesized.add(y);
      return y;
    }
    if (this.at('**')) {
      const star = this.advance();
      this.expression();
      if (this.at(')')) this.fail('cannot use double starred expression here', star);
      this.unexpected();
    }
    const first = this.starNamedExpression();
    if (this.at('for') || this.at('async')) {
      const generators = this.comprehensions(first);
      return this.bracketed({ kind: 'GeneratorExp', elt: first, generators, range: this.close(open) });
    }
    if (this.at(',')) {
      const elts = this.elements(first, ')');
      return this.bracketed({ kind: 'Tuple', elts, ctx: 'load', range: this.close(open) });
    }
    if (first.kind === 'Starred' && this.at(')')) this.fail('cannot use starred expression here', first.range);
    this.close(open);
    this.parenthesized.add(first);
    return first;
  }

  private bracketed(e: Expr): Expr {
    this.parenthesized.add(e);
    return e;
  }

  /** `[` … `]`: a list display or a list comprehension. */
  private list(): Expr {
    const open = this.advance();
    this.level++;
    if (this.at(']')) return { kind: 'List', elts: [], ctx: 'load', range: this.close(open) };
    const first = this.starNamedExpression();
    if (this.at('for') || this.at('async')) {
      const generators = this.comprehensions(first);
      return { kind: 'ListComp', elt: first, generators, range: this.close(open) };
    }
    const elts = this.elements(first, ']');
    return { kind: 'List', elts, ctx: 'load', range: this.close(open) };
  }

  /** `{` … `}`: a dict or set display, or a dict or set comprehension. */
  private dictOrSet(): Expr {
    const open = this.advance();
    this.level++;
    if (this.at('}')) return { kind: 'Dict', keys: [], values: [], range: this.close(open) };
    if (this.at('**')) return this.dictRest(open, null, this.doubleStarred());
    const first = this.starNamedExpression();
    if (this.at(':')) {
      const value = this.dictValue();
      if (this.at('for') || this.at('async')) {
        const generators = this.comprehensions(first);
        return { kind: 'DictComp', key: first, value, generators, range: this.close(open) };
      }
      return this.dictRest(open, first, value);
    }
    if (this.at('for') || this.at('async')) {
      const generators = this.comprehensions(first);
      return { kind: 'SetComp', elt: first, generators, range: this.close(open) };
    }
    const elts = this.elements(first, '}');
    return { kind: 'Set', elts, range: this.close(open) };
  }

  private doubleStarred(): Expr {
    const star = this.advance();
    const value = this.bitwiseOr();
    if ((this.at('for') || this.at('async')) && this.noInvalid === 0) {
      this.fail('dict unpacking cannot be used in dict comprehension', star);
    }
    return value;
  }

  /** The items of a dict display after its first key (null for `**`) and value. */
  private dictRest(open: Token, key: Expr | null, value: Expr): Expr {
    const keys = [key];
    const values = [value];
    while (this.eat(',')) {
      if (this.at('}')) break;
      if (this.at('**')) {
        keys.push(null);
        values.push(this.doubleStarred());
        continue;
      }
      const [k, v] = this.laterPair();
      keys.push(k);
      values.push(v);
    }
    return { kind: 'Dict', keys, values, range: this.close(open) };
  }

  /** A key and value after a dict's first item, where CPython names what is missing. */
  private laterPair(): [Expr, Expr] {
    this.noInvalid++;
    const key = this.expression();
    this.noInvalid--;
    if (!this.at(':')) {
      const col = Math.max(key.range.endCol - 1, 0);
      this.fail("':' expected after dictionary key", { line: key.range.endLine, col, endLine: key.range.endLine, endCol: col + 1 });
    }
    return [key, this.dictValue()];
  }

  /** The ':' after a dict key and the value after it. */
  private dictValue(): Expr {
    const colon = this.advance();
    if (this.noInvalid === 0) {
      if (this.at('}') || this.at(',')) this.fail("expression expected after dictionary key and ':'", colon);
      if (this.at('*')) {
        const star = this.advance();
        const value = this.bitwiseOr();
        this.fail('cannot use a starred expression in a dictionary value', this.span(star, value.range));
      }
    }
    return this.expression();
  }

  /** Comma-separated display elements after `first`, up to (not including) `closer`. */
  private elements(first: Expr, closer: string): Expr[] {
    const elts = [first];
    while (this.eat(',')) {
      if (this.at(closer) || this.at('for') || this.at('async')) break;
      elts.push(this.starNamedExpression());
    }
    if ((this.at('for') || this.at('async')) && this.noInvalid === 0 && closer !== ')') {
      // With one element the range ends at its trailing comma, as in CPython.
      const end = elts.length === 1 ? this.prev() : elts[elts.length - 1].range;
      if (this.lookahead(() => this.comprehensions(first))) {
        this.fail('did you forget parentheses around the comprehension target?', this.span(first.range, end));
      }
    }
    return elts;
  }

  /** Consumes the bracket closing `open`; returns the range from `open` to it. */
  protected close(open: Token): Range {
    this.expect(open.text === '(' ? ')' : open.text === '[' ? ']' : '}');
    this.level--;
    return this.rangeFrom(open);
  }

  /** The `for … in … if …` clauses after a comprehension's element. */
  protected comprehensions(elt: Expr): Comprehension[] {
    if (elt.kind === 'Starred') this.fail('iterable unpacking cannot be used in comprehension', elt.range);
    const generators: Comprehension[] = [];
    while (this.at('for') || this.at('async')) {
      const start = this.peek();
      if (start.text === 'async') {
        this.fail('asynchronous comprehensions are not supported', this.span(start, this.peek(1)), 'unsupported');
      }
      this.advance();
      const target = this.forTarget();
      const iter = this.disjunction();
      const ifs: Expr[] = [];
      while (this.eat('if')) ifs.push(this.disjunction());
      generators.push({ kind: 'comprehension', target, iter, ifs, range: this.rangeFrom(start) });
    }
    return generators;
  }

  /** The target list of a `for` (statement or clause) and the `in` after it. */
  protected forTarget(): Expr {
    const start = this.mark();
    let target: Expr | null = null;
    let failure: unknown = null;
    try {
      target = this.starTargets();
    } catch (e) {
      if (!this.isGeneric(e)) throw e;
      failure = e;
    }
    if (!target || !this.at('in')) this.forTargetError(start, failure);
    this.advance();
    const bad = invalidTarget(target, 'for');
    if (bad) this.fail(`cannot assign to ${exprName(bad)}`, bad.range);
    setContext(target, 'store');
    return target;
  }

  /**
   * A `for` target list that does not parse or is not followed by `in`. Like CPython,
   * re-reads it as expressions (so `x in y` is a comparison) to name a bad target.
   */
  private forTargetError(start: ParserMark, failure: unknown): never {
    const failAt = this.i;
    this.reset(start);
    let asExpr: Expr | null = null;
    try {
      asExpr = this.starExpressions();
    } catch (e) {
      if (!this.isGeneric(e)) throw e;
    }
    const bad = asExpr && invalidTarget(asExpr, 'for');
    if (bad) this.fail(`cannot assign to ${exprName(bad)}`, bad.range);
    if (failure) throw failure;
    this.i = failAt;
    return this.unexpected();
  }
}

/** A Name node for a NAME token; non-ASCII identifiers are NFKC-normalised as in Python. */
export function nameNode(t: Token): Name {
  return { kind: 'Name', id: identifier(t.text), ctx: 'load', range: tokenRange(t) };
}

/** An identifier's canonical form: NFKC-normalised, as Python does for non-ASCII names. */
export function identifier(text: string): string {
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) > 127) return text.normalize('NFKC');
  }
  return text;
}

/** A token's range as a plain Range object (tokens carry extra fields). */
export function tokenRange(t: Token): Range {
  return { line: t.line, col: t.col, endLine: t.endLine, endCol: t.endCol };
}
