// How API entries read in hovers, completion details and signature help.
import type { ApiEntry } from './api/index';
import type { Found } from './chains';

/** `Variable` from `dezero.Variable`. */
const short = (path: string) => path.slice(path.lastIndexOf('.') + 1);

/** `(x, axis=None)` for callables, '' otherwise. */
export function paramList(e: ApiEntry): string {
  return e.kind === 'function' || e.kind === 'method' || e.kind === 'class' ? `(${(e.params ?? []).map((p) => p.label).join(', ')})` : '';
}

/** The one-line signature: `tanh(x) -> Variable`, `grad: Variable`, `module dezero.functions`. */
export function signature(e: ApiEntry, qualified = false): string {
  const name = qualified ? e.path : e.name;
  switch (e.kind) {
    case 'module': return `module ${e.path}`;
    case 'class': return `class ${name}${paramList(e)}`;
    case 'property': case 'constant': return e.returns ? `${name}: ${short(e.returns)}` : name;
    default: return `${name}${paramList(e)}${e.returns ? ` -> ${short(e.returns)}` : ''}`;
  }
}

/** The doc line, with Gradscope's caveat when it cannot run the entry. */
export function docText(e: ApiEntry): string {
  return e.unavailable ? `${e.doc}\n\n**Not in Gradscope:** ${e.unavailable}` : e.doc;
}

/** Markdown for a hover: the qualified signature, the description, then documented parameters. */
export function hoverMarkdown(found: Found, receiver?: string): string {
  const e = found.entry;
  const parts = ['```python\n' + signature(e, true) + '\n```', docText(e)];
  const params = (e.params ?? []).filter((p) => p.doc);
  if (params.length) parts.push(params.map((p) => `- \`${p.label}\` — ${p.doc}`).join('\n'));
  if (found.guessed) parts.push(`_Assuming \`${receiver ?? 'this'}\` is a DeZero ${short(found.owner!.entry.path)}._`);
  return parts.join('\n\n');
}
