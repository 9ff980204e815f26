// Gradscope's six settings changed in the real VS Code, each seen taking effect: layout
// direction and verbose labels through the Settings editor, the others through the
// workspace's settings.json. Registered inside extension.e2e.ts's suite (one VS Code).
import { strict as assert } from 'node:assert';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame } from 'playwright-core';
import * as ui from './gradscope_ui';
import type { SuiteContext } from './scenarios_ui';

export function settingsScenarios(ctx: () => SuiteContext): void {
  describe('settings', function () {
    const page = () => ctx().v.page;

    it('16. the Settings editor lists Gradscope\'s settings; layout direction and verbose labels redraw the panel', async function () {
      const { v, open } = ctx();
      await open('hessian_vector.py');
      await v.runCommand('Gradscope: Run File');
      await ui.waitStatus(page(), /Gradscope: done/, 60_000);
      const f = await ui.graphFrame(v);
      await ui.showAllOrders(f);
      await ui.waitForNodes(f, 10);
      await waitPanel(f, 'h.state().rankdir === "TB" && !h.state().verbose');
      const tall = await aspect(f);
      assert.equal(await dtypeLabels(f), 0, 'plain labels show no dtype');
      await v.runCommand('Preferences: Open Settings (UI)');
      const search = async (text: string) => {
        await page().locator('.settings-editor .settings-header .monaco-editor').first().click();
        await page().keyboard.press('Control+A');
        await page().keyboard.insertText(text);
      };
      const item = (title: string) => page().locator('.settings-editor .setting-item', { has: page().locator('.setting-item-label', { hasText: new RegExp(`^${title}$`) }) }).first();
      await search('@ext:gradscope.gradscope');
      await page().locator('.settings-editor .settings-count-widget', { hasText: /^6 Settings Found$/ }).waitFor({ timeout: 15_000 });
      await v.screenshot('ext-16-settings-editor');
      // Changed as a user does (code-server does not notice the user settings file edited behind its back).
      const direction = async (d: string) => { await search('gradscope.graph.layoutDirection'); await item('Layout Direction').locator('select').selectOption(d); };
      const verbose = async () => { await search('gradscope.graph.verboseLabels'); await item('Verbose Labels').locator('.setting-value-checkbox').click(); };
      await direction('LR');
      await waitPanel(f, 'h.state().rankdir === "LR"');
      const wide = await aspect(f);
      assert.ok(wide > tall * 1.5, `left to right, the graph is wider than tall (width/height ${tall.toFixed(2)} → ${wide.toFixed(2)})`);
      await verbose();
      await waitPanel(f, 'h.state().verbose');
      await item('Verbose Labels').locator('.setting-value-checkbox[aria-checked="true"]').waitFor({ timeout: 10_000 });
      assert.ok(await dtypeLabels(f) > 0, 'verbose labels show shape and dtype');
      await v.screenshot('ext-16b-settings-left-to-right-verbose');
      await verbose();
      await direction('TB');
      await waitPanel(f, 'h.state().rankdir === "TB" && !h.state().verbose');
      await v.runCommand('View: Close Editor');
    });

    it('17. overview threshold, node budget, array size limit and follow mode "onRequest" take effect', async function () {
      const { v, ws, open, editorFocus } = ctx();
      await open('chain.py');
      await v.runCommand('Gradscope: Run File');
      await ui.waitStatus(page(), /Gradscope: done/, 60_000);
      const f = await ui.graphFrame(v);
      await waitPanel(f, 'h.view()?.total === 181 && !h.view().folded', 30_000);
      const file = join(ws, '.vscode', 'settings.json');
      mkdirSync(join(ws, '.vscode'), { recursive: true });
      writeFileSync(file, JSON.stringify({
        'gradscope.graph.overviewThreshold': 12, 'gradscope.graph.nodeBudget': 10,
        'gradscope.run.arraySizeLimit': 1000, 'gradscope.graph.follow': 'onRequest',
      }, null, 2));
      try {
        // All four arrive in one change: once the panel folds, the others apply too.
        await waitPanel(f, 'h.view()?.folded === true', 20_000);
        assert.match(await ui.panelStatus(f), /overview: \d+ shown/);
        const summaries = await ui.drawnNodes(f, 'g.node.summary');
        assert.ok(summaries > 0 && await ui.drawnNodes(f) < 181, `the chain is folded into ${summaries} summary nodes`);
        await v.screenshot('ext-17-overview-threshold');

        await open('big_array.py');
        await v.runCommand('Gradscope: Run File');
        const message = await v.notification(/big_array\.py:4: MemoryError/, 30_000);
        assert.match(message, /5000|1000/, `the error names the sizes: ${message}`);
        await v.screenshot('ext-17b-array-size-limit');

        // The open panel still follows a run in "onRequest" mode: the final graph, cut at the budget.
        await open('hessian_vector.py');
        const before = await ui.panelProgress(f);
        await v.runCommand('Gradscope: Run File');
        await ui.waitStatus(page(), /Gradscope: done/, 60_000);
        await ui.waitForSnapshot(f, before.snapshots);
        assert.match(await ui.panelStatus(f), /cut at 10/, 'the panel says the snapshot was cut');
        assert.ok(await ui.drawnNodes(f) <= 10, `at most 10 nodes drawn (${await ui.drawnNodes(f)})`);
        await v.screenshot('ext-17c-node-budget');

        // With the panel closed, stepping does not open it; Ctrl+Alt+G does.
        await page().locator('.tabs-container .tab', { hasText: 'Gradscope Graph' }).locator('.codicon-close').click();
        await page().locator('.tabs-container .tab', { hasText: 'Gradscope Graph' }).waitFor({ state: 'hidden', timeout: 10_000 });
        await open('newton.py');
        await ui.titleAction(page(), 'Step Through File').click();
        await ui.waitForStop(page(), 7);
        for (const line of [8, 11, 16, 17]) {
          await editorFocus();
          await page().keyboard.press('F10');
          await ui.waitForStop(page(), line);
        }
        assert.equal(await page().locator('.tabs-container .tab', { hasText: 'Gradscope Graph' }).count(), 0, 'the panel stayed closed while stepping');
        await editorFocus();
        await page().keyboard.press('Control+Alt+G');
        const shown = await ui.graphFrame(v);
        assert.equal(await ui.waitForNodes(shown, 1), 1, 'the graph of the paused frame: x');
        await v.screenshot('ext-17d-follow-on-request-ctrl-alt-g');
        await ui.stopDebugging(page());
      } finally {
        rmSync(file, { force: true });
      }
    });
  });
}

