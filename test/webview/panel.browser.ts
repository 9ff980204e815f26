// The graph panel in headless Chromium on tanh's second derivative (create_graph): node
// counts, order colours and chips, selection and details, reveal, export, update semantics
// (values-only steps never re-run the layout), and screenshots in light and dark themes.
import assert from 'node:assert/strict';
import { Graphviz } from '@hpcc-js/wasm-graphviz';
import type { Page } from 'playwright-core';
import type { GraphSnapshot, HostMessage, VariableNode, WebviewMessage } from '../../src/protocol/messages';
import { fixture, ids, idle, post, screenshot, snapshotMessage, steppedRnn, useEnv, type PageWindow } from './harness';

const sorted = (xs: string[]) => [...xs].sort();

/** Nodes upstream (or downstream) of `id` over data edges. */
function ancestors(s: GraphSnapshot, id: string, down = false): string[] {
  const up = new Map<string, string[]>();
  for (const e of s.edges) {
    if (e.kind !== 'data') continue;
    const [a, b] = down ? [e.to, e.from] : [e.from, e.to];
    up.set(b, [...(up.get(b) ?? []), a]);
  }
  const seen = new Set<string>();
  const stack = [id];
  while (stack.length) for (const m of up.get(stack.pop()!) ?? []) if (!seen.has(m)) { seen.add(m); stack.push(m); }
  return [...seen];
}

const variable = (s: GraphSnapshot, label: string) => s.nodes.find((n): n is VariableNode => n.kind === 'variable' && n.label === label)!;
const layouts = (page: Page) => page.evaluate(() => (globalThis as unknown as PageWindow).__gradscope.layoutCount());
const posted = (page: Page) => page.evaluate(() => (globalThis as unknown as PageWindow).__gradscopeHost.posted);
const text = (page: Page, sel: string) => page.evaluate((s) => (globalThis as unknown as PageWindow).document.querySelector(s)?.textContent ?? null, sel);
const fill = (page: Page, sel: string) => page.evaluate((s) => {
  const w = globalThis as unknown as PageWindow;
  const el = w.document.querySelector(s);
  return el ? w.getComputedStyle(el).fill : null;
}, sel);

