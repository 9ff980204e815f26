// Signature help inside a call's parentheses: parameters, their docs, the active one.
import type { SignatureHelp, SignatureInformation, ParameterInformation } from 'vscode-languageserver';
import { MarkupKind } from 'vscode-languageserver';
import type { ApiParam } from '../api/index';
import type { Analysis } from '../analysis';
import { callee } from '../chains';
import { callContext } from '../cursor';
import { docText } from '../markdown';
import { receiverText } from './hover';

/** Which parameter an argument fills: by keyword, else by position (a `*args` takes the rest). */
export function activeParameter(params: readonly ApiParam[], argIndex: number, keyword: string | null): number {
  if (keyword !== null) {
    const k = params.findIndex((p) => p.name === keyword && !p.label.startsWith('*'));
    if (k >= 0) return k;
    const rest = params.findIndex((p) => p.label.startsWith('**'));
    return rest >= 0 ? rest : params.length;
  }
  const star = params.findIndex((p) => p.label.startsWith('*') && !p.label.startsWith('**'));
  if (star >= 0 && argIndex >= star) return star;
  return argIndex;
}

/** Signature help at `offset`, or null outside the parentheses of a documented callable. */
export function signatureHelp(a: Analysis, offset: number): SignatureHelp | null {
  if (!a.active) return null;
  const ctx = callContext(a.tokens, offset);
  if (!ctx) return null;
  const found = callee(ctx.callee, a.symbols);
  if (!found) return null;
  const e = found.entry;
  const name = e.name === '__call__' ? receiverText([...ctx.callee, { kind: 'call' }]) || 'call' : e.name;
  const params = e.params ?? [];
  let label = `${name}(`;
  const parameters: ParameterInformation[] = params.map((p, i) => {
    if (i) label += ', ';
    const start = label.length;
    label += p.label;
    return { label: [start, label.length], ...(p.doc ? { documentation: p.doc } : {}) };
  });
  label += ')';
  let doc = docText(e);
  if (found.guessed) doc += `\n\n_Assuming \`${receiverText(ctx.callee)}\` is a DeZero ${found.owner!.entry.name}._`;
  const info: SignatureInformation = { label, documentation: { kind: MarkupKind.Markdown, value: doc }, parameters };
  const active = activeParameter(params, ctx.argIndex, ctx.keyword);
  return { signatures: [info], activeSignature: 0, activeParameter: active };
}
