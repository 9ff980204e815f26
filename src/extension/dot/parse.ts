// A reader for Graphviz DOT: the grammar of graphviz.org/doc/info/lang.html — graphs,
// subgraphs, node/edge/attribute statements, default attributes per scope, edge chains with
// subgraph ends, quoted strings with `+` concatenation, HTML strings, comments. What it
// keeps is what a preview needs: nodes with their attributes and edges in order.

export interface DotNode { name: string; attrs: Record<string, string> }
export interface DotEdge { from: string; to: string; attrs: Record<string, string> }
export interface DotGraph { directed: boolean; name: string | null; attrs: Record<string, string>; nodes: DotNode[]; edges: DotEdge[] }

/** A syntax error with the 1-based line it was found on. */
export class DotSyntaxError extends Error {
  constructor(message: string, readonly line: number) { super(`line ${line}: ${message}`); }
}

type Tok = { kind: 'id' | 'punct' | 'eof'; text: string; line: number; html?: boolean };

const PUNCT = ['->', '--', '{', '}', '[', ']', ';', ',', '=', ':', '+'];

function tokenize(src: string): Tok[] {
  const toks: Tok[] = [];
  let i = 0, line = 1;
  const err = (m: string) => new DotSyntaxError(m, line);
  while (i < src.length) {
    const c = src[i];
    if (c === '\n') { line++; i++; continue; }
    if (/\s/.test(c)) { i++; continue; }
    // A line starting with '#' is C preprocessor output: skipped.
    if (c === '#' && /^[ \t]*$/.test(src.slice(src.lastIndexOf('\n', i - 1) + 1, i))) { while (i < src.length && src[i] !== '\n') i++; continue; }
    if (src.startsWith('//', i)) { while (i < src.length && src[i] !== '\n') i++; continue; }
    if (src.startsWith('/*', i)) {
      const end = src.indexOf('*/', i + 2);
      if (end < 0) throw err('unterminated comment');
      line += (src.slice(i, end).match(/\n/g) ?? []).length;
      i = end + 2;
      continue;
    }
    if (c === '"') {
      let j = i + 1, text = '';
      const start = line;
      for (; j < src.length && src[j] !== '"'; j++) {
        if (src[j] === '\\' && src[j + 1] === '"') { text += '"'; j++; continue; }
        if (src[j] === '\\' && src[j + 1] === '\n') { j++; line++; continue; }
        if (src[j] === '\n') line++;
        text += src[j];
      }
      if (j >= src.length) throw new DotSyntaxError('unterminated string', start);
      toks.push({ kind: 'id', text, line: start });
      i = j + 1;
      continue;
    }
    if (c === '<') {
      let depth = 0, j = i;
      for (; j < src.length; j++) {
        if (src[j] === '<') depth++;
        else if (src[j] === '>' && --depth === 0) break;
        else if (src[j] === '\n') line++;
      }
      if (j >= src.length) throw err('unterminated HTML string');
      toks.push({ kind: 'id', text: src.slice(i + 1, j), line, html: true });
      i = j + 1;
      continue;
    }
    const p = PUNCT.find((q) => src.startsWith(q, i));
    if (p) { toks.push({ kind: 'punct', text: p, line }); i += p.length; continue; }
    const m = /^(-?(\.\d+|\d+(\.\d*)?)|[A-Za-z_\u0080-\uffff][\w\u0080-\uffff]*)/.exec(src.slice(i, i + 256));
    if (!m) throw err(`unexpected character ${JSON.stringify(c)}`);
    toks.push({ kind: 'id', text: m[0], line });
    i += m[0].length;
  }
  toks.push({ kind: 'eof', text: '', line });
  return toks;
}

interface Scope { node: Record<string, string>; edge: Record<string, string> }

class Parser {
  private i = 0;
  private readonly nodes = new Map<string, DotNode>();
  private readonly edges: DotEdge[] = [];
  private directed = true;
  constructor(private readonly t: Tok[]) {}

