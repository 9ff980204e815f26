// Parsing a document that may be half-typed: the first error is what the user sees; to
// keep a syntax tree for everything else, the offending lines are neutralised (kept as
// lines, so every other position stays put) and the parse is tried again.
import type { Module } from '../interpreter/ast';
import { PySyntaxError } from '../interpreter/errors';
import { parse } from '../interpreter/parser';

/** What parsing a document gave. */
export interface ParseOutcome {
  /** A tree for the document, possibly with some lines neutralised; null if none could be had. */
  readonly module: Module | null;
  /** The first error, exactly as running the script would report it. */
  readonly error: PySyntaxError | null;
  /** Set when the parser failed in an unexpected way (a bug), so the server can log it. */
  readonly crash?: unknown;
}

const MAX_RETRIES = 6;
/** Recovery stops early when it has taken this long (ms): a tree is a bonus, not a must. */
const BUDGET_MS = 60;

/** Parses `text`, recovering from errors line by line within a small budget. */
export function parseWithRecovery(text: string, filename: string): ParseOutcome {
  let first: PySyntaxError | null = null;
  let source = text;
  const start = Date.now();
  for (let attempt = 0; attempt <= MAX_RETRIES; attempt++) {
    try {
      return { module: parse(source, filename), error: first };
    } catch (e) {
      if (!(e instanceof PySyntaxError)) return { module: null, error: first, crash: e };
      first ??= e;
      if (Date.now() - start > BUDGET_MS) break;
      const next = neutralise(source, e);
      if (next === source) break;
      source = next;
    }
  }
  return { module: null, error: first };
}

/**
 * The source with the error's lines replaced: by `pass` at the line's own indentation,
 * so that blocks keep a body, or by nothing when the indentation itself is the problem.
 */
export function neutralise(source: string, e: PySyntaxError): string {
  const lines = source.split(/(\r\n|\r|\n)/);
  // A block header without a body is fixed by neutralising the header, not what follows.
  const header = /expected an indented block after .* on line (\d+)/.exec(e.message);
  const line = header ? Number(header[1]) : e.line;
  const endLine = header ? line : Math.max(e.endLine, e.line);
  // split with a capture group interleaves the breaks: text at even indexes.
  const first = (line - 1) * 2, last = (endLine - 1) * 2;
  if (first >= lines.length) return source;
  const blank = e.kind === 'indentation' && /unexpected indent|unindent/.test(e.message);
  for (let i = first; i <= last && i < lines.length; i += 2) {
    const indent = /^[ \t]*/.exec(lines[i])![0];
    lines[i] = i === first && !blank && lines[i].trim() !== '' ? `${indent}pass` : '';
  }
  return lines.join('');
}
