// What a hover says about a name: gathered with evaluate and graph requests (they work while
// paused and after a run has finished), then written as Markdown. No `vscode`.
import type { EvaluateResult } from '../runtime/messages';
import type { GraphSnapshot, VariableNode } from '../protocol/messages';

/** The part of a Session a hover needs. */
export interface Inspector {
  evaluate(expression: string, frameId?: number, context?: 'hover' | 'repl' | 'watch'): Promise<EvaluateResult>;
  graph(opts: { frameId?: number; expression?: string; followGrads?: boolean; budget?: number }): Promise<unknown>;
}

export interface HoverFacts {
  expression: string;
  type: string;
  /** Python's repr (multi-line for arrays). */
  repr: string;
  shape: string | null;
  dtype: string | null;
  /** Set for Variables. */
  variable: {
    grad: string | null;
    creator: string | null;
    order: number;
    generation: number;
    name: string | null;
  } | null;
}

/** Values with nothing worth a hover: the language server documents these. */
const SILENT_TYPES = new Set(['module', 'function', 'builtin_function_or_method', 'type', 'method', 'method-wrapper', 'classmethod', 'staticmethod']);

/** A dotted name or a simple subscript chain: what a hover may evaluate without side effects of note. */
export const HOVERABLE = /^[A-Za-z_]\w*(\.[A-Za-z_]\w*|\[\d+\])*$/;

/** Python's repr of a str back to the string (handles the escapes repr writes). */
export function pyUnquote(s: string): string {
  const q = s[0];
  if ((q !== "'" && q !== '"') || s.at(-1) !== q) return s;
  const body = s.slice(1, -1);
  const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"' };
  return body.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)/g, (_, e: string) => {
    if (e.length > 1) return String.fromCodePoint(parseInt(e.slice(1), 16));
    return simple[e] ?? `\\${e}`;
  });
}

async function tryEval(q: Inspector, expr: string, frameId?: number): Promise<EvaluateResult | null> {
  try { return await q.evaluate(expr, frameId, 'hover'); } catch { return null; }
}

async function reprOf(q: Inspector, expr: string, fallback: string, frameId?: number): Promise<string> {
  const r = await tryEval(q, `repr(${expr})`, frameId);
  return r && r.type === 'str' ? pyUnquote(r.result) : fallback;
}

/** The facts about `expression` in a frame (or the finished run's globals); null when there is nothing to say. */
export async function inspect(q: Inspector, expression: string, frameId?: number): Promise<HoverFacts | null> {
  if (!HOVERABLE.test(expression)) return null;
  const r = await tryEval(q, expression, frameId);
  if (!r || SILENT_TYPES.has(r.type)) return null;
  const facts: HoverFacts = { expression, type: r.type, repr: await reprOf(q, expression, r.result, frameId), shape: null, dtype: null, variable: null };
  if (r.nodeId !== undefined) {
    const node = await rootNode(q, expression, r.nodeId, frameId);
    const grad = await tryEval(q, `${expression}.grad`, frameId);
    const creator = await tryEval(q, `${expression}.creator`, frameId);
    facts.shape = node?.shape ? pyShape(node.shape) : null;
    facts.dtype = node?.dtype ?? null;
    facts.variable = {
      grad: grad && grad.type !== 'NoneType' ? await reprOf(q, `${expression}.grad`, grad.result, frameId) : null,
      creator: creator && creator.type !== 'NoneType' ? creator.type : null,
      order: node?.order ?? 0,
      generation: node?.generation ?? 0,
      name: node?.name ?? null,
    };
  } else if (r.type === 'numpy.ndarray') {
    facts.shape = (await tryEval(q, `${expression}.shape`, frameId))?.result ?? null;
    const dt = await tryEval(q, `str(${expression}.dtype)`, frameId);
    facts.dtype = dt ? pyUnquote(dt.result) : null;
  }
  return facts;
}

async function rootNode(q: Inspector, expression: string, nodeId: number, frameId?: number): Promise<VariableNode | null> {
  try {
    const s = (await q.graph({ expression, frameId, budget: 1, followGrads: false })) as GraphSnapshot;
    const n = s.nodes.find((x) => x.id === `v${nodeId}`);
    return n && n.kind === 'variable' ? n : null;
  } catch { return null; }
}

const pyShape = (s: readonly number[]) => (s.length === 1 ? `(${s[0]},)` : `(${s.join(', ')})`);
const MAX_BLOCK = 1200;
const fence = (text: string) => {
  const t = text.length > MAX_BLOCK ? `${text.slice(0, MAX_BLOCK)}\n…` : text;
  return '```text\n' + t.replace(/```/g, '`\u200b``') + '\n```';
};
const code = (s: string) => '`' + s.replace(/`/g, "'") + '`';

/** The hover's Markdown; `graphLink` is the command URI of "Show in graph" (Variables only). */
export function hoverMarkdown(f: HoverFacts, graphLink: string | null): string {
  const v = f.variable;
  const head = [`**${f.expression}**`, code(f.type)];
  if (v) head.push(`derivative order ${v.order}`, `generation ${v.generation}`);
  const parts = [head.join(' · '), fence(f.repr)];
  const meta: string[] = [];
  if (f.shape !== null) meta.push(`shape ${code(f.shape)}`);
  if (f.dtype !== null) meta.push(`dtype ${code(f.dtype)}`);
  if (v) meta.push(v.creator ? `creator ${code(v.creator)}` : 'a leaf (no creator)');
  if (v?.name) meta.push(`name ${code(v.name)}`);
  if (meta.length) parts.push(meta.join(' · '));
  if (v) parts.push(v.grad !== null ? `**grad**\n\n${fence(v.grad)}` : '_no grad yet — call backward()_');
  if (v && graphLink) parts.push(`[Show in graph](${graphLink})`);
  return parts.join('\n\n');
}

/** The command URI for "Show in graph" of an expression. */
export function showInGraphLink(expression: string): string {
  return `command:gradscope.showGraphOfVariable?${encodeURIComponent(JSON.stringify([{ expression }]))}`;
}
