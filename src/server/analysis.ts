// One analysis per document version: tokens for the cursor features, a tree when one can
// be had, the symbol tables, and the diagnostics. Everything else reads from it.
import type { Diagnostic } from 'vscode-languageserver';
import { tokenize } from '../interpreter/lexer';
import { parse } from '../interpreter/parser';
import type { Token } from '../interpreter/tokens';
import { nameDiagnostics, syntaxDiagnostic, type ModuleExists } from './diagnostics';
import { parseWithRecovery } from './recover';
import { collectSymbols, type Symbols } from './symbols';

/** Everything the server knows about one version of a document. */
export interface Analysis {
  readonly text: string;
  /** All tokens, comments included; tokenizing never fails. */
  readonly tokens: readonly Token[];
  /** Symbol tables; from the imports alone when the document has no usable tree. */
  readonly symbols: Symbols;
  /** Whether this is a DeZero script (it imports dezero): the server is silent otherwise. */
  readonly active: boolean;
  readonly diagnostics: readonly Diagnostic[];
  /** An unexpected failure inside the parser, for the log. */
  readonly crash?: unknown;
}

export interface AnalyzeOptions {
  readonly filename?: string;
  /** Whether a module exists beside the script; none do by default. */
  readonly exists?: ModuleExists;
}

/** Analyses a document's text. Never throws for any input. */
export function analyze(text: string, opts: AnalyzeOptions = {}): Analysis {
  const filename = opts.filename ?? '<document>';
  const tokens = tokenize(text);
  const outcome = parseWithRecovery(text, filename);
  const symbols = outcome.module ? collectSymbols(outcome.module) : importsOnlySymbols(tokens, filename);
  const active = symbols.importsDezero;
  const diagnostics: Diagnostic[] = [];
  if (active) {
    if (outcome.error) diagnostics.push(syntaxDiagnostic(outcome.error));
    if (outcome.module) diagnostics.push(...nameDiagnostics(outcome.module, symbols, opts.exists ?? (() => false)));
  }
  return { text, tokens, symbols, active, diagnostics, ...(outcome.crash !== undefined ? { crash: outcome.crash } : {}) };
}

/**
 * When nothing of a document parses, its import statements alone still tell what `F` and
 * `np` are: each logical line that starts with `import` or `from` is parsed on its own.
 */
function importsOnlySymbols(tokens: readonly Token[], filename: string): Symbols {
  const lines: string[] = [];
  let current: string[] | null = null;
  let atStart = true;
  for (const t of tokens) {
    if (t.kind === 'Newline' || t.kind === 'EndMarker' || t.kind === 'Error') {
      if (current) lines.push(current.join(' '));
      current = null;
      atStart = true;
      continue;
    }
    if (t.kind === 'Comment' || t.kind === 'NL' || t.kind === 'Indent' || t.kind === 'Dedent') continue;
    if (t.kind === 'Op' && t.text === ';') {
      if (current) lines.push(current.join(' '));
      current = null;
      atStart = true;
      continue;
    }
    if (atStart && t.kind === 'Keyword' && (t.text === 'import' || t.text === 'from')) current = [];
    atStart = false;
    if (current) current.push(t.text);
  }
  const kept: string[] = [];
  for (const line of lines) {
    try { parse(line, filename); kept.push(line); } catch { /* a half-typed import is skipped */ }
  }
  try {
    return collectSymbols(parse(kept.join('\n'), filename));
  } catch {
    return collectSymbols(parse('', filename));
  }
}
