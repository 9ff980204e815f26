// The details pane of the selected node: value, grad, shape, dtype, creator, order, site,
// and for a function the gradients its backward received and produced.
import type { FunctionNode, GradFlow, Preview, SnapshotNode, VariableNode } from '../src/protocol/messages';
import { pyShape } from '../src/graph/dot';
import type { GraphModel } from './model';
import type { Group } from './overview';
import { summaryLines } from './overview';

export interface DetailsActions {
  select(id: string): void;
  reveal(id: string): void;
  expand(groupId: string): void;
  fold(groupId: string): void;
}

type Row = [string, string | Node];

export class Details {
  constructor(private readonly root: HTMLElement, private readonly actions: DetailsActions) {}

  clear(): void {
    this.root.hidden = true;
    this.root.replaceChildren();
  }

  /** Shows a snapshot node; `group` is the overview group it belongs to, if any. */
  showNode(model: GraphModel, n: SnapshotNode, group: string | null): void {
    this.root.hidden = false;
    const parts: Node[] = [];
    if (n.kind === 'variable') parts.push(...this.variable(model, n));
    else parts.push(...this.func(model, n));
    if (group) parts.push(this.button(`Fold ${group.replace(/^g:/, '')}`, () => this.actions.fold(group)));
    this.root.replaceChildren(...parts);
  }

  showGroup(g: Group): void {
    this.root.hidden = false;
    const h = this.h(`Folded: ${g.id.replace(/^g:/, '')}`);
    const ops = g.ops.map(([op, c]) => `${op} ×${c}`).join(', ') || '—';
    this.root.replaceChildren(h, this.dl([['summary', summaryLines(g).slice(0, 2).join('\n')], ['ops', ops]]),
      this.button('Expand', () => this.actions.expand(g.id)));
  }

  private variable(model: GraphModel, v: VariableNode): Node[] {
    const creator = v.creator ? model.byId.get(v.creator) : undefined;
    const rows: Row[] = [
      ['id', v.id], ['name', v.name ?? '—'], ['locals', v.locals.join(', ') || '—'],
      ['shape', v.shape ? pyShape(v.shape) : 'None'], ['dtype', v.dtype ?? '—'],
      ['creator', creator ? this.link(`${creator.label} (${creator.id})`, creator.id) : 'none (a leaf)'],
      ['order', String(v.order)], ['generation', String(v.generation)],
    ];
    if (v.param) rows.push(['kind', 'Parameter']);
    if (v.gradId) rows.push(['grad var', model.byId.has(v.gradId) ? this.link(v.gradId, v.gradId) : v.gradId]);
    const site = model.siteOf(v.id);
    if (site) rows.push(['site', this.siteLink(`${site.site.file}:${site.site.line}:${site.site.col + 1}`, v.id)]);
    return [this.h(`Variable ${v.label || v.id}`), this.dl(rows), ...this.preview('value', v.value), ...this.preview('grad', v.grad)];
  }

  private func(model: GraphModel, f: FunctionNode): Node[] {
    const names = (ids: string[]) => {
      const span = document.createElement('span');
      ids.forEach((id, i) => {
        if (i) span.append(', ');
        const n = model.byId.get(id);
        span.append(this.link(n && n.kind === 'variable' && n.label ? n.label : id, id));
      });
      return span;
    };
    const rows: Row[] = [
      ['id', f.id], ['op', f.name], ['inputs', names(f.inputs)], ['outputs', names(f.outputs)],
      ['order', String(f.order)], ['generation', String(f.generation)],
      ['site', f.site ? this.siteLink(`${f.site.file}:${f.site.line}:${f.site.col + 1}`, f.id) : 'unknown'],
    ];
    const out: Node[] = [this.h(`Function ${f.name}`), this.dl(rows)];
    const info = model.steps.get(f.id);
    if (info) {
      out.push(this.h(`Backward step ${info.index + 1}`, 'h4'));
      info.step.gys.forEach((g, i) => out.push(...this.flow(`gy[${i}]`, g)));
      info.step.gxs.forEach((g, i) => out.push(...this.flow(`gx[${i}]`, g)));
    }
    return out;
  }

  private flow(label: string, g: GradFlow): Node[] {
    return this.preview(`${label} → ${g.of}`, g.preview);
  }

  private preview(label: string, p: Preview | null): Node[] {
    const dt = document.createElement('div');
    dt.className = 'preview-label';
    dt.textContent = p?.truncated ? `${label} (summarised)` : label;
    const pre = document.createElement('pre');
    pre.className = `preview ${label.split(' ')[0]}`;
    pre.textContent = p ? p.text : 'None';
    return [dt, pre];
  }

  private h(text: string, tag: 'h3' | 'h4' = 'h3'): HTMLElement {
    const h = document.createElement(tag);
    h.textContent = text;
    return h;
  }

  private dl(rows: Row[]): HTMLElement {
    const dl = document.createElement('dl');
    for (const [k, v] of rows) {
      const dt = document.createElement('dt'), dd = document.createElement('dd');
      dt.textContent = k;
      if (typeof v === 'string') dd.textContent = v; else dd.append(v);
      dd.dataset.field = k;
      dl.append(dt, dd);
    }
    return dl;
  }

  private link(text: string, id: string): HTMLElement {
    const a = document.createElement('a');
    a.textContent = text;
    a.tabIndex = 0;
    a.addEventListener('click', () => this.actions.select(id));
    return a;
  }

  private siteLink(text: string, id: string): HTMLElement {
    const a = document.createElement('a');
    a.textContent = text;
    a.title = 'Reveal in the editor';
    a.tabIndex = 0;
    a.addEventListener('click', () => this.actions.reveal(id));
    return a;
  }

  private button(text: string, f: () => void): HTMLElement {
    const b = document.createElement('button');
    b.textContent = text;
    b.addEventListener('click', f);
    return b;
  }
}
