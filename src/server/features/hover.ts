// Hover documentation for DeZero and NumPy names: `F.tanh`, `x.backward`, `np.random.randn`.
import { MarkupKind, type Hover } from 'vscode-languageserver';
import type { Analysis } from '../analysis';
import { chainEntry } from '../chains';
import { hoverContext, type Step } from '../cursor';
import { toLsp } from '../diagnostics';
import { hoverMarkdown } from '../markdown';

/** Source-like text of the receiver of the last step (`loss` for `loss.backward`). */
export function receiverText(steps: readonly Step[]): string {
  return steps.slice(0, -1).map((s) => (s.kind === 'name' ? s.name : s.kind === 'attr' ? `.${s.name}` : s.kind === 'call' ? '(…)' : '[…]')).join('');
}

/** The hover at `offset`, or null when the word there is not a documented API name. */
export function hover(a: Analysis, offset: number): Hover | null {
  if (!a.active) return null;
  const ctx = hoverContext(a.tokens, offset);
  if (!ctx) return null;
  const found = chainEntry(ctx.chain, a.symbols);
  if (!found) return null;
  return {
    contents: { kind: MarkupKind.Markdown, value: hoverMarkdown(found, receiverText(ctx.chain)) },
    range: toLsp(ctx.token),
  };
}