describe("graph panel: tanh's second derivative", () => {
  const env = useEnv();
  const f = fixture('tanh2');
  const s = f.snapshot;
  let page: Page;
  before(async () => { page = await env.open(`snapshot=${f.path}`); });

  it('opens in the higher-order view with one node per variable and per function', async () => {
    assert.equal((await page.evaluate(() => (globalThis as unknown as PageWindow).__gradscope.state())).view, 'higher');
    assert.equal((await ids(page, 'g.node.variable')).length, f.expected.variables);
    assert.equal((await ids(page, 'g.node.function')).length, f.expected.functions);
    assert.deepEqual(sorted(await ids(page, 'g.node')), sorted(s.nodes.map((n) => n.id)));
    assert.equal((await ids(page, 'path.edge')).length, s.edges.length);
  });

  it('colours derivative orders 0 and 1 differently, keeping orange and lightblue for order 0', async () => {
    const v0 = await fill(page, 'g.node.variable[data-order="0"] .shape'), v1 = await fill(page, 'g.node.variable[data-order="1"] .shape');
    const f0 = await fill(page, 'g.node.function[data-order="0"] .shape'), f1 = await fill(page, 'g.node.function[data-order="1"] .shape');
    assert.ok(v0 && v1 && f0 && f1);
    assert.notEqual(v0, v1);
    assert.notEqual(f0, f1);
    assert.equal(v0, 'rgb(255, 165, 0)');
    assert.equal(f0, 'rgb(173, 216, 230)');
  });

  it('hiding order 1 removes exactly the order-1 nodes, and showing it brings them back', async () => {
    const all = await ids(page, 'g.node');
    const order1 = await ids(page, 'g.node[data-order="1"]');
    assert.equal(order1.length, f.expected.byOrder.get(1)!.variables + f.expected.byOrder.get(1)!.functions);
    await page.click('.chip[data-order="1"]');
    await idle(page);
    assert.deepEqual(sorted(await ids(page, 'g.node')), sorted(all.filter((id) => !order1.includes(id))));
    assert.equal(await page.getAttribute('.chip[data-order="1"]', 'aria-pressed'), 'false');
    await page.click('.chip[data-order="1"]');
    await idle(page);
    assert.deepEqual(sorted(await ids(page, 'g.node')), sorted(all));
  });

  it('clicking a node highlights its ancestors and descendants; the details show its grad', async () => {
    const gx1 = variable(s, 'gx1');
    await page.click(`svg#graph g.node[data-id="${gx1.id}"]`);
    assert.deepEqual(await ids(page, 'g.node.selected'), [gx1.id]);
    assert.deepEqual(sorted(await ids(page, 'g.node.ancestor')), sorted(ancestors(s, gx1.id)));
    assert.deepEqual(await ids(page, 'g.node.descendant'), []);
    assert.equal(gx1.grad, null, 'a non-leaf grad is cleared after backward');
    assert.equal(await text(page, '#details pre.preview.grad'), 'None');
    const y = variable(s, 'y');
    await page.click(`svg#graph g.node[data-id="${y.id}"]`);
    assert.deepEqual(sorted(await ids(page, 'g.node.descendant')), sorted(ancestors(s, y.id, true)));
    assert.deepEqual(sorted(await ids(page, 'g.node.ancestor')), sorted(ancestors(s, y.id)));
    const x = variable(s, 'x');
    await page.click(`svg#graph g.node[data-id="${x.id}"]`);
    assert.equal(await text(page, '#details pre.preview.grad'), x.grad!.text);
    assert.equal(await text(page, '#details pre.preview.value'), '1.0');
    assert.match(x.grad!.text, /^-0\.63970/);
    assert.deepEqual((await posted(page)).filter((m) => m.type === 'select').at(-1), { type: 'select', id: x.id });
  });

  it('double-clicking asks the host to reveal the source line', async () => {
    const tanh = s.nodes.find((n) => n.kind === 'function' && n.name === 'Tanh')!;
    await page.dblclick(`svg#graph g.node[data-id="${tanh.id}"]`);
    const m = (await posted(page)).filter((p): p is Extract<WebviewMessage, { type: 'revealSource' }> => p.type === 'revealSource').at(-1);
    assert.ok(m && tanh.kind === 'function');
    assert.deepEqual(m, { type: 'revealSource', id: tanh.id, site: tanh.site });
  });

  it('exports a valid SVG, a PNG and the DOT text', async () => {
    const exported = async (button: string) => {
      const n = (await posted(page)).length;
      await page.click(button);
      await page.waitForFunction((k) => (globalThis as unknown as PageWindow).__gradscopeHost.posted.slice(k).some((m) => m.type === 'exportResult'), n);
      const r = (await posted(page)).slice(n).find((m) => m.type === 'exportResult');
      assert.ok(r && r.type === 'exportResult' && r.error === null && r.data !== null, JSON.stringify(r));
      return r.data;
    };
    const svg = await exported('#export-svg');
    const parsed = await page.evaluate((src) => {
      type Doc = { querySelector(s: string): { textContent: string | null } | null; querySelectorAll(s: string): { length: number }; documentElement: { nodeName: string } };
      const w = globalThis as unknown as { DOMParser: new () => { parseFromString(s: string, type: string): Doc } };
      const d = new w.DOMParser().parseFromString(src, 'image/svg+xml');
      return { error: d.querySelector('parsererror')?.textContent ?? null, root: d.documentElement.nodeName, nodes: d.querySelectorAll('g[data-id]').length };
    }, svg);
    assert.deepEqual(parsed, { error: null, root: 'svg', nodes: s.nodes.length });
    assert.match(svg, /fill="rgb\(255, 165, 0\)"/);
    const png = await exported('#export-png');
    const bytes = Buffer.from(png.replace(/^data:image\/png;base64,/, ''), 'base64');
    assert.equal(bytes.subarray(1, 4).toString(), 'PNG');
    assert.ok(bytes.readUInt32BE(16) > 100 && bytes.readUInt32BE(20) > 100);
    const dot = await exported('#export-dot');
    assert.match(dot, /^digraph gradscope \{/);
    for (const n of s.nodes) assert.match(dot, new RegExp(`^  ${n.id} \\[`, 'm'));
    const plain = (await Graphviz.load()).layout(dot, 'plain', 'dot');
    assert.equal(plain.split('\n').filter((l) => l.startsWith('node ')).length, s.nodes.length);
  });

  it('keeps zoom, pan and selection across updates', async () => {
    const x = variable(s, 'x');
    await page.click(`svg#graph g.node[data-id="${x.id}"]`);
    await page.click('#zoom-in');
    const before = await page.getAttribute('svg#graph g.viewport', 'transform');
    await post(page, snapshotMessage(structuredClone(s), 7));
    await page.click('.chip[data-order="2"]');
    await idle(page);
    assert.equal(await page.getAttribute('svg#graph g.viewport', 'transform'), before);
    assert.deepEqual(await ids(page, 'g.node.selected'), [x.id]);
    await page.click('.chip[data-order="2"]');
    // The same graph grown (a step adds a variable): laid out again, the view stays where it was.
    const grown = structuredClone(s);
    const extra = { ...structuredClone(x), id: `${x.id}00`, name: 'x2' };
    grown.nodes.push(extra);
    grown.roots.push(extra.id);
    const n0 = await layouts(page);
    await post(page, snapshotMessage(grown, 8));
    assert.ok((await ids(page, 'g.node')).includes(extra.id));
    assert.equal(await layouts(page), n0 + 1);
    assert.equal(await page.getAttribute('svg#graph g.viewport', 'transform'), before);
    await post(page, snapshotMessage(structuredClone(s), 9));
    assert.equal(await page.getAttribute('svg#graph g.viewport', 'transform'), before);
    // Another graph altogether (a different script, a DOT preview) is fitted to the panel.
    await post(page, snapshotMessage(fixture('tanh3').snapshot, 10));
    assert.notEqual(await page.getAttribute('svg#graph g.viewport', 'transform'), before);
    await post(page, snapshotMessage(structuredClone(s), 11));
  });

  it('a values-only step patches labels without re-running the layout', async () => {
    const x = variable(s, 'x');
    const n0 = await layouts(page);
    const patch: HostMessage = { type: 'patch', seq: 10, nodes: [{ id: x.id, value: { short: '2.', text: '2.0', truncated: false }, grad: { short: '-0.1', text: '-0.1', truncated: false } }] };
    await post(page, patch);
    assert.equal(await text(page, `svg#graph g.node[data-id="${x.id}"] text.value`), '2.');
    assert.equal(await text(page, `svg#graph g.node[data-id="${x.id}"] text.grad`), '∇ -0.1');
    const next = structuredClone(s);
    for (const n of next.nodes) if (n.kind === 'variable') n.grad = { short: '7.', text: '7.0', truncated: false };
    await post(page, snapshotMessage(next, 11));
    assert.equal(await text(page, `svg#graph g.node[data-id="${x.id}"] text.grad`), '∇ 7.');
    assert.equal(await layouts(page), n0, 'the layout ran again');
    // A structural change does lay out again (verbose labels change node sizes).
    await page.click('#verbose');
    await idle(page);
    assert.equal(await layouts(page), n0 + 1);
    await page.click('#verbose');
    await idle(page);
  });

  it('draws the latest of two snapshots when the second arrives during the first one\'s layout', async () => {
    const steps = steppedRnn(2);
    const p = await env.open('');
    await post(p, snapshotMessage(steps[2], 1));
    // The second grows the graph further and gives a node new in the first a new value.
    const [a, b] = [steps[3], structuredClone(steps[4])];
    const isNew = (id: string) => a.nodes.some((m) => m.id === id) && !steps[2].nodes.some((m) => m.id === id);
    const shared = b.nodes.find((n): n is VariableNode => n.kind === 'variable' && n.value !== null && isNew(n.id))!;
    shared.value = { short: 'newer', text: 'newer', truncated: false };
    await p.evaluate(async ([first, second]) => {
      const w = globalThis as unknown as PageWindow;
      w.__gradscope.receive({ type: 'snapshot', seq: 2, snapshot: first });
      // A macrotask: the first layout is asked for (and its nodes built) before the second arrives.
      await new Promise((ok) => setTimeout(ok, 0));
      w.__gradscope.receive({ type: 'snapshot', seq: 3, snapshot: second });
      await w.__gradscope.idle();
    }, [a, b]);
    assert.deepEqual(sorted(await ids(p, 'g.node')), sorted(b.nodes.map((n) => n.id)));
    assert.equal(await text(p, `svg#graph g.node[data-id="${shared.id}"] text.value`), 'newer');
    assert.equal((await ids(p, 'path.edge')).length, b.edges.length);
    await p.close();
  });

  it('draws the recorded backward pass as gradient flow in the backward view', async () => {
    await page.selectOption('#view', 'backward');
    await idle(page);
    const n = await layouts(page);
    const rec = s.backward!;
    assert.ok(rec.steps.length > 0);
    const badges = await page.evaluate(() => Array.from((globalThis as unknown as PageWindow).document.querySelectorAll('g.step-badge'), (e) => e.textContent));
    assert.deepEqual(sorted(badges.map(String)), sorted(rec.steps.filter((st) => s.nodes.some((m) => m.id === st.fn && m.order <= 1)).map((st) => String(rec.steps.indexOf(st) + 1))));
    assert.ok((await page.evaluate(() => (globalThis as unknown as PageWindow).document.querySelectorAll('g.flow-label').length)) > 0);
    await page.selectOption('#view', 'higher');
    await idle(page);
    assert.ok((await layouts(page)) <= n + 1);
  });

  it('shows light and dark themes (screenshots)', async () => {
    for (const theme of ['light', 'dark'] as const) {
      const p = await env.open(`snapshot=${f.path}&theme=${theme}`);
      await p.click(`svg#graph g.node[data-id="${variable(s, 'gx1').id}"]`);
      await screenshot(p, `tanh2-higher-${theme}`);
      await p.selectOption('#view', 'backward');
      await idle(p);
      await screenshot(p, `tanh2-backward-${theme}`);
      await p.close();
    }
  });

  it('raised no console errors (no CSP violations)', () => {
    assert.deepEqual(env.errors, []);
  });
});