  private peek(k = 0): Tok { return this.t[Math.min(this.i + k, this.t.length - 1)]; }
  private next(): Tok { return this.t[this.i++]; }
  private is(text: string): boolean { const p = this.peek(); return p.kind === 'punct' && p.text === text; }
  private keyword(word: string): boolean { const p = this.peek(); return p.kind === 'id' && !p.html && p.text.toLowerCase() === word; }
  private expect(text: string): void {
    const p = this.next();
    if (p.kind !== 'punct' || p.text !== text) throw new DotSyntaxError(`expected '${text}' but found ${p.kind === 'eof' ? 'the end' : `'${p.text}'`}`, p.line);
  }
  private id(): string {
    const p = this.next();
    if (p.kind !== 'id') throw new DotSyntaxError(`expected a name but found ${p.kind === 'eof' ? 'the end' : `'${p.text}'`}`, p.line);
    let text = p.text;
    while (this.is('+') && this.peek(1).kind === 'id') { this.next(); text += this.next().text; }
    return text;
  }

  graph(): DotGraph {
    if (this.keyword('strict')) this.next();
    if (this.keyword('digraph')) this.directed = true;
    else if (this.keyword('graph')) this.directed = false;
    else throw new DotSyntaxError("a DOT file starts with 'graph' or 'digraph'", this.peek().line);
    this.next();
    const name = this.peek().kind === 'id' ? this.id() : null;
    const attrs: Record<string, string> = {};
    this.expect('{');
    this.stmts({ node: {}, edge: {} }, attrs);
    this.expect('}');
    if (this.peek().kind !== 'eof') throw new DotSyntaxError(`unexpected '${this.peek().text}' after the graph`, this.peek().line);
    return { directed: this.directed, name, attrs, nodes: [...this.nodes.values()], edges: this.edges };
  }

  /** Statements up to '}'; returns the node names the block mentions. */
  private stmts(scope: Scope, graphAttrs: Record<string, string>): string[] {
    const members: string[] = [];
    while (!this.is('}') && this.peek().kind !== 'eof') {
      this.stmt(scope, graphAttrs, members);
      if (this.is(';')) this.next();
    }
    return members;
  }

  private stmt(scope: Scope, graphAttrs: Record<string, string>, members: string[]): void {
    if ((this.keyword('node') || this.keyword('edge') || this.keyword('graph')) && this.peek(1).kind === 'punct' && this.peek(1).text === '[') {
      const kind = this.next().text.toLowerCase();
      const a = this.attrList();
      if (kind === 'graph') Object.assign(graphAttrs, a); else Object.assign(kind === 'node' ? scope.node : scope.edge, a);
      return;
    }
    if (this.peek().kind === 'id' && this.peek(1).kind === 'punct' && this.peek(1).text === '=' && !this.keyword('subgraph')) {
      const k = this.id(); this.next(); graphAttrs[k] = this.id();
      return;
    }
    let left = this.endpoint(scope, members);
    if (!this.is('->') && !this.is('--')) {
      if (left.single) Object.assign(this.nodes.get(left.names[0])!.attrs, this.is('[') ? this.attrList() : {});
      return;
    }
    const chain: string[][] = [left.names];
    while (this.is('->') || this.is('--')) {
      this.next();
      left = this.endpoint(scope, members);
      chain.push(left.names);
    }
    const attrs = { ...scope.edge, ...(this.is('[') ? this.attrList() : {}) };
    for (let k = 0; k + 1 < chain.length; k++) for (const a of chain[k]) for (const b of chain[k + 1]) this.edges.push({ from: a, to: b, attrs });
  }

  /** A node id (with an optional port) or a subgraph. */
  private endpoint(scope: Scope, members: string[]): { names: string[]; single: boolean } {
    if (this.keyword('subgraph') || this.is('{')) {
      if (this.keyword('subgraph')) { this.next(); if (this.peek().kind === 'id') this.id(); }
      this.expect('{');
      const inner = this.stmts({ node: { ...scope.node }, edge: { ...scope.edge } }, {});
      this.expect('}');
      members.push(...inner);
      return { names: inner, single: false };
    }
    const name = this.id();
    if (this.is(':')) { this.next(); this.id(); if (this.is(':')) { this.next(); this.id(); } }
    if (!this.nodes.has(name)) this.nodes.set(name, { name, attrs: { ...scope.node } });
    members.push(name);
    return { names: [name], single: true };
  }

  private attrList(): Record<string, string> {
    const out: Record<string, string> = {};
    while (this.is('[')) {
      this.next();
      while (!this.is(']')) {
        const k = this.id();
        out[k] = this.is('=') ? (this.next(), this.id()) : 'true';
        if (this.is(',') || this.is(';')) this.next();
      }
      this.expect(']');
    }
    return out;
  }
}

/** Parses DOT text; throws DotSyntaxError. */
export function parseDot(src: string): DotGraph {
  return new Parser(tokenize(src)).graph();
}
