// Workspace Trust ('limited'): in Restricted Mode Gradscope does not run a script — it says
// why and offers the trust editor — while previewing a DOT file works; once the folder is
// trusted, the refused run goes ahead by itself.
import { strict as assert } from 'node:assert';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './code_server';
import { startVSCode, type VSCode } from './harness';
import * as ui from './gradscope_ui';

describe('e2e: Gradscope in Restricted Mode', function () {
  this.timeout(180_000);
  let ws = '';
  let v: VSCode;

  before(async function () {
    ws = mkdtempSync(join(tmpdir(), 'gradscope-e2e-trust-'));
    cpSync(join(repoRoot, 'examples', 'hessian_vector.py'), join(ws, 'hessian_vector.py'));
    cpSync(join(repoRoot, 'test', 'e2e', 'fixtures', 'graph.dot'), join(ws, 'graph.dot'));
    // No startup prompt: the folder opens untrusted (Restricted Mode).
    v = await startVSCode({ workspace: ws, extensionDevelopmentPath: repoRoot, userSettings: { 'security.workspace.trust.startupPrompt': 'never' } });
  });

  afterEach(async function () {
    if (v && this.currentTest?.state === 'failed') {
      const name = `trust-failed-${this.currentTest.title.replace(/\W+/g, '-').slice(0, 50)}`;
      await v.screenshot(name).catch(() => undefined);
      console.log(`    logs: ${v.saveLogs(name)}`);
    }
  });

  after(async function () {
    await v?.close();
    if (ws) rmSync(ws, { recursive: true, force: true });
  });

  it('previews a DOT file without trust', async function () {
    await v.openFile('graph.dot');
    await v.runCommand('Gradscope: Preview DOT File');
    const f = await ui.graphFrame(v);
    await ui.waitForNodes(f, 5);
    await v.screenshot('trust-1-dot-preview-restricted');
  });

  it('refuses to run a script, offers trust, and runs it once the folder is trusted', async function () {
    await v.openFile('hessian_vector.py');
    await v.runCommand('Gradscope: Run File');
    const message = await v.notification(/Restricted Mode/);
    assert.match(message, /Trust the folder to run scripts/);
    assert.equal(await ui.statusItem(v.page).count(), 0, 'nothing ran');
    await v.screenshot('trust-2-run-refused');
    await v.page.locator('.notifications-toasts .notification-toast', { hasText: /Restricted Mode/ }).getByRole('button', { name: 'Manage Workspace Trust' }).click();
    await v.page.getByRole('button', { name: /^Trust( Folder)?$/ }).first().click();
    await ui.waitStatus(v.page, /Gradscope: done/, 60_000);
    await v.screenshot('trust-3-run-after-trust');
  });
});
