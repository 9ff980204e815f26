// The ways in besides the command palette, in the real VS Code: editor-title buttons, the
// editor's context menu, Ctrl+F5 (Run Without Debugging), Export Graph as SVG and PNG, a
// conditional breakpoint, a launch.json with args / cwd / stopOnEntry, and Run File's
// cancellable progress notification. Registered inside extension.e2e.ts's suite (one VS Code).
import { strict as assert } from 'node:assert';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { VSCode } from './harness';
import * as ui from './gradscope_ui';

/** What the enclosing suite provides (filled in by its `before`). */
export interface SuiteContext {
  v: VSCode;
  /** The workspace folder (a copy of examples/ and test/e2e/fixtures/). */
  ws: string;
  /** Opens a workspace file in the first editor group. */
  open(name: string): Promise<void>;
  /** Clicks into the active editor's text. */
  editorFocus(): Promise<void>;
}

export function uiScenarios(ctx: () => SuiteContext): void {
  describe('editor menus, keybindings, export formats, breakpoints, launch options, progress', function () {
    const page = () => ctx().v.page;

    afterEach(async function () {
      // A failed test may leave a debug session paused: the next one would find two.
      if (this.currentTest?.state === 'failed') await ui.stopDebugging(page());
    });

    it('10. editor-title buttons and the context menu run the file and show a variable\'s graph', async function () {
      const { v, open } = ctx();
      await open('hessian_vector.py');
      await ui.titleAction(page(), 'Run File').click();
      await ui.waitStatus(page(), /Gradscope: done/, 60_000);
      const f = await ui.graphFrame(v);
      // Both derivative orders (a panel restored after a reload keeps the view it had).
      await ui.showAllOrders(f);
      await ui.waitForNodes(f, 10);
      const whole = await ui.drawnNodes(f);
      for (const label of ['Run File', 'Step Through File', 'Show Computation Graph (Ctrl+Alt+G)']) {
        assert.equal(await ui.titleAction(page(), label).count(), 1, `the editor title shows "${label}"`);
      }
      await ui.goTo(page(), 24, 2);
      const item = await ui.openContextMenu(page(), 'Show Graph of Variable at Cursor');
      const labels = await page().locator('.context-view .monaco-menu .action-label').allTextContents();
      for (const l of ['Run File', 'Step Through File', 'Show Computation Graph']) assert.ok(labels.includes(l), `the context menu offers "${l}": ${JSON.stringify(labels)}`);
      await v.screenshot('ext-10-context-menu');
      const before = await ui.panelProgress(f);
      await item.click();
      await ui.waitForSnapshot(f, before.snapshots);
      const part = await ui.drawnNodes(f);
      assert.ok(part > 0 && part < whole, `the context menu showed the graph of gx (${part} nodes of ${whole})`);
      // The title bar's graph button shows the whole final graph again.
      const again = await ui.panelProgress(f);
      await ui.titleAction(page(), 'Show Computation Graph').click();
      await ui.waitForSnapshot(f, again.snapshots);
      assert.equal(await ui.drawnNodes(f), whole, 'Show Computation Graph shows the whole graph again');
      await v.screenshot('ext-10b-title-buttons');
    });

    it('11. Export Graph… writes SVG and PNG files of what the panel shows; the PNG opens', async function () {
      const { v, ws } = ctx();
      const svgPath = await exportAs(v, 'SVG', /exported the graph to hessian_vector-graph\.svg/);
      assert.equal(dirname(svgPath), ws);
      const svg = readFileSync(svgPath, 'utf8');
      assert.match(svg, /^(<\?xml[^>]*>\s*)?<svg[\s>]/, 'an SVG document');
      const texts = new Set([...svg.matchAll(/<text[^>]*>([\s\S]*?)<\/text>/g)].map((m) => xmlText(m[1])));
      const labels = (await (await ui.graphFrame(v)).locator('svg#graph g.node text').allTextContents()).map((t) => t.trim()).filter(Boolean);
      const missing = labels.filter((l) => !texts.has(l));
      assert.ok(labels.length > 10 && !missing.length, `the SVG holds every label the panel draws (${labels.length}); missing: ${JSON.stringify(missing)}`);
      const pngPath = await exportAs(v, 'PNG', /exported the graph to hessian_vector-graph\.png/);
      const { width, height } = ui.pngSize(readFileSync(pngPath));
      assert.ok(width >= 100 && height >= 100, `a PNG image of the graph (${width}×${height})`);
      // The notification's "Open" shows the image in VS Code's image preview.
      const toast = page().locator('.notifications-toasts .notification-toast', { hasText: 'hessian_vector-graph.png' }).first();
      await toast.getByRole('button', { name: 'Open' }).click();
      await page().locator('.tabs-container .tab.active[data-resource-name="hessian_vector-graph.png"]').waitFor({ timeout: 15_000 });
      const preview = await v.webviewFrameWith('img', 15_000);
      const shown = await ui.evaluateText<number>(preview, `(async () => {
        const img = document.querySelector('img');
        for (let i = 0; i < 100 && !(img.complete && img.naturalWidth); i++) await new Promise((r) => setTimeout(r, 50));
        return img.naturalWidth;
      })()`);
      assert.equal(shown, width, 'VS Code\'s image preview shows the exported PNG');
      await v.screenshot('ext-11-png-export-opened');
      await v.runCommand('View: Close Editor');
    });

    it('12. a conditional breakpoint stops only when its condition holds; prints go to the Debug Console', async function () {
      const { v, open, editorFocus } = ctx();
      await open('loop_demo.py');
      await ui.goTo(page(), 8, 5);
      await v.runCommand('Debug: Add Conditional Breakpoint...');
      const input = page().locator('.breakpoint-widget .inputContainer .monaco-editor').first();
      await input.waitFor({ timeout: 10_000 });
      await input.click();
      await page().locator('.breakpoint-widget .inputContainer .monaco-editor.focused').waitFor({ timeout: 5000 });
      await page().keyboard.type('i == 7');
      await page().keyboard.press('Enter');
      await page().locator('.editor-group-container.active .codicon-debug-breakpoint-conditional').first().waitFor({ timeout: 10_000 });
      await editorFocus();
      await page().keyboard.press('F5');
      await ui.waitForStop(page(), 8);
      const rows = page().locator('.debug-variables .monaco-list-row');
      await rows.filter({ hasText: /^\s*i\s*[=:]\s*7\s*$/ }).first().waitFor({ timeout: 15_000 });
      await rows.filter({ hasText: /total\s*[=:]\s*variable\(63\.0\)/ }).first().waitFor({ timeout: 15_000 });
      await v.screenshot('ext-12-conditional-breakpoint');
      await page().keyboard.press('F5');
      await ui.waitStatus(page(), /Gradscope: done/, 30_000);
      const text = await ui.debugConsoleShows(v, 'total variable(135.0)');
      assert.ok(!/paused at line 8/.test(text));
      await v.screenshot('ext-12b-debug-console-print');
      await v.runCommand('Remove All Breakpoints');
    });

    it('13. launch.json: "args" reach sys.argv, "cwd" is where relative files go, "stopOnEntry" stops first', async function () {
      const { v, ws } = ctx();
      const launch = join(ws, '.vscode', 'launch.json');
      mkdirSync(dirname(launch), { recursive: true });
      writeFileSync(launch, JSON.stringify({
        version: '0.2.0',
        configurations: [{
          type: 'gradscope', request: 'launch', name: 'Gradscope: argv demo', program: '${workspaceFolder}/argv_demo.py',
          args: ['--lr', '0.5'], cwd: '${workspaceFolder}/out', stopOnEntry: true,
        }],
      }, null, 2));
      try {
        // VS Code selects the new launch.json's configuration (the status bar shows it); F5 starts it.
        await page().locator('.statusbar-item', { hasText: 'Gradscope: argv demo' }).first().waitFor({ timeout: 15_000 });
        await ctx().editorFocus();
        await page().keyboard.press('F5');
        await ui.waitForStop(page(), 3);
        await v.screenshot('ext-13-launch-stop-on-entry');
        await page().keyboard.press('F5');
        await ui.waitStatus(page(), /Gradscope: done/, 30_000);
        await ui.debugConsoleShows(v, "argv: ['--lr', '0.5']");
        await ui.debugConsoleShows(v, 'saved');
        assert.ok(existsSync(join(ws, 'out', 'saved.npy')), 'np.save(\'saved.npy\') wrote into the cwd folder');
        assert.ok(!existsSync(join(ws, 'saved.npy')), 'not beside the script');
        await v.screenshot('ext-13b-launch-args-in-debug-console');
      } finally {
        rmSync(dirname(launch), { recursive: true, force: true });
      }
    });

    it('14. Ctrl+F5 runs the file without stopping at its breakpoints; its output goes to the Debug Console', async function () {
      const { v, open, editorFocus } = ctx();
      await open('hessian_vector.py');
      await ui.goTo(page(), 24);
      await v.runCommand('Debug: Toggle Breakpoint');
      try {
        await editorFocus();
        await page().keyboard.press('Control+F5');
        await ui.waitStatus(page(), /Gradscope: done/, 60_000);
        await ui.debugConsoleShows(v, 'variable([ 8. 10.])');
      } finally {
        await v.runCommand('Remove All Breakpoints');
      }
    });

    it('15. Run File shows a cancellable progress notification after a second; Cancel stops the script', async function () {
      const { v, open } = ctx();
      await open('runaway.py');
      const t0 = Date.now();
      await v.runCommand('Gradscope: Run File');
      await v.notification(/Gradscope: running runaway\.py/, 15_000);
      const shownAfter = Date.now() - t0;
      assert.ok(shownAfter >= 1000, `the progress notification waits a second (${shownAfter} ms)`);
      // While it runs, the editor title offers Stop in place of Run File.
      await ui.titleAction(page(), 'Stop').waitFor({ timeout: 5000 });
      assert.equal(await ui.titleAction(page(), 'Run File').count(), 0, 'Run File gives way to Stop while the script runs');
      await v.screenshot('ext-15-run-progress');
      const toast = page().locator('.notifications-toasts .notification-toast', { hasText: /running runaway\.py/ }).first();
      await toast.getByRole('button', { name: 'Cancel' }).click();
      await ui.waitStatus(page(), /Gradscope: stopped/, 10_000);
      await toast.waitFor({ state: 'hidden', timeout: 10_000 });
      await page().locator('.part.panel .view-lines', { hasText: '■ stopped' }).first().waitFor({ timeout: 10_000 });
      await v.screenshot('ext-15b-run-cancelled');
    });
  });
}

/** Export Graph… in `format`, accepting the proposed file; returns its path once written. */
async function exportAs(v: VSCode, format: string, done: RegExp): Promise<string> {
  await v.runCommand('Gradscope: Export Graph…');
  await ui.pickQuick(v.page, format);
  const target = await ui.acceptSaveDialog(v.page);
  await v.notification(done, 30_000);
  assert.ok(existsSync(target), `${target} was written`);
  return target;
}

/** The text of an XML fragment: tags dropped, entities decoded, trimmed. */
function xmlText(xml: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
  return xml.replace(/<[^>]+>/g, '').replace(/&(#x[\da-f]+|#\d+|\w+);/gi, (m, e: string) =>
    e[0] === '#' ? String.fromCodePoint(parseInt(e.slice(e[1] === 'x' || e[1] === 'X' ? 2 : 1), e[1] === 'x' || e[1] === 'X' ? 16 : 10)) : named[e] ?? m).trim();
}
