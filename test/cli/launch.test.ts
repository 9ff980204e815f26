// dist/cli.js is a launcher that loads the command line's bundle through V8's code cache
// (src/cli/launch.ts). Built here as scripts/build.mjs builds it, into a temporary folder: the
// cache written by a training run is accepted by the next run, and a damaged or missing cache
// only means compiling as usual — the output is the same every time.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';

const ROOT = resolve(__dirname, '..', '..');

describe('gradscope launcher: the code cache', function () {
  this.timeout(120000);
  let dir = '';
  const script = () => join(dir, 'chain.py');
  const run = (env: Record<string, string> = {}) =>
    spawnSync(process.execPath, [join(dir, 'cli.js'), 'run', script()], { encoding: 'utf8', env: { ...process.env, GRADSCOPE_CODE_CACHE_REPORT: '1', ...env } });

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gradscope-launch-'));
    const opts = { platform: 'node', target: 'node20', format: 'cjs', bundle: true, logLevel: 'warning' } as const;
    await build({ ...opts, entryPoints: [join(ROOT, 'src', 'cli', 'launch.ts')], outfile: join(dir, 'cli.js') });
    await build({ ...opts, entryPoints: [join(ROOT, 'src', 'cli', 'main.ts')], outfile: join(dir, 'cli_main.js') });
    writeFileSync(script(), [
      'import numpy as np', 'from dezero import Variable', 'x = Variable(np.array(1.0))', 'y = x',
      'for i in range(100):', '    y = y * 1.01 + 0.01', 'y.backward()', 'print(x.grad, y)', '',
    ].join('\n'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  // as CPython computes them: 1.01 multiplied 100 times, and the loop's value
  const expected = 'variable(2.7048138294215294) variable(4.409627658843039)\n';

  it('without a cache the bundle compiles as usual', () => {
    const r = run();
    assert.equal(r.stderr, 'code cache: none\n');
    assert.equal(r.stdout, expected);
    assert.equal(r.status, 0);
  });

  it('a training run writes the cache, and the next run accepts it', () => {
    const w = run({ GRADSCOPE_WRITE_CODE_CACHE: '1' });
    assert.equal(w.status, 0, w.stderr);
    assert.equal(w.stdout, expected);
    assert.ok(existsSync(join(dir, 'cli_main.cache')));
    const r = run();
    assert.equal(r.stderr, 'code cache: accepted\n');
    assert.equal(r.stdout, expected);
  });

  it('a damaged cache is rejected and changes nothing else', () => {
    writeFileSync(join(dir, 'cli_main.cache'), Buffer.from('not a V8 code cache'));
    const r = run();
    assert.equal(r.stderr, 'code cache: rejected\n');
    assert.equal(r.stdout, expected);
    assert.equal(r.status, 0);
  });

  it('exit status and traceback of a failing script come through the launcher', () => {
    writeFileSync(script(), 'x = 1\nprint(x / 0)\n');
    const r = run();
    assert.equal(r.status, 1);
    assert.match(r.stderr, /line 2, in <module>\n {4}print\(x \/ 0\)\n[\s\S]*ZeroDivisionError: division by zero\n$/);
  });
});
