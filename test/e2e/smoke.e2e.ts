// Proves the e2e infrastructure with a throwaway extension written by the test: a real
// VS Code starts, trusts the folder, runs a contributed command from the palette, shows
// its notification, and renders a webview whose script draws SVG.
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startVSCode, type VSCode } from './harness';

const MESSAGE = 'Hello from Gradscope Smoke';

const manifest = {
  name: 'gradscope-smoke',
  displayName: 'Gradscope Smoke',
  publisher: 'gradscope',
  version: '0.0.1',
  engines: { vscode: '^1.100.0' },
  main: './extension.js',
  contributes: { commands: [{ command: 'gradscopeSmoke.hello', title: 'Gradscope Smoke: Hello' }] },
};

// Plain CommonJS, so the extension needs no build step.
const extensionSource = `
const vscode = require('vscode');
exports.activate = (context) => {
  context.subscriptions.push(vscode.commands.registerCommand('gradscopeSmoke.hello', () => {
    vscode.window.showInformationMessage(${JSON.stringify(MESSAGE)});
    const panel = vscode.window.createWebviewPanel('gradscopeSmoke', 'Gradscope Smoke', vscode.ViewColumn.One, { enableScripts: true });
    const nonce = String(Math.random()).slice(2);
    panel.webview.html = \`<!DOCTYPE html><html><head>
      <meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'nonce-\${nonce}';">
      </head><body><div id="root"></div>
      <script nonce="\${nonce}">
        const ns = 'http://www.w3.org/2000/svg';
        const svg = document.createElementNS(ns, 'svg');
        svg.setAttribute('id', 'smoke-svg');
        svg.setAttribute('width', '120');
        svg.setAttribute('height', '120');
        const circle = document.createElementNS(ns, 'circle');
        circle.setAttribute('cx', '60'); circle.setAttribute('cy', '60'); circle.setAttribute('r', '50');
        circle.setAttribute('fill', 'tomato');
        svg.appendChild(circle);
        document.getElementById('root').appendChild(svg);
      </script></body></html>\`;
  }));
};
exports.deactivate = () => {};
`;

function writeFixture(dir: string): { extension: string; workspace: string } {
  const extension = join(dir, 'extension');
  const workspace = join(dir, 'workspace');
  mkdirSync(extension, { recursive: true });
  mkdirSync(join(workspace, 'src'), { recursive: true });
  writeFileSync(join(extension, 'package.json'), JSON.stringify(manifest, null, 2));
  writeFileSync(join(extension, 'extension.js'), extensionSource);
  writeFileSync(join(workspace, 'src', 'spiral.py'), 'from dezero import Variable\nx = Variable(2.0)\n');
  return { extension, workspace };
}

describe('e2e smoke: a real VS Code runs an extension', function () {
  let dir = '';
  let vscode: VSCode | undefined;

  before(async function () {
    dir = mkdtempSync(join(tmpdir(), 'gradscope-smoke-'));
    const { extension, workspace } = writeFixture(dir);
    vscode = await startVSCode({ workspace, extensionDevelopmentPath: extension });
    await vscode.screenshot('smoke-0-ready');
  });

  afterEach(async function () {
    const test = this.currentTest;
    if (vscode && test?.state === 'failed') {
      const name = `failed-${test.title.replace(/\W+/g, '-')}`;
      await vscode.screenshot(name).catch(() => undefined);
      console.log(`    screenshot and logs: test-results/e2e/${name}.{png,log} (${vscode.saveLogs(name)})`);
    }
  });

  after(async function () {
    await vscode?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('runs a contributed command from the palette: notification and SVG webview', async function () {
    const v = vscode!;
    await v.runCommand('Gradscope Smoke: Hello');
    assert.match(await v.notification(MESSAGE), new RegExp(MESSAGE));
    const frame = await v.webviewFrameWith('svg#smoke-svg circle');
    assert.equal(await frame.locator('svg#smoke-svg').count(), 1);
    await v.screenshot('smoke-1-webview');
  });

  it('opens a workspace file through quick open', async function () {
    const v = vscode!;
    await v.openFile('src/spiral.py');
    await v.page.locator('.monaco-editor .view-lines', { hasText: 'Variable(2.0)' }).first().waitFor({ timeout: 20_000 });
    await v.screenshot('smoke-2-open-file');
  });
});
