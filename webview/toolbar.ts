// The toolbar: tabs, view mode, direction, verbose labels, search, order chips, zoom,
// export, and "fold all" for overviews.
import type { ExportFormat, OrderCount, PanelState, ViewMode } from '../src/protocol/messages';

export interface ToolbarActions {
  setTab(t: PanelState['tab']): void;
  setView(v: ViewMode): void;
  toggleRankdir(): void;
  setVerbose(on: boolean): void;
  search(q: string, next: boolean): void;
  toggleOrder(order: number): void;
  fit(): void;
  zoom(factor: number): void;
  exportAs(f: ExportFormat): void;
  foldAll(): void;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string>, text = ''): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text) e.textContent = text;
  return e;
}

function group(...children: HTMLElement[]): HTMLElement {
  const g = el('div', { class: 'group graph-only' });
  g.append(...children);
  return g;
}

export class Toolbar {
  private readonly tabGraph = el('button', { id: 'tab-graph', class: 'tab', role: 'tab' }, 'Graph');
  private readonly tabFigures = el('button', { id: 'tab-figures', class: 'tab', role: 'tab' }, 'Figures');
  private readonly view = el('select', { id: 'view', title: 'View' });
  private readonly rankdir = el('button', { id: 'rankdir', title: 'Direction (top-bottom / left-right)' });
  private readonly verbose = el('input', { id: 'verbose', type: 'checkbox' });
  private readonly searchBox = el('input', { id: 'search', type: 'search', placeholder: 'Search name or op', 'aria-label': 'Search' });
  private readonly chips = el('span', { id: 'chips', class: 'group', role: 'group', 'aria-label': 'Derivative orders' });
  private readonly foldAll = el('button', { id: 'fold-all', title: 'Fold every group of the overview' }, 'Fold all');

  constructor(private readonly root: HTMLElement, private readonly actions: ToolbarActions) {
    for (const [v, label] of [['forward', 'Forward'], ['backward', 'With backward'], ['higher', 'Higher order']] as const) {
      this.view.append(el('option', { value: v }, label));
    }
    const verboseLabel = el('label', { for: 'verbose', title: 'Shapes and dtypes (DeZero verbose)' }, 'verbose');
    const button = (id: string, text: string, title: string, f: () => void) => {
      const b = el('button', { id, title }, text);
      b.addEventListener('click', f);
      return b;
    };
    root.append(
      el('div', { class: 'group', role: 'tablist' }),
      group(this.view, this.rankdir, this.verbose, verboseLabel),
      group(this.searchBox),
      this.chips,
      group(button('fit', 'Fit', 'Fit the graph to the panel', () => actions.fit()),
        button('zoom-in', '+', 'Zoom in', () => actions.zoom(1.25)), button('zoom-out', '−', 'Zoom out', () => actions.zoom(0.8))),
      group(button('export-svg', 'SVG', 'Export SVG', () => actions.exportAs('svg')),
        button('export-png', 'PNG', 'Export PNG', () => actions.exportAs('png')),
        button('export-dot', 'DOT', 'Export DOT', () => actions.exportAs('dot'))),
      this.foldAll,
    );
    root.querySelector('[role="tablist"]')!.append(this.tabGraph, this.tabFigures);
    this.chips.classList.add('graph-only');
    this.foldAll.classList.add('graph-only');
    this.tabGraph.addEventListener('click', () => actions.setTab('graph'));
    this.tabFigures.addEventListener('click', () => actions.setTab('figures'));
    this.view.addEventListener('change', () => actions.setView(this.view.value as ViewMode));
    this.rankdir.addEventListener('click', () => actions.toggleRankdir());
    this.verbose.addEventListener('change', () => actions.setVerbose(this.verbose.checked));
    this.searchBox.addEventListener('input', () => actions.search(this.searchBox.value, false));
    this.searchBox.addEventListener('keydown', (e) => { if (e.key === 'Enter') actions.search(this.searchBox.value, true); });
    this.foldAll.addEventListener('click', () => actions.foldAll());
  }

  update(state: PanelState, orders: OrderCount[], folded: boolean, figures: number): void {
    this.root.classList.toggle('figures', state.tab === 'figures');
    this.tabGraph.setAttribute('aria-selected', String(state.tab === 'graph'));
    this.tabFigures.setAttribute('aria-selected', String(state.tab === 'figures'));
    this.tabFigures.textContent = figures ? `Figures (${figures})` : 'Figures';
    this.view.value = state.view;
    this.rankdir.textContent = state.rankdir;
    this.verbose.checked = state.verbose;
    if (this.searchBox.value !== state.search) this.searchBox.value = state.search;
    this.foldAll.hidden = !folded || state.expanded.length === 0;
    this.updateChips(state, orders);
  }

  private updateChips(state: PanelState, orders: OrderCount[]): void {
    this.chips.replaceChildren();
    this.chips.hidden = state.view !== 'higher' || orders.length < 2;
    if (this.chips.hidden) return;
    for (const o of orders) {
      const shown = !state.hiddenOrders.includes(o.order);
      const chip = el('button', {
        class: `chip o${o.order % 10}`, 'data-order': String(o.order), 'aria-pressed': String(shown),
        title: `order ${o.order}: ${o.variables} variables, ${o.functions} functions (click to ${shown ? 'hide' : 'show'})`,
      });
      chip.append(el('span', { class: 'swatch' }), document.createTextNode(`${o.order} (${o.variables + o.functions})`));
      chip.addEventListener('click', () => this.actions.toggleOrder(o.order));
      this.chips.append(chip);
    }
  }
}
