// A small XML reader for SVG: elements, attributes, text and CDATA; skips the prolog,
// comments, processing instructions and DOCTYPE (with an internal subset).

/** An element with its attributes (entities decoded) and children in document order. */
export interface XmlElement {
  name: string;
  attrs: Map<string, string>;
  children: XmlNode[];
}

/** Text content is a plain string. */
export type XmlNode = XmlElement | string;

/** Malformed XML, with the 1-based line where reading stopped. */
export class XmlError extends Error {
  constructor(message: string, readonly line: number) {
    super(`SVG is not well-formed XML (line ${line}): ${message}`);
    this.name = 'XmlError';
  }
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Replaces predefined and numeric character references; unknown ones stay as written. */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, ref: string) => {
    if (ref[0] !== '#') return ENTITIES[ref] ?? whole;
    const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

const NAME = /[^\s/>=]+/y;
const ATTR = /\s*([^\s/>=]+)\s*=\s*("[^"]*"|'[^']*')/y;

class Reader {
  pos = 0;
  constructor(readonly src: string) {}

  fail(message: string): never {
    const line = this.src.slice(0, this.pos).split('\n').length;
    throw new XmlError(message, line);
  }

  /** Moves past `end`, failing when it never occurs. */
  skipPast(end: string): void {
    const at = this.src.indexOf(end, this.pos);
    if (at < 0) this.fail(`missing '${end}'`);
    this.pos = at + end.length;
  }

  /** A DOCTYPE may hold an internal subset in brackets, which can itself contain '>'. */
  skipDoctype(): void {
    let depth = 0;
    for (; this.pos < this.src.length; this.pos++) {
      const c = this.src[this.pos];
      if (c === '[') depth++;
      else if (c === ']') depth--;
      else if (c === '>' && depth <= 0) { this.pos++; return; }
    }
    this.fail('unterminated DOCTYPE');
  }

  /** Reads `<name attrs…>` or `<name …/>` with pos just past '<'; returns whether it self-closed. */
  openTag(): { el: XmlElement; empty: boolean } {
    NAME.lastIndex = this.pos;
    const m = NAME.exec(this.src);
    if (!m) this.fail('expected an element name');
    this.pos = NAME.lastIndex;
    const el: XmlElement = { name: m[0], attrs: new Map(), children: [] };
    for (;;) {
      ATTR.lastIndex = this.pos;
      const a = ATTR.exec(this.src);
      if (!a) break;
      el.attrs.set(a[1], decodeEntities(a[2].slice(1, -1)));
      this.pos = ATTR.lastIndex;
    }
    while (/\s/.test(this.src[this.pos] ?? '')) this.pos++;
    if (this.src.startsWith('/>', this.pos)) { this.pos += 2; return { el, empty: true }; }
    if (this.src[this.pos] !== '>') this.fail(`bad attribute syntax in <${el.name}>`);
    this.pos++;
    return { el, empty: false };
  }
}

/** Reads the markup at `<`, adding it to `stack`; returns the root once it has been closed. */
function readMarkup(r: Reader, stack: XmlElement[]): XmlElement | null {
  const src = r.src;
  if (src.startsWith('<!--', r.pos)) r.skipPast('-->');
  else if (src.startsWith('<?', r.pos)) r.skipPast('?>');
  else if (src.startsWith('<![CDATA[', r.pos)) {
    const end = src.indexOf(']]>', r.pos);
    if (end < 0) r.fail('unterminated CDATA');
    stack[stack.length - 1]?.children.push(src.slice(r.pos + 9, end));
    r.pos = end + 3;
  } else if (src.startsWith('<!', r.pos)) r.skipDoctype();
  else if (src.startsWith('</', r.pos)) {
    const end = src.indexOf('>', r.pos);
    const name = src.slice(r.pos + 2, end < 0 ? src.length : end).trim();
    const open = stack.pop();
    if (!open || open.name !== name) r.fail(`</${name}> does not close <${open?.name ?? ''}>`);
    r.pos = end + 1;
    return stack.length === 0 ? open : null;
  } else {
    r.pos++;
    const { el, empty } = r.openTag();
    if (empty && stack.length === 0) return el;
    stack[stack.length - 1]?.children.push(el);
    if (!empty) stack.push(el);
  }
  return null;
}

/** Parses a document and returns its root element; anything after the root is ignored. */
export function parseXml(src: string): XmlElement {
  const r = new Reader(src);
  const stack: XmlElement[] = [];
  for (;;) {
    const lt = src.indexOf('<', r.pos);
    const textEnd = lt < 0 ? src.length : lt;
    if (textEnd > r.pos && stack.length > 0) stack[stack.length - 1].children.push(decodeEntities(src.slice(r.pos, textEnd)));
    r.pos = textEnd;
    if (lt < 0) r.fail(stack.length > 0 ? `<${stack[stack.length - 1].name}> is never closed` : 'no root element');
    const root = readMarkup(r, stack);
    if (root) return root;
  }
}
