// The graph panel's browser suite: makes sure Chromium is installed, type-checks webview/,
// builds dist/webview/, then runs test/webview/**/*.browser.ts with mocha's spec reporter
// (its "N passing" / "N failing" lines are what scripts/test.mjs counts). Screenshots and
// fixtures go to test-results/webview/.
//
//   node scripts/webview-test.mjs [extra mocha args, e.g. --grep overview]
import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildWebview } from './build-webview.mjs';
import { ensureChromium } from './ensure-chromium.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

try { ensureChromium(); } catch (e) {
  console.error(`webview tests: ${e.message}`);
  process.exit(1);
}

const tsc = spawnSync('npx', ['tsc', '--noEmit', '-p', 'webview'], { cwd: root, stdio: 'inherit' });
if (tsc.status !== 0) {
  console.error('webview tests: webview/ does not type-check; see above');
  process.exit(tsc.status ?? 1);
}
await buildWebview();

// --no-config: .mocharc.json is the unit suite's (it ignores test/webview).
const mocha = spawnSync('npx', [
  'mocha', '--no-config', '--require', 'tsx/cjs', '--extension', 'ts', '--reporter', 'spec',
  '--timeout', '300000', 'test/webview/**/*.browser.ts', ...process.argv.slice(2),
], { cwd: root, stdio: 'inherit' });
process.exit(mocha.status ?? 1);
