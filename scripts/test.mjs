// The README's test command. Runs each suite, streams its output, and ends with one
// line `N passed, N failed` over all of them. Pending (skipped) tests are reported
// separately and never counted as passed.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const suites = [
  { name: 'typecheck', cmd: 'npx', args: ['tsc', '--noEmit', '-p', '.'], single: true },
  { name: 'unit', cmd: 'npx', args: ['mocha'] },
  { name: 'webview (Chromium)', cmd: 'node', args: ['scripts/webview-test.mjs'] },
  { name: 'e2e (real VS Code)', cmd: 'node', args: ['scripts/e2e.mjs'] },
];

let passed = 0, failed = 0, pending = 0;
for (const s of suites) {
  if (s.when && !existsSync(s.when)) continue;
  process.stdout.write(`\n── ${s.name} ──\n`);
  const r = spawnSync(s.cmd, s.args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 28 });
  process.stdout.write(r.stdout ?? '');
  process.stderr.write(r.stderr ?? '');
  if (s.single) {
    if (r.status === 0) passed++; else failed++;
    continue;
  }
  const count = (re) => Number((r.stdout.match(re) ?? [0, 0])[1]);
  const p = count(/(\d+) passing/), f = count(/(\d+) failing/), q = count(/(\d+) pending/);
  passed += p; failed += f; pending += q;
  // A suite that crashed before reporting counts as one failure, never as silence.
  if (r.status !== 0 && f === 0) failed++;
}
if (pending) process.stdout.write(`${pending} pending (not counted as passed)\n`);
process.stdout.write(`${passed} passed, ${failed} failed\n`);
process.exit(failed ? 1 : 0);
