// Completion after `F.`, `L.`, `np.`, `dezero.`, `optimizers.`, `models.`, after a Variable
// (`x.` where `x = Variable(...)`), and inside `import` / `from … import` statements.
import { CompletionItemKind, MarkupKind, type CompletionItem } from 'vscode-languageserver';
import type { Token } from '../../interpreter/tokens';
import { MODULES, allMembers, type ApiEntry, type ApiKind } from '../api/index';
import type { Analysis } from '../analysis';
import { chainValues } from '../chains';
import { memberContext, tokenBefore, type Step } from '../cursor';
import { docText, paramList, signature } from '../markdown';
import { isInstanceOf, type Ref } from '../refs';

const KINDS: Record<ApiKind, CompletionItemKind> = {
  module: CompletionItemKind.Module, class: CompletionItemKind.Class, function: CompletionItemKind.Function,
  method: CompletionItemKind.Method, property: CompletionItemKind.Property, constant: CompletionItemKind.Constant,
};

export interface CompletionOptions {
  /** The client shows `labelDetails` (LSP 3.17). */
  readonly labelDetails: boolean;
}

/** Completion items at `offset`, or null when Gradscope has nothing to add there. */
export function complete(a: Analysis, offset: number, o: CompletionOptions): CompletionItem[] | null {
  if (!a.active) return null;
  const fromImport = importedFromModule(a.tokens, offset);
  if (fromImport) return items(allMembers(fromImport), o);
  const ctx = memberContext(a.tokens, offset);
  if (!ctx) return null;
  if (inImportStatement(a.tokens, offset)) {
    const mod = dottedPath(ctx.receiver);
    const entry = mod === null ? undefined : MODULES.get(mod);
    return entry ? items(allMembers(entry).filter((e) => e.kind === 'module'), o) : null;
  }
  const refs = chainValues(ctx.receiver, a.symbols);
  if (!refs.length) return null;
  const seen = new Set<string>();
  const entries: ApiEntry[] = [];
  for (const r of refs) {
    for (const e of membersOf(r)) {
      if (seen.has(e.name) || (e.name.startsWith('_') && !ctx.prefix.startsWith('_'))) continue;
      seen.add(e.name);
      entries.push(e);
    }
  }
  return items(entries, o);
}

function membersOf(r: Ref): ApiEntry[] {
  const all = allMembers(r.entry);
  return r.instance ? all.filter((e) => e.name !== '__call__') : all;
}

function items(entries: readonly ApiEntry[], o: CompletionOptions): CompletionItem[] {
  return entries.filter((e) => !e.name.startsWith('__')).map((e) => {
    const item: CompletionItem = {
      label: e.name,
      kind: KINDS[e.kind],
      detail: signature(e, true),
      documentation: { kind: MarkupKind.Markdown, value: docText(e) },
      sortText: `${rank(e)}${e.name}`,
    };
    if (o.labelDetails) item.labelDetails = { detail: paramList(e), description: e.path.slice(0, e.path.lastIndexOf('.')) };
    return item;
  });
}

/** Functions first; Function classes (F.Tanh, …) after them; what Gradscope cannot run last. */
function rank(e: ApiEntry): number {
  if (e.unavailable) return 2;
  return e.kind === 'class' && isInstanceOf({ entry: e, instance: true }, 'dezero.Function') ? 1 : 0;
}

/** `a.b.c` for a chain of plain names, else null. */
function dottedPath(steps: readonly Step[]): string | null {
  const names: string[] = [];
  for (const s of steps) {
    if (s.kind !== 'name' && s.kind !== 'attr') return null;
    names.push(s.name);
  }
  return names.join('.');
}

/** Index of the first token of the logical line holding `offset`. */
function statementStart(tokens: readonly Token[], offset: number): number {
  let j = tokenBefore(tokens, offset);
  while (j >= 0 && tokens[j].kind !== 'Newline') j--;
  let k = j + 1;
  while (k < tokens.length && (tokens[k].kind === 'Indent' || tokens[k].kind === 'Dedent' || tokens[k].kind === 'NL' || tokens[k].kind === 'Comment')) k++;
  return k;
}

function inImportStatement(tokens: readonly Token[], offset: number): boolean {
  const t = tokens[statementStart(tokens, offset)];
  return t !== undefined && t.kind === 'Keyword' && (t.text === 'import' || t.text === 'from');
}

/** For `from a.b import x|`: the module a.b, when the cursor is after `import`. */
function importedFromModule(tokens: readonly Token[], offset: number): ApiEntry | undefined {
  const first = statementStart(tokens, offset);
  const head = tokens[first];
  if (!head || head.kind !== 'Keyword' || head.text !== 'from') return undefined;
  const parts: string[] = [];
  for (let j = first + 1; j < tokens.length && tokens[j].start < offset; j++) {
    const t = tokens[j];
    if (t.kind === 'Keyword' && t.text === 'import') return t.end < offset ? MODULES.get(parts.join('')) : undefined;
    if (t.kind === 'Newline') return undefined;
    parts.push(t.text);
  }
  return undefined;
}
