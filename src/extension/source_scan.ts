// Line-level scans of a Python source for editor features: the names assigned in the scope
// around a stop (inline values) and the `.backward(` calls (CodeLens). Text only: no
// parser, no `vscode`; lines are 0-based, columns 0-based.

export interface NameAt { line: number; start: number; end: number; name: string }
export interface BackwardCall { line: number; start: number; end: number; receiver: string }

const KEYWORDS = new Set(['False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del', 'elif', 'else', 'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise', 'return', 'try', 'while', 'with', 'yield']);

const indentOf = (s: string) => s.length - s.trimStart().length;
const blank = (s: string) => /^\s*(#.*)?$/.test(s);

/** The code part of a line: up to a `#` that is outside string quotes. */
export function codePart(line: string): string {
  let quote: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#') return line.slice(0, i);
  }
  return line;
}

/** First body line of the def enclosing `stop` (0 at module level) and whether one encloses it. */
export function scopeStart(lines: readonly string[], stop: number): { start: number; inDef: boolean } {
  let min = indentOf(lines[stop] ?? '');
  for (let i = stop - 1; i >= 0; i--) {
    const l = lines[i];
    if (blank(l)) continue;
    const ind = indentOf(l);
    if (ind < min) {
      if (/^\s*(async\s+)?def\s/.test(l)) return { start: i + 1, inDef: true };
      min = ind;
    }
  }
  return { start: 0, inDef: false };
}

const TARGET = /^(\s*)((?:[A-Za-z_]\w*\s*,\s*)*[A-Za-z_]\w*)\s*,?\s*(?:[-+*/%@&|^]|\/\/|\*\*|>>|<<)?=(?!=)/;
const FOR = /^(\s*)(?:async\s+)?for\s+((?:[A-Za-z_]\w*\s*,\s*)*[A-Za-z_]\w*)\s+in\b/;

/** Names assigned (`x = …`, `a, b = …`, `x += …`, `for i in …`) from the scope's start through `stop`. */
export function assignedNames(lines: readonly string[], stop: number): NameAt[] {
  const { start } = scopeStart(lines, stop);
  const out: NameAt[] = [];
  let skipAbove: number | null = null;
  for (let i = start; i <= stop && i < lines.length; i++) {
    const line = codePart(lines[i]);
    if (blank(line)) continue;
    const ind = indentOf(line);
    if (skipAbove !== null) {
      if (ind > skipAbove) continue;
      skipAbove = null;
    }
    if (/^\s*(async\s+)?(def|class)\s/.test(line)) { skipAbove = ind; continue; }
    const m = TARGET.exec(line) ?? FOR.exec(line);
    if (!m) continue;
    let col = line.indexOf(m[2], m[1].length + (FOR.test(line) ? 3 : 0));
    for (const part of m[2].split(',')) {
      const name = part.trim();
      const at = line.indexOf(name, col);
      col = at + name.length;
      if (!KEYWORDS.has(name)) out.push({ line: i, start: at, end: at + name.length, name });
    }
  }
  return out;
}

const BACKWARD = /([A-Za-z_]\w*(?:\.[A-Za-z_]\w*|\[[^\]\n]*\])*)\.backward\(/g;

/** Every `<receiver>.backward(` call outside comments. */
export function backwardCalls(lines: readonly string[]): BackwardCall[] {
  const out: BackwardCall[] = [];
  lines.forEach((raw, i) => {
    const line = codePart(raw);
    for (const m of line.matchAll(BACKWARD)) {
      if (/^\s*def\s/.test(line)) continue;
      out.push({ line: i, start: m.index, end: m.index + m[0].length - 1, receiver: m[1] });
    }
  });
  return out;
}

/** The expression under a column: a dotted name (`model.l1.W`), or null. */
export function expressionAt(line: string, col: number): string | null {
  const re = /[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*/g;
  if (col >= codePart(line).length) return null;
  for (const m of line.matchAll(re)) {
    const s = m.index, e = s + m[0].length;
    if (col < s || col > e) continue;
    // `f().x` or `"s".y`: what precedes the dot is not a name to evaluate.
    if (s > 0 && line[s - 1] === '.') return null;
    // Up to the segment under the cursor: hovering `l1` in `model.l1.W` means `model.l1`.
    const dot = m[0].indexOf('.', col - s);
    const expr = dot < 0 ? m[0] : m[0].slice(0, dot);
    const head = expr.split('.')[0];
    return KEYWORDS.has(head) || /^\d/.test(head) ? null : expr;
  }
  return null;
}
