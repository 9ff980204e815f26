// Quick fixes: replace an unknown name with a suggested one (`F.tanhh` → `F.tanh`).
import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver';
import { CODES, SOURCE, type UnknownNameData } from '../diagnostics';

/** One quick fix per suggestion of each unknown-name diagnostic in the request. */
export function quickFixes(uri: string, diagnostics: readonly Diagnostic[]): CodeAction[] {
  const out: CodeAction[] = [];
  for (const d of diagnostics) {
    if (d.source !== SOURCE || d.code !== CODES.unknown) continue;
    const data = d.data as UnknownNameData | undefined;
    for (const s of data?.suggestions ?? []) {
      out.push({
        title: `Change to \`${s}\``,
        kind: CodeActionKind.QuickFix,
        diagnostics: [d],
        isPreferred: data!.suggestions.length === 1,
        edit: { changes: { [uri]: [{ range: d.range, newText: s }] } },
      });
    }
  }
  return out;
}
