// Token kinds and the fixed vocabularies (keywords, operators) shared by the lexer and parser.

/** A source span: 1-based lines, 0-based UTF-16 columns, end exclusive. */
export interface Range {
  readonly line: number;
  readonly col: number;
  readonly endLine: number;
  readonly endCol: number;
}

/**
 * The kinds of token. `Comment` and `NL` (a line break that ends no logical line) are
 * trivia: `tokenize` can keep them for editors; the parser never sees them. `Error`
 * carries a lexical error so that tokenizing never throws.
 */
export type TokenKind =
  | 'Name' | 'Keyword' | 'Number' | 'String' | 'Op'
  | 'Newline' | 'Indent' | 'Dedent' | 'EndMarker'
  | 'Comment' | 'NL' | 'Error';

/** The Python exception a lexical or syntax error is raised as, plus our own `unsupported`. */
export type SyntaxErrorKind = 'syntax' | 'indentation' | 'tab' | 'unsupported';

/** One token, with its exact source text and position. */
export interface Token extends Range {
  readonly kind: TokenKind;
  /** The source text; empty for Indent, Dedent and EndMarker. */
  readonly text: string;
  /** UTF-16 offsets of the token in the source, end exclusive. */
  readonly start: number;
  readonly end: number;
  /** For `Error` tokens: CPython's message and the exception it is raised as. */
  readonly message?: string;
  readonly errorKind?: SyntaxErrorKind;
  /** For `Error` tokens: where CPython puts the caret, when that is not the token start. */
  readonly errorRange?: Range;
  /**
   * For `Error` tokens CPython reports only once the parser reaches them (indentation and
   * line-continuation errors); other lexical errors win over any syntax error in the file.
   */
  readonly deferred?: boolean;
}

/** Hard keywords: never identifiers. `match`, `case` and `_` are soft and lex as names. */
export const KEYWORDS: ReadonlySet<string> = new Set([
  'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class',
  'continue', 'def', 'del', 'elif', 'else', 'except', 'finally', 'for', 'from', 'global',
  'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise',
  'return', 'try', 'while', 'with', 'yield',
]);

/** Operators and delimiters, longest first within each leading character. */
export const OPERATORS: readonly string[] = [
  '**=', '//=', '>>=', '<<=', '...', '->', ':=',
  '**', '//', '<<', '>>', '<=', '>=', '==', '!=',
  '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '@=',
  '+', '-', '*', '/', '%', '@', '&', '|', '^', '~', '<', '>',
  '(', ')', '[', ']', '{', '}', ',', ':', '.', ';', '=',
];

/** The augmented-assignment operators, mapped to their binary operator. */
export const AUG_ASSIGN: ReadonlyMap<string, string> = new Map([
  ['+=', '+'], ['-=', '-'], ['*=', '*'], ['@=', '@'], ['/=', '/'], ['%=', '%'],
  ['&=', '&'], ['|=', '|'], ['^=', '^'], ['<<=', '<<'], ['>>=', '>>'], ['**=', '**'],
  ['//=', '//'],
]);
