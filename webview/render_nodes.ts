// A node's SVG content: its shape and text lines, with value and grad slots that patches
// rewrite in place. Colours come from CSS classes (style.css).
import type { Selection } from 'd3';
import type { VariableNode } from '../src/protocol/messages';
import type { ViewNode } from './items';
import { SLOT_CHARS, dynamicLines, nodeSize, type Metrics } from './layout_dot';

export type NodeSel = Selection<SVGGElement, ViewNode, SVGGElement, unknown>;

const clip = (s: string, n: number) => (s.length <= n ? s : s.slice(0, Math.max(1, n - 1)) + '…');

export function nodeClass(n: ViewNode): string {
  let c = `node ${n.kind} o${n.order % 10}`;
  const v = n.node;
  if (v?.kind === 'variable' && n.kind === 'variable') {
    if (v.param) c += ' param';
    if (v.grad) c += ' has-grad';
  }
  return c;
}

/** Characters a variable's slots may use: the node's widest line, at least SLOT_CHARS. */
function slotChars(n: ViewNode): number {
  let c = SLOT_CHARS;
  for (const l of n.lines) if (l.length > c) c = l.length;
  return c;
}

export function valueText(v: VariableNode, chars: number): string {
  return v.value ? clip(v.value.short, chars) : 'None';
}

export function gradText(v: VariableNode, chars: number): string {
  return v.grad ? clip(`∇ ${v.grad.short}`, chars) : '';
}

/** What a node's content is drawn from: equal keys draw equal content. */
function contentKey(n: ViewNode, w: number, h: number): string {
  let k = `${n.kind} ${w} ${h} ${n.lines.join('\n')}`;
  if (n.kind === 'variable' && n.node?.kind === 'variable') {
    const c = slotChars(n);
    k += `\n${valueText(n.node, c)}\n${gradText(n.node, c)}`;
  }
  return k;
}

/**
 * (Re)builds shape and text of each node in `sel` for its current size. `drawn` remembers
 * each group's content key, so a re-layout that only moves nodes rebuilds none of them.
 */
export function drawNodes(sel: NodeSel, m: Metrics, drawn: WeakMap<SVGGElement, string>): void {
  sel.each(function (n) { drawNode(this, n, m, drawn); });
}

/** drawNodes for one group. */
export function drawNode(g: SVGGElement, n: ViewNode, m: Metrics, drawn: WeakMap<SVGGElement, string>): void {
  const { w, h } = nodeSize(n, m);
  const key = contentKey(n, w, h);
  if (drawn.get(g) === key) return;
  drawn.set(g, key);
  while (g.firstChild) g.removeChild(g.firstChild);
  const ns = 'http://www.w3.org/2000/svg';
  const shape = document.createElementNS(ns, n.kind === 'variable' ? 'ellipse' : 'rect');
  shape.setAttribute('class', 'shape');
  if (n.kind === 'variable') {
    shape.setAttribute('rx', String(w / 2));
    shape.setAttribute('ry', String(h / 2));
  } else {
    const r = n.kind === 'function' ? 3 : n.kind === 'proxy' ? h / 2 : 6;
    for (const [k, v] of [['x', -w / 2], ['y', -h / 2], ['width', w], ['height', h], ['rx', r]] as const) shape.setAttribute(k, String(v));
  }
  g.appendChild(shape);
  const total = n.lines.length + dynamicLines(n);
  const y0 = -(total * m.lineH) / 2 + m.lineH * 0.72;
  const line = (cls: string, i: number, text: string) => {
    const t = document.createElementNS(ns, 'text');
    t.setAttribute('class', cls);
    t.setAttribute('y', String(y0 + i * m.lineH));
    t.textContent = text;
    g.appendChild(t);
  };
  n.lines.forEach((l, i) => line(i === 0 && n.kind !== 'summary' ? 'title' : 'line', i, l));
  if (n.kind === 'variable' && n.node?.kind === 'variable') {
    const c = slotChars(n);
    line('value', n.lines.length, valueText(n.node, c));
    // The grad's slot stays empty until there is one (a patch adds it): fewer elements to style.
    const grad = gradText(n.node, c);
    if (grad) line('grad', n.lines.length + 1, grad);
  }
  if (n.kind === 'summary') {
    const b = document.createElementNS(ns, 'text');
    b.setAttribute('class', 'expand');
    b.setAttribute('x', String(w / 2 - 8));
    b.setAttribute('y', String(-h / 2 + 12));
    b.textContent = '+';
    g.appendChild(b);
  }
}

/** Rewrites the value and grad slots of variable nodes (a values-only update); `lineH` places a new grad line. */
export function patchNode(g: SVGGElement, n: ViewNode, lineH: number): void {
  if (n.kind !== 'variable' || n.node?.kind !== 'variable') return;
  const c = slotChars(n);
  const value = g.querySelector('text.value');
  let grad = g.querySelector('text.grad');
  if (value) value.textContent = valueText(n.node, c);
  const text = gradText(n.node, c);
  if (!grad && text && value) {
    grad = document.createElementNS('http://www.w3.org/2000/svg', 'text');
    grad.setAttribute('class', 'grad');
    grad.setAttribute('y', String(Number(value.getAttribute('y')) + lineH));
    value.after(grad);
  }
  if (grad) grad.textContent = text;
  g.classList.toggle('has-grad', !!n.node.grad);
}
