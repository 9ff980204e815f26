// The panel under adverse and auxiliary conditions: malformed messages, a failing layout
// engine, the strict CSP, host requests (select, highlight, export), restoring state after
// a reload, loading files in the standalone page, and matplotlib figures.
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import type { Figure, HostMessage, VariableNode } from '../../src/protocol/messages';
import { fixture, ids, idle, post, screenshot, useEnv, type PageWindow } from './harness';

const restarts = (page: Page) => page.evaluate(() => (globalThis as unknown as PageWindow).__gradscope.restarts());
const startup = (page: Page) => page.evaluate(() => (globalThis as unknown as PageWindow).__gradscope.startup());
const rejected = (page: Page) => page.evaluate(() => (globalThis as unknown as PageWindow).__gradscope.rejected.length);
const posted = (page: Page) => page.evaluate(() => (globalThis as unknown as PageWindow).__gradscopeHost.posted);
const notice = (page: Page) => page.evaluate(() => (globalThis as unknown as PageWindow).document.querySelector('#notice')?.textContent ?? '');

interface CspShim {
  __inlineRan?: boolean;
  document: {
    addEventListener(t: 'securitypolicyviolation', f: (e: { violatedDirective: string }) => void): void;
    createElement(t: 'script'): { textContent: string };
    body: { append(e: unknown): void };
  };
}

/** DOM constructors used inside page.evaluate (the tests compile without the DOM library). */
interface DomShim {
  document: { dispatchEvent(e: unknown): void };
  DataTransfer: new () => { items: { add(f: unknown): void } };
  File: new (parts: string[], name: string, o: { type: string }) => unknown;
  DragEvent: new (type: string, init: object) => unknown;
}

const FIGURE: Figure = {
  id: 1, title: 'training', width: 6.4, height: 4.8, rows: 2, cols: 2, axes: [
    { row: 0, col: 0, title: 'loss', xlabel: 'epoch', ylabel: 'loss', xlim: null, ylim: null, xscale: 'linear', yscale: 'linear', grid: true, legend: true, series: [
      { kind: 'line', x: [0, 1, 2, 3, 4], y: [1, 0.6, 0.4, 0.3, 0.25], label: 'train', color: null, style: 'solid', width: 1.5, marker: 'o' },
      { kind: 'line', x: [0, 1, 2, 3, 4], y: [1.1, 0.8, 0.6, 0.55, 0.5], label: 'test', color: 'r', style: 'dashed', width: 1.5, marker: null },
    ] },
    { row: 0, col: 1, title: 'spiral', xlabel: null, ylabel: null, xlim: [-1, 1], ylim: [-1, 1], xscale: 'linear', yscale: 'linear', grid: false, legend: false, series: [
      { kind: 'scatter', x: [0.1, -0.4, 0.7, 0.2], y: [0.3, 0.5, -0.6, -0.1], label: null, color: null, c: [0, 1, 2, 0], cmap: 'viridis', size: 20, marker: 'o' },
    ] },
    { row: 1, col: 0, title: 'hist', xlabel: null, ylabel: null, xlim: null, ylim: null, xscale: 'linear', yscale: 'linear', grid: false, legend: false, series: [
      { kind: 'hist', edges: [0, 1, 2, 3], counts: [2, 5, 3], label: null, color: 'C2' },
    ] },
    { row: 1, col: 1, title: 'decision boundary', xlabel: null, ylabel: null, xlim: null, ylim: null, xscale: 'linear', yscale: 'linear', grid: false, legend: false, series: [
      { kind: 'image', rows: 2, cols: 3, data: [0, 1, 2, 2, 1, 0], cmap: 'coolwarm', vmin: null, vmax: null, extent: [-1, 1, -1, 1] },
    ] },
  ],
};

