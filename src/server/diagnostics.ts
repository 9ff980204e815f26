// Diagnostics: the parser's first error, names that DeZero's and NumPy's modules lack,
// and what Gradscope cannot run. Every range is the exact span of the offending text.
import { DiagnosticSeverity, type Diagnostic, type Range as LspRange } from 'vscode-languageserver';
import { walk, type Attribute, type Expr, type Import, type ImportFrom, type Module } from '../interpreter/ast';
import type { PySyntaxError } from '../interpreter/errors';
import type { Range } from '../interpreter/tokens';
import { MODULES, OTHER_RUNNABLE_MODULES, memberOf, type ApiEntry } from './api/index';
import type { Symbols } from './symbols';
import { strictValue } from './symbols';
import { didYouMean, suggest } from './suggest';

export const SOURCE = 'gradscope';

/** Diagnostic codes, also used by the quick fixes. */
export const CODES = { syntax: 'syntax-error', unsupported: 'unsupported', unknown: 'unknown-name', missing: 'not-in-gradscope', noModule: 'no-module' } as const;

/** What a quick fix needs to know about an unknown name. */
export interface UnknownNameData { readonly suggestions: readonly string[] }

/** Answers whether a module can be imported from beside the script (`helpers.py`). */
export type ModuleExists = (name: string) => boolean;

/** Front-end range (1-based lines) to LSP range (0-based lines); both count UTF-16 columns. */
export function toLsp(r: Range): LspRange {
  return { start: { line: r.line - 1, character: r.col }, end: { line: r.endLine - 1, character: r.endCol } };
}

function diag(range: Range, severity: DiagnosticSeverity, code: string, message: string, data?: UnknownNameData): Diagnostic {
  return { range: toLsp(range), severity, code, source: SOURCE, message, ...(data ? { data } : {}) };
}

/** The parser's error: a SyntaxError as Python would raise it, or a construct Gradscope does not run. */
export function syntaxDiagnostic(e: PySyntaxError): Diagnostic {
  if (e.kind === 'unsupported') {
    return diag(e.range, DiagnosticSeverity.Information, CODES.unsupported, `Gradscope cannot run this: ${e.message}.`);
  }
  return diag(e.range, DiagnosticSeverity.Error, CODES.syntax, `${e.pyType}: ${e.message}`);
}

/** Dotted text of a name/attribute chain (`F.tanhh`), or null for other expressions. */
function dotted(e: Expr): string | null {
  if (e.kind === 'Name') return e.id;
  if (e.kind === 'Attribute') {
    const left = dotted(e.value);
    return left === null ? null : `${left}.${e.attr}`;
  }
  return null;
}

/** Checks `name` against a module; returns a diagnostic when the module has something to say. */
function checkMember(mod: ApiEntry, name: string, shown: string, range: Range, symbols: Symbols): Diagnostic | null {
  const member = memberOf(mod, name);
  if (member) {
    return member.unavailable ? diag(range, DiagnosticSeverity.Information, CODES.missing, `\`${shown}\`: ${member.unavailable}`) : null;
  }
  if (!mod.closed || name.startsWith('__') || symbols.assignedMembers.get(mod.path)?.has(name) || mod.others?.has(name)) return null;
  const note = mod.missing?.get(name);
  if (note) return diag(range, DiagnosticSeverity.Information, CODES.missing, `\`${shown}\` is not available in Gradscope: ${note}`);
  const candidates = [...(mod.members?.keys() ?? []), ...(mod.others ?? [])].filter((n) => !n.startsWith('_'));
  const suggestions = suggest(name, candidates);
  if (mod.closed === 'near' && !suggestions.length) return null;
  const hint = suggestions.length ? ` — ${didYouMean(suggestions)}` : '';
  return diag(range, DiagnosticSeverity.Warning, CODES.unknown, `\`${shown}\` is not in ${mod.path}${hint}`, { suggestions });
}

function attributeDiagnostic(n: Attribute, symbols: Symbols): Diagnostic | null {
  if (n.ctx !== 'load') return null;
  const owner = strictValue(n.value, symbols);
  if (!owner || owner.entry.kind !== 'module') return null;
  return checkMember(owner.entry, n.attr, dotted(n) ?? n.attr, n.attrRange, symbols);
}

/** The span of `a.b.c` at the start of an alias (`a.b.c as x`). */
function nameRange(r: Range, name: string): Range {
  return { line: r.line, col: r.col, endLine: r.line, endCol: r.col + name.length };
}

function importDiagnostics(n: Import | ImportFrom, symbols: Symbols, guarded: boolean, exists: ModuleExists): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (n.kind === 'ImportFrom') {
    if (n.level > 0 || n.module === null) return out;
    const mod = MODULES.get(n.module);
    if (!mod) {
      const d = moduleDiagnostic(n.module, n.range, guarded, exists);
      if (d) out.push(d);
      return out;
    }
    for (const a of n.names) {
      if (a.name === '*' || MODULES.has(`${n.module}.${a.name}`)) continue;
      const d = checkMember(mod, a.name, a.name, nameRange(a.range, a.name), symbols);
      if (d) out.push(d);
    }
    return out;
  }
  for (const a of n.names) {
    const d = moduleDiagnostic(a.name, nameRange(a.range, a.name), guarded, exists, symbols);
    if (d) out.push(d);
  }
  return out;
}

/** `import a.b.c`: unknown submodules of dezero/numpy, and modules Gradscope has no way to import. */
function moduleDiagnostic(name: string, range: Range, guarded: boolean, exists: ModuleExists, symbols?: Symbols): Diagnostic | null {
  if (MODULES.has(name) || OTHER_RUNNABLE_MODULES.has(name)) return null;
  const parts = name.split('.');
  for (let i = parts.length - 1; i > 0; i--) {
    const parent = MODULES.get(parts.slice(0, i).join('.'));
    if (parent) return symbols ? checkMember(parent, parts[i], name, range, symbols) : null;
  }
  if (guarded || exists(parts[0])) return null;
  return diag(range, DiagnosticSeverity.Information, CODES.noModule,
    `Gradscope cannot import \`${name}\`: it has no such built-in module, and there is no ${parts[0]}.py beside the script.`);
}

/** Source ranges of `try:` bodies, where a failing import is expected and handled. */
function tryBodies(module: Module): Range[] {
  const out: Range[] = [];
  walk(module, (n) => {
    if (n.kind === 'Try' && n.body.length) out.push({ ...n.body[0].range, endLine: n.body[n.body.length - 1].range.endLine, endCol: n.body[n.body.length - 1].range.endCol });
  });
  return out;
}

const inside = (r: Range, outer: Range) =>
  (r.line > outer.line || (r.line === outer.line && r.col >= outer.col)) &&
  (r.endLine < outer.endLine || (r.endLine === outer.endLine && r.endCol <= outer.endCol));

/** Name diagnostics for a DeZero script's tree. */
export function nameDiagnostics(module: Module, symbols: Symbols, exists: ModuleExists): Diagnostic[] {
  const out: Diagnostic[] = [];
  const guards = tryBodies(module);
  walk(module, (n) => {
    if (n.kind === 'Attribute') {
      const d = attributeDiagnostic(n, symbols);
      if (d) out.push(d);
    } else if (n.kind === 'Import' || n.kind === 'ImportFrom') {
      out.push(...importDiagnostics(n, symbols, guards.some((g) => inside(n.range, g)), exists));
    }
  });
  return out;
}
