// The end-to-end suite: makes sure code-server and Chromium are installed (a no-op when
// they are), then runs test/e2e/**/*.e2e.ts with mocha's spec reporter, whose
// "N passing" / "N failing" lines scripts/test.mjs counts.
//
//   node scripts/e2e.mjs [extra mocha args, e.g. --grep smoke]
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const setup = spawnSync(process.execPath, [join(root, 'scripts', 'setup-vscode.mjs'), '--quiet'], { cwd: root, stdio: 'inherit' });
if (setup.status !== 0) {
  console.error('e2e: setting up VS Code failed; see above');
  process.exit(setup.status ?? 1);
}

// --no-config: .mocharc.json is the unit suite's (its spec is merged in, and it ignores test/e2e).
const mocha = spawnSync('npx', [
  'mocha', '--no-config', '--require', 'tsx/cjs', '--extension', 'ts', '--reporter', 'spec',
  '--timeout', '180000', 'test/e2e/**/*.e2e.ts', ...process.argv.slice(2),
], { cwd: root, stdio: 'inherit' });
process.exit(mocha.status ?? 1);