describe('graph panel: robustness and host requests', () => {
  const env = useEnv();
  const f = fixture('tanh2');
  let page: Page;
  before(async () => { page = await env.open(`snapshot=${f.path}`); });

  it('runs under a strict CSP (nonce, no eval, blob workers) with Graphviz compiled as WebAssembly', async () => {
    const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
    assert.ok(csp);
    assert.match(csp, /script-src 'nonce-[^']+' 'wasm-unsafe-eval';/);
    assert.match(csp, /worker-src blob:/);
    assert.doesNotMatch(csp, /'unsafe-eval'|'unsafe-inline'/);
    // An inline script without the nonce must not run, and must be reported as a violation.
    const probe = await page.evaluate(async () => {
      const w = globalThis as unknown as CspShim;
      let violated = '';
      w.document.addEventListener('securitypolicyviolation', (e) => { violated = e.violatedDirective; });
      const s = w.document.createElement('script');
      s.textContent = 'window.__inlineRan = true';
      w.document.body.append(s);
      await new Promise((ok) => setTimeout(ok, 100));
      return { ran: w.__inlineRan === true, violated };
    });
    assert.deepEqual(probe, { ran: false, violated: 'script-src-elem' });
    assert.ok((await page.evaluate(() => (globalThis as unknown as PageWindow).__gradscope.layoutCount())) >= 1);
  });

  it('ignores malformed messages, says so, and keeps working', async () => {
    const before = await ids(page, 'g.node');
    const bad: unknown[] = [
      null, 'snapshot', 42, { type: 'explode' }, { type: 'patch', seq: 1, nodes: [{ id: 'not-an-id' }] },
      { type: 'snapshot', seq: 2, snapshot: { ...f.snapshot, edges: [...f.snapshot.edges, { kind: 'data', from: 'v1', to: 'f999999', index: 0 }] } },
      { type: 'snapshot', seq: 3, snapshot: { ...f.snapshot, nodes: f.snapshot.nodes.slice(1) } },
      { type: 'figures', figures: [{ ...FIGURE, axes: [{ ...FIGURE.axes[0], series: [{ kind: 'line', x: [1], y: [] }] }] }] },
      { type: 'select', id: 'v1', extra: true },
    ];
    const n = await rejected(page);
    for (const m of bad) await post(page, m);
    assert.equal(await rejected(page), n + bad.length);
    assert.deepEqual(await ids(page, 'g.node'), before);
    const errors = (await posted(page)).filter((m) => m.type === 'error');
    assert.ok(errors.length >= bad.length && errors.every((m) => m.type === 'error' && m.detail));
    assert.match(await notice(page), /Ignored a malformed message/);
    const x = f.snapshot.nodes.find((v): v is VariableNode => v.kind === 'variable' && v.label === 'x')!;
    await post(page, { type: 'patch', seq: 4, nodes: [{ id: x.id, value: { short: '5.', text: '5.0', truncated: false } }] } satisfies HostMessage);
    assert.equal(await page.textContent(`svg#graph g.node[data-id="${x.id}"] text.value`), '5.');
  });

  it('starts and warms the layout engine as the panel opens, before any graph arrives', async () => {
    const p = await env.open('');
    await p.waitForFunction(() => (globalThis as unknown as PageWindow).__gradscope.startup() !== null);
    const s = (await startup(p))!;
    assert.ok(s.created <= s.started && s.started <= s.unpacked && s.unpacked <= s.loaded && s.loaded < s.warmed && s.warmed <= s.ready, JSON.stringify(s));
    // The warm-up is the worker's own: no layout was asked for, none failed.
    assert.equal(await p.evaluate(() => (globalThis as unknown as PageWindow).__gradscope.layoutCount()), 0);
    assert.equal(await restarts(p), 0);
    assert.ok((await p.evaluate(() => (globalThis as unknown as PageWindow).__gradscope.timings.warmMs)) > 0);
    await p.close();
  });

  it('restarts a failed layout engine, says so, and lays out again', async () => {
    const before = await restarts(page);
    const first = (await startup(page))!;
    const failed = await page.evaluate(() => (globalThis as unknown as PageWindow).__gradscope.layoutDot('digraph { a -> }').then(() => 'ok', (e: Error) => e.message));
    assert.match(failed, /Graphviz/);
    assert.equal(await restarts(page), before + 1);
    assert.match(await notice(page), /restarted/);
    // The new worker warms up again on its own.
    await page.waitForFunction((t) => ((globalThis as unknown as PageWindow).__gradscope.startup()?.created ?? 0) > t, first.created);
    assert.equal(await page.evaluate(() => (globalThis as unknown as PageWindow).__gradscope.layoutDot('digraph { a -> b }')), 2);
    await page.click('#rankdir');
    await idle(page);
    assert.equal((await ids(page, 'g.node')).length, f.snapshot.nodes.length);
    await page.click('#rankdir');
    await idle(page);
  });

  it('selects, highlights and exports on the host\'s request', async () => {
    const tanh = f.snapshot.nodes.find((n) => n.kind === 'function' && n.name === 'Tanh')!;
    await post(page, { type: 'select', id: tanh.id } satisfies HostMessage);
    assert.deepEqual(await ids(page, 'g.node.selected'), [tanh.id]);
    await post(page, { type: 'highlight', ids: [tanh.id], reason: 'step' } satisfies HostMessage);
    assert.deepEqual(await ids(page, 'g.node.highlight'), [tanh.id]);
    await post(page, { type: 'highlight', ids: [], reason: 'clear' } satisfies HostMessage);
    assert.deepEqual(await ids(page, 'g.node.highlight'), []);
    await post(page, { type: 'exportRequest', requestId: 77, format: 'dot' } satisfies HostMessage);
    await page.waitForFunction(() => (globalThis as unknown as PageWindow).__gradscopeHost.posted.some((m) => m.type === 'exportResult' && m.requestId === 77));
    const r = (await posted(page)).find((m) => m.type === 'exportResult' && m.requestId === 77);
    assert.ok(r && r.type === 'exportResult' && r.data?.startsWith('digraph gradscope {'));
  });

  it('draws matplotlib figures in the Figures tab', async () => {
    await post(page, { type: 'figures', figures: [FIGURE] } satisfies HostMessage);
    assert.equal(await page.textContent('#tab-figures'), 'Figures (1)');
    await page.click('#tab-figures');
    assert.equal(await page.isVisible('#graph'), false);
    const selectors = ['.figure svg', '.figure g.axes', '.figure circle', '.figure g.plot rect', '.figure image', '.figure g.plot path'];
    // No named helpers inside page callbacks: the test transpiler would wrap them in __name().
    const counts = await page.evaluate((sels) => sels.map((q) => (globalThis as unknown as PageWindow).document.querySelectorAll(q).length), selectors);
    assert.deepEqual(counts, [1, 4, 9, 3, 1, 2]);
    await screenshot(page, 'figures-light');
    await page.click('#tab-graph');
    assert.equal(await page.isVisible('#graph'), true);
  });

  it('restores view, selection and graph from setState after a reload', async () => {
    const p = await env.open(`snapshot=${f.path}`);
    await p.selectOption('#view', 'forward');
    const x = f.snapshot.nodes.find((v) => v.kind === 'variable' && v.label === 'x')!;
    await p.click(`svg#graph g.node[data-id="${x.id}"]`);
    await p.waitForTimeout(400);
    await p.goto(p.url().replace(/\?.*$/, ''));
    await p.waitForFunction(() => (globalThis as unknown as PageWindow).__gradscope?.timings.firstRenderAt > 0);
    await idle(p);
    const state = await p.evaluate(() => (globalThis as unknown as PageWindow).__gradscope.state());
    assert.equal(state.view, 'forward');
    assert.equal(state.selected, x.id);
    assert.deepEqual(await ids(p, 'g.node.selected'), [x.id]);
    assert.equal((await ids(p, 'g.node')).length, 3);
    await p.close();
  });

  it('opens snapshot files from the file picker and by drag and drop', async () => {
    const p = await env.open('');
    assert.equal(await p.isVisible('#empty'), true);
    await p.setInputFiles('#open-file', { name: 'g.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(f.snapshot)) });
    await p.waitForFunction(() => (globalThis as unknown as PageWindow).__gradscope.timings.firstRenderAt > 0);
    await idle(p);
    assert.equal((await ids(p, 'g.node')).length, f.snapshot.nodes.length);
    const tanh3 = fixture('tanh3').snapshot;
    await p.evaluate((text) => {
      const w = globalThis as unknown as DomShim;
      const dt = new w.DataTransfer();
      dt.items.add(new w.File([text], 'tanh3.json', { type: 'application/json' }));
      w.document.dispatchEvent(new w.DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, JSON.stringify(tanh3));
    await p.waitForFunction((n) => (globalThis as unknown as PageWindow).__gradscope.view()?.total === n, tanh3.nodes.length);
    await idle(p);
    assert.equal((await ids(p, 'g.node')).length, tanh3.nodes.length);
    await p.close();
  });

  it('raised no console errors besides the CSP probe', () => {
    assert.deepEqual(env.errors.filter((e) => !/inline script/.test(e)), []);
  });
});
