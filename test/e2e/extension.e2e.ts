// Gradscope in a real VS Code (code-server + Chromium): the scenarios of issue 6's "Must
// show", the DOT grammar and preview of issue 7, and the performance figures (activation,
// step → panel latency, the longest extension-host stall while the spiral example runs,
// Stop on a runaway script), printed by the run; then, in the same VS Code, the other ways in
// (scenarios_ui.ts) and the settings (scenarios_settings.ts). Screenshots: test-results/e2e/ext-*.png.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Graphviz } from '@hpcc-js/wasm-graphviz';
import { repoRoot } from './code_server';
import { startVSCode, type VSCode } from './harness';
import * as ui from './gradscope_ui';
import { settingsScenarios } from './scenarios_settings';
import { uiScenarios, type SuiteContext } from './scenarios_ui';

const figures: string[] = [];
const figure = (s: string) => { figures.push(s); console.log(`      ${s}`); };
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

describe('e2e: Gradscope in a real VS Code', function () {
  this.timeout(240_000);
  let ws = '';
  let metricsFile = '';
  let v: VSCode;

  let startLoad = '';

  before(async function () {
    startLoad = loadavg().map((x) => x.toFixed(1)).join(' ');
    const build = spawnSync(process.execPath, [join(repoRoot, 'scripts', 'build.mjs')], { cwd: repoRoot, encoding: 'utf8' });
    assert.equal(build.status, 0, `the build failed:\n${build.stdout}\n${build.stderr}`);
    ws = mkdtempSync(join(tmpdir(), 'gradscope-e2e-ws-'));
    cpSync(join(repoRoot, 'examples'), ws, { recursive: true });
    cpSync(join(repoRoot, 'test', 'e2e', 'fixtures'), ws, { recursive: true });
    metricsFile = join(ws, '.metrics.jsonl');
    v = await startVSCode({
      workspace: ws, extensionDevelopmentPath: repoRoot,
      userSettings: { 'gradscope.diagnostics.metricsFile': metricsFile, 'debug.inlineValues': 'on', 'debug.showInStatusBar': 'always', 'editor.hover.delay': 200 },
    });
  });

  beforeEach(async function () {
    // Whatever a failed test left open (a quick input, a dialog) goes first.
    for (let i = 0; i < 2; i++) await v?.page.keyboard.press('Escape');
  });

  afterEach(async function () {
    const test = this.currentTest;
    if (v && test?.state === 'failed') {
      const name = `ext-failed-${test.title.replace(/\W+/g, '-').slice(0, 60)}`;
      await v.screenshot(name).catch(() => undefined);
      console.log(`    screenshot and logs: test-results/e2e/${name}.{png,log} (${v.saveLogs(name)})`);
    }
  });

  after(async function () {
    // The machine's load says how much of each figure is waiting for a CPU.
    const load = loadavg().map((x) => x.toFixed(1)).join(' ');
    if (figures.length) console.log(`\n    Gradscope performance figures (${availableParallelism()} CPUs, load average now ${load}, at the start ${startLoad}):\n${figures.map((f) => `      ${f}`).join('\n')}\n`);
    await v?.close();
    if (ws) rmSync(ws, { recursive: true, force: true });
  });

  const page = () => v.page;
  const editorFocus = () => ui.activeEditor(page()).click();
  /** Opens a workspace file in the first editor group (never in the graph panel's group beside it). */
  const open = async (name: string) => {
    await page().keyboard.press('Control+1');
    await v.openFile(name);
  };

  it('1. steps through the Newton example: the panel gains nodes, Variables shows x with a grad', async function () {
    await open('newton.py');
    await v.runCommand('Gradscope: Step Through File');
    await ui.waitForStop(page(), 7);
    const f = await ui.graphFrame(v);
    const counts: number[] = [];
    const latencies: number[] = [];
    const inPanel: number[] = [];
    // Lines the stepping visits up to the one after y.backward(create_graph=True).
    for (const line of [8, 11, 16, 17, 19, 20, 22, 23, 24, 26]) {
      await editorFocus();
      const seen = await ui.panelProgress(f);
      const t0 = Date.now();
      await page().keyboard.press('F10');
      await ui.waitForStop(page(), line);
      // Every stop sends a snapshot; one that changes the graph's structure is laid out and drawn again (others patch values).
      const now = await ui.waitForSnapshot(f, seen.snapshots);
      if (now.draws > seen.draws) {
        latencies.push(now.drawnAt - t0);
        inPanel.push(now.drawnAt - now.receivedAt);
      }
      counts.push(await ui.drawnNodes(f));
    }
    // Inline values: the editor shows what the assignments above the stop hold.
    const inlineLine = page().locator('.editor-group-container.active .view-line', { hasText: 'x = Variable(np.array(2.0))' }).first();
    let inline = '';
    for (let i = 0; i < 100 && !/\) +x = variable\(2\.0\)/.test(inline); i++) {
      if (i) await page().waitForTimeout(100);
      inline = ((await inlineLine.textContent()) ?? '').replace(/\u00a0/g, ' ');
    }
    assert.match(inline, /\) +x = variable\(2\.0\)/, `inline value after the assignment: ${inline}`);
    assert.ok(counts.at(-1)! > counts[0], `the panel's SVG gained nodes: ${counts.join(' → ')}`);
    assert.ok(counts.at(-1)! >= 20, `after backward(create_graph=True) the graph has both orders: ${counts.at(-1)} nodes`);
    figure(`step (F10) → new graph drawn in the panel (Newton, ${latencies.length} steps that changed the graph, ≤ ${counts.at(-1)} nodes): ${JSON.stringify(latencies)} ms, median ${median(latencies)} ms, max ${Math.max(...latencies)} ms; of which from the snapshot's arrival in the panel to drawn (layout + render) ${JSON.stringify(inPanel)} ms`);
    await ui.expandVariable(page(), 'x', /grad\s*=\s*variable\(24\.0\)/);
    const rows = await ui.viewRows(page(), '.debug-variables');
    for (const name of ['data', 'grad', 'shape', 'dtype', 'creator', 'generation', 'order']) {
      assert.ok(rows.some((r) => r.trim().startsWith(`${name} =`)), `the Variables view shows x.${name}: ${JSON.stringify(rows)}`);
    }
    await v.screenshot('ext-1-newton-stepping');
  });

  it('2. hovering x while paused after backward(create_graph=True) shows its grad', async function () {
    await ui.waitStatus(page(), /paused at line 26\b/, 5000);
    await editorFocus();
    const text = await ui.hoverUntil(page(), 'gx = x.grad', 'x', 'derivative order');
    assert.match(text, /grad/);
    assert.match(text, /variable\(24\.0\)/, `the hover shows x.grad: ${text}`);
    assert.match(text, /variable\(2\.0\)/, 'and x itself');
    assert.match(text, /Show in graph/);
    await v.screenshot('ext-2-hover');
    await page().mouse.move(5, 500);
    // The Debug Console evaluates Python in the paused frame.
    await v.runCommand('Debug Console: Focus on Debug Console View');
    await page().locator('.repl-input-wrapper .monaco-editor.focused').waitFor({ timeout: 10_000 });
    await page().keyboard.type('x.grad * 3');
    await page().keyboard.press('Enter');
    await page().locator('.repl .monaco-list-row', { hasText: 'variable(72.0)' }).first().waitFor({ timeout: 15_000 });
    await v.screenshot('ext-2b-debug-console');
    await ui.stopDebugging(page());
  });

  it('3. the higher-order example draws order-1 nodes in a different colour', async function () {
    await open('hessian_vector.py');
    await v.runCommand('Gradscope: Run File');
    await ui.waitStatus(page(), /Gradscope: done/, 60_000);
    const f = await ui.graphFrame(v);
    await ui.waitForNodes(f, 1, 'g.node.variable.o1');
    const fills = await ui.evaluateText<Record<string, string | null>>(f, `(() => {
      const fill = (sel) => { const el = document.querySelector(sel); return el ? getComputedStyle(el).fill : null; };
      return { o0: fill('svg#graph g.node.variable.o0 .shape'), o1: fill('svg#graph g.node.variable.o1 .shape'),
        f0: fill('svg#graph g.node.function.o0 .shape'), f1: fill('svg#graph g.node.function.o1 .shape') };
    })()`);
    assert.ok(fills.o0 && fills.o1 && fills.o0 !== fills.o1, `order-0 and order-1 variables differ in colour: ${JSON.stringify(fills)}`);
    assert.ok(fills.f0 && fills.f1 && fills.f0 !== fills.f1, `order-0 and order-1 functions differ in colour: ${JSON.stringify(fills)}`);
    await v.screenshot('ext-3-higher-order');
    // After a Run, hovering shows the final state: gx is x's gradient, an order-1 variable.
    await editorFocus();
    const hover = await ui.hoverUntil(page(), 'gx = x.grad', 'gx', 'derivative order');
    assert.match(hover, /variable\(\[2\. 4\.\]\)/, `the hover shows gx's value after the run: ${hover}`);
    assert.match(hover, /derivative order 1/, hover);
    await page().mouse.move(5, 500);
    // From the finished run's final state: the graph of one variable, chosen at the cursor.
    const whole = await ui.drawnNodes(f);
    await ui.goTo(page(), 24, 2);
    const before = await ui.panelProgress(f);
    await v.runCommand('Gradscope: Show Graph of Variable at Cursor');
    await ui.waitForSnapshot(f, before.snapshots);
    const part = await ui.drawnNodes(f);
    assert.ok(part > 0 && part < whole, `the graph of gx (${part} nodes) is part of the whole (${whole})`);
    await v.screenshot('ext-3b-graph-of-gx');
    // Double-clicking a node reveals where it was made: gx came from backward() on line 22.
    await f.locator('svg#graph g.node.variable', { hasText: 'gx' }).first().dblclick();
    await page().locator('[id="status.editor.selection"]', { hasText: /Ln 22,/ }).waitFor({ timeout: 15_000 });
    // The CodeLens "Show graph" above z.backward() shows z's graph.
    const beforeLens = await ui.panelProgress(f);
    await ui.clickCodeLens(page(), 'Show graph', 1);
    await ui.waitForSnapshot(f, beforeLens.snapshots);
    assert.ok((await f.locator('svg#graph g.node.variable', { hasText: /^\s*z\b/ }).count()) > 0 || (await ui.drawnNodes(f)) > part, 'the graph of z is shown');
  });

  it('3c. figures from matplotlib show in the panel\'s Figures tab', async function () {
    await open('plot_demo.py');
    await v.runCommand('Gradscope: Run File');
    await ui.waitStatus(page(), /Gradscope: done/, 60_000);
    const f = await ui.graphFrame(v);
    const tab = f.locator('#tab-figures');
    await f.locator('#tab-figures', { hasText: 'Figures (1)' }).waitFor({ timeout: 15_000 });
    await tab.click();
    await f.locator('#figures-tab svg path').first().waitFor({ timeout: 15_000 });
    await v.screenshot('ext-3c-figures');
    await f.locator('#tab-graph').click();
  });

  it('4. "Step into backward" walks back-propagation: synthetic frames in the call stack', async function () {
    await open('newton.py');
    await ui.clickCodeLens(page(), 'Step into backward', 0);
    await ui.waitStatus(page(), /paused in backward/, 30_000);
    const frameRow = page().locator('.debug-call-stack .monaco-list-row', { hasText: /\.backward · gen \d+/ }).first();
    await frameRow.waitFor({ timeout: 15_000 });
    const first = (await frameRow.textContent()) ?? '';
    const f = await ui.graphFrame(v);
    await ui.waitForNodes(f, 1, 'g.node.function.highlight', 10_000);
    await editorFocus();
    await page().keyboard.press('F11');
    await page().waitForFunction((prev) => {
      const rows = (globalThis as unknown as { document: { querySelectorAll(s: string): ArrayLike<{ textContent: string | null }> } }).document.querySelectorAll('.debug-call-stack .monaco-list-row');
      return Array.from(rows).some((r) => /\.backward · gen \d+/.test(r.textContent ?? '') && r.textContent !== prev);
    }, first, { timeout: 15_000 });
    const rows = await ui.viewRows(page(), '.debug-call-stack');
    assert.ok(rows.some((r) => /\.backward · gen \d+/.test(r)), `synthetic backward frames: ${JSON.stringify(rows)}`);
    // After the step the Variables view shows the gradients it produced.
    await page().locator('.debug-variables .monaco-list-row', { hasText: /gx0?\s*=\s*variable\(/ }).first().waitFor({ timeout: 15_000 });
    assert.ok(rows.some((r) => r.includes('<module>') && r.includes('newton.py')), `above the script's own frame: ${JSON.stringify(rows)}`);
    await v.screenshot('ext-4-step-into-backward');
    await ui.stopDebugging(page());
  });

  it('5. Export Graph writes a DOT file that Graphviz-wasm parses', async function () {
    await v.runCommand('Gradscope: Export Graph…');
    await ui.pickQuick(page(), 'DOT');
    const target = await ui.acceptSaveDialog(page());
    assert.equal(dirname(target), ws, 'the dialog proposes the script\'s folder');
    await v.notification(/exported the graph to .*-graph\.dot/, 30_000);
    assert.ok(existsSync(target), 'the file was written');
    const dot = readFileSync(target, 'utf8');
    assert.match(dot, /^digraph/);
    const graphviz = await Graphviz.load();
    const svg = graphviz.layout(dot, 'svg', 'dot');
    assert.match(svg, /<svg/);
    assert.ok((svg.match(/class="node"/g) ?? []).length > 3, 'Graphviz laid out the exported nodes');
    await v.screenshot('ext-5-export');
  });

  it('6. a script error stops at its line with the Python message; the host lives on', async function () {
    await open('error_demo.py');
    await editorFocus();
    await page().keyboard.press('F5');
    const widget = page().locator('.exception-widget').first();
    await widget.waitFor({ state: 'visible', timeout: 30_000 });
    const message = (await widget.textContent()) ?? '';
    assert.match(message, /ValueError/);
    assert.match(message, /shapes \(3,\) and \(2,2\) not aligned/);
    await ui.waitStatus(page(), /paused on an exception at line 8\b/, 10_000);
    const top = (await ui.viewRows(page(), '.debug-call-stack'))[0] ?? '';
    assert.match(top, /<module>.*error_demo\.py\s*8:\d/, `the top frame is line 8: ${top}`);
    await v.screenshot('ext-6-error');
    await page().keyboard.press('F5');
    await ui.waitStatus(page(), /error_demo\.py failed/, 20_000);
    // The extension host is fine: the next run works.
    await open('hessian_vector.py');
    await v.runCommand('Gradscope: Run File');
    await ui.waitStatus(page(), /Gradscope: done/, 60_000);
  });

  it('7. a DOT file opens with highlighting and "Preview DOT File" renders it', async function () {
    await open('graph.dot');
    const line = page().locator('.monaco-editor .view-line', { hasText: 'shape=box' }).first();
    await line.waitFor({ timeout: 10_000 });
    // Tokenization is asynchronous: poll until the line has its colours.
    let colours: string[] = [];
    for (let i = 0; i < 50 && colours.length < 3; i++) {
      colours = await ui.evaluateText<string[]>(page(), `(() => {
        const line = [...document.querySelectorAll('.monaco-editor .view-line')].find((l) => l.textContent.includes('shape=box'));
        return line ? [...new Set([...line.querySelectorAll('span span')].map((s) => getComputedStyle(s).color))] : [];
      })()`);
      if (colours.length < 3) await page().waitForTimeout(200);
    }
    assert.ok(colours.length >= 3, `DOT tokens are coloured differently (not plain text): ${JSON.stringify(colours)}`);
    const f = await ui.graphFrame(v);
    const before = await ui.panelProgress(f);
    await v.runCommand('Gradscope: Preview DOT File');
    await ui.waitForSnapshot(f, before.snapshots);
    assert.equal(await ui.drawnNodes(f, 'g.node.function'), 2, 'Add and Mul are functions');
    assert.equal(await ui.drawnNodes(f, 'g.node.variable'), 3, 'x, x*x and y are variables');
    await v.screenshot('ext-7-dot-preview');
  });

  it('8. the panel is restored after a window reload', async function () {
    const f = await ui.graphFrame(v);
    const shown = await ui.drawnNodes(f);
    assert.ok(shown > 0);
    const reloaded = page().waitForEvent('framenavigated', { predicate: (fr) => fr === page().mainFrame(), timeout: 30_000 });
    await v.runCommand('Developer: Reload Window');
    await reloaded;
    await page().locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    const again = await ui.graphFrame(v, 60_000);
    const n = await ui.waitForNodes(again, 1, 'g.node', 30_000);
    assert.ok(n > 0, 'the restored panel draws a graph');
    await v.screenshot('ext-8-after-reload');
  });

  it('9. performance: activation, the spiral run\'s longest host stall, Stop on a runaway script', async function () {
    await open('spiral_mlp.py');
    // Gradscope activates with the first Python file (already, unless this test runs alone).
    const act = await ui.waitMetric(page(), metricsFile, (m) => m.event === 'activate');
    figure(`activation: ${act.activateMs} ms in activate() (of which waiting for a CPU ${act.waitedMs} ms; per feature ${JSON.stringify(act.featureMs)}), after ${act.loadMs} ms evaluating the bundle`);
    const before = ui.metrics(metricsFile).filter((m) => m.event === 'run').length;
    await v.runCommand('Gradscope: Run File');
    await v.notification(/running spiral_mlp\.py/, 15_000);
    await v.screenshot('ext-9-spiral-running');
    await ui.waitStatus(page(), /Gradscope: done/, 120_000);
    const run = ui.metrics(metricsFile).filter((m) => m.event === 'run').slice(before).find((m) => String(m.program).endsWith('spiral_mlp.py'));
    assert.ok(run, 'the spiral run was measured');
    figure(`spiral example Run: ${Number(run.seconds).toFixed(2)} s; longest extension-host stall ${run.longestStallMs} ms (${run.stallAtMs} ms into the run, ${run.longestStallWaitedMs} ms of it waiting for a CPU); ` +
      `the host thread's own longest busy stretch ${run.longestBusyMs} ms, its CPU time over the run ${run.hostCpuMs} ms; ` +
      `the VM's CPUs stolen by the hypervisor ${run.stealMs} ms; stalls over 16 ms [at, ms, host thread on a CPU ms, waiting for a CPU ms; ` +
      `the rest neither ran nor waited: blocked, or its virtual CPU not running]: ${JSON.stringify(run.stalls)}`);
    const idle = await ui.waitMetric(page(), metricsFile, (m) => m.event === 'idle' && String(m.program).endsWith('spiral_mlp.py'), 10_000);
    figure(`  baseline, the host idle for ${idle.ms} ms right after (the machine's load alone): longest stall ${idle.longestStallMs} ms, own busy stretch ${idle.longestBusyMs} ms, CPU time ${idle.hostCpuMs} ms, steal ${idle.stealMs} ms; stalls over 16 ms: ${JSON.stringify(idle.stalls)}`);
    await v.screenshot('ext-9-spiral-done');
    await open('runaway.py');
    await v.runCommand('Gradscope: Run File');
    await ui.waitStatus(page(), /running runaway\.py/, 15_000);
    await page().waitForTimeout(1500);
    await v.runCommand('Gradscope: Stop');
    const stop = await ui.waitMetric(page(), metricsFile, (m) => m.event === 'stop');
    await ui.waitStatus(page(), /stopped/, 10_000);
    figure(`Stop on a runaway script: ended ${Number(stop.ms).toFixed(1)} ms after the request`);
    const loop = await ui.waitMetric(page(), metricsFile, (m) => m.event === 'run' && String(m.program).endsWith('runaway.py'));
    figure(`  the runaway loop (CPU-bound, no output) for ~1.5 s: longest extension-host stall ${loop.longestStallMs} ms, own busy stretch ${loop.longestBusyMs} ms; stalls over 16 ms: ${JSON.stringify(loop.stalls)}`);
    assert.ok(Number(stop.ms) <= 150, `Stop ends a runaway script promptly (${stop.ms} ms)`);
    assert.ok(Number(run.longestStallMs) < 250, `the extension host never stalls long during a run (${run.longestStallMs} ms)`);
  });

  const context = (): SuiteContext => ({ v, ws, open, editorFocus });
  uiScenarios(context);
  settingsScenarios(context);
});
