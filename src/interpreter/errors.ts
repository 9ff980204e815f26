// The one error the front end throws: a SyntaxError (or its subclasses) with an exact range.

import type { Range, SyntaxErrorKind } from './tokens';

export type { SyntaxErrorKind } from './tokens';

const PY_TYPE: Record<SyntaxErrorKind, string> = {
  syntax: 'SyntaxError',
  indentation: 'IndentationError',
  tab: 'TabError',
  unsupported: 'SyntaxError',
};

/**
 * A Python `SyntaxError` (or `IndentationError` / `TabError`), or a construct this
 * interpreter recognises but does not run (`kind: 'unsupported'`). Lines are 1-based,
 * columns 0-based UTF-16 with an exclusive end, like every range in the front end.
 */
export class PySyntaxError extends Error {
  readonly line: number;
  readonly col: number;
  readonly endLine: number;
  readonly endCol: number;
  readonly #source: string;

  constructor(
    message: string,
    readonly filename: string,
    range: Range,
    readonly kind: SyntaxErrorKind,
    source: string,
  ) {
    super(message);
    this.name = PY_TYPE[kind];
    this.line = range.line;
    this.col = range.col;
    this.endLine = range.endLine;
    this.endCol = range.endCol;
    this.#source = source;
  }

  /** The source line the error starts on, without its line break. */
  get text(): string {
    return lineText(this.#source, this.line);
  }

  /** The Python exception class this error is raised as in a script. */
  get pyType(): string {
    return PY_TYPE[this.kind];
  }

  /** The error's range as a plain object. */
  get range(): Range {
    return { line: this.line, col: this.col, endLine: this.endLine, endCol: this.endCol };
  }
}

/** The text of 1-based line `line`, without its terminator ('' past the end). */
export function lineText(source: string, line: number): string {
  let start = 0;
  for (let l = 1; l < line; l++) {
    const nl = nextBreak(source, start);
    if (nl < 0) return '';
    start = nl + (source.startsWith('\r\n', nl) ? 2 : 1);
  }
  const end = nextBreak(source, start);
  return source.slice(start, end < 0 ? source.length : end);
}

function nextBreak(source: string, from: number): number {
  for (let i = from; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c === 10 || c === 13) return i;
  }
  return -1;
}