/** Waits until `predicate` (JavaScript over the panel's test hook `h`) holds and the panel is idle. */
async function waitPanel(f: Frame, predicate: string, timeoutMs = 15_000): Promise<void> {
  await ui.evaluateText(f, `(async () => {
    const h = window.__gradscope, deadline = performance.now() + ${timeoutMs};
    for (;;) {
      await h.idle();
      if (${predicate}) return;
      if (performance.now() > deadline) throw new Error(${JSON.stringify(`the panel did not reach: ${predicate}`)});
      await new Promise((r) => setTimeout(r, 50));
    }
  })()`);
}

/** Width over height of the drawn nodes' spread (independent of zoom). */
function aspect(f: Frame): Promise<number> {
  return ui.evaluateText<number>(f, `(() => {
    const boxes = [...document.querySelectorAll('svg#graph g.node')].map((n) => n.getBoundingClientRect());
    const xs = boxes.map((b) => b.x + b.width / 2), ys = boxes.map((b) => b.y + b.height / 2);
    const spread = (v) => Math.max(...v) - Math.min(...v) || 1;
    return spread(xs) / spread(ys);
  })()`);
}

/** Variable nodes whose label shows a dtype (verbose labels). */
function dtypeLabels(f: Frame): Promise<number> {
  return f.locator('svg#graph g.node.variable', { hasText: 'float64' }).count();
}
