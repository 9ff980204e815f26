// The standard-library modules (math, sys, os, random, collections, unittest, matplotlib, …):
// scripts under scripts/stdlib whose `# expect:` lines are CPython 3.11's output
// (checked by scripts/check_stdlib_with_cpython.py), plus the host-facing plot API.

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { Interpreter } from '../../src/interpreter/interpreter';
import '../../src/interpreter/modules/all';
import { getFigures } from '../../src/interpreter/modules/plot_data';
import { setClock } from '../../src/interpreter/modules/time';
import { runExpectScripts } from './expect_runner';

runExpectScripts(join(__dirname, 'scripts', 'stdlib'), { title: 'stdlib scripts (CPython parity)' });

function run(src: string, setup?: (ip: Interpreter) => void): { out: string; err: string; ip: Interpreter; code: number } {
  let out = '', err = '';
  const ip = new Interpreter({ stdout: (t) => { out += t; }, stderr: (t) => { err += t; } });
  setup?.(ip);
  const code = ip.runScript(src, '/work/x.py');
  return { out, err, ip, code };
}

describe('stdlib host API', () => {
  it('hands shown figures to the host as plain data', () => {
    const seen: number[] = [];
    const { ip, code } = run([
      'import matplotlib.pyplot as plt',
      'plt.plot([0, 1, 2], [0, 1, 4], label="sq")',
      'plt.title("t")',
      'plt.figure(figsize=(3, 2))',
      'plt.hist([1, 2, 2, 3], bins=2)',
      'plt.show()',
      'plt.plot([1])',
    ].join('\n'), (i) => { getFigures(i).onFigure = (f) => seen.push(f.num); });
    assert.equal(code, 0);
    const figs = getFigures(ip).figures;
    assert.deepEqual(seen, [1, 2]);
    assert.equal(figs.length, 2);
    const line = figs[0].axes[0].series[0];
    assert.deepEqual(line.kind === 'line' && [line.x, line.y, line.label, line.color], [[0, 1, 2], [0, 1, 4], 'sq', '#1f77b4']);
    assert.equal(figs[0].axes[0].title, 't');
    assert.deepEqual(figs[1].size, [3, 2]);
    const hist = figs[1].axes[0].series[0];
    assert.deepEqual(hist.kind === 'hist' && [hist.edges, hist.counts], [[1, 2, 3], [1, 3]]);
    assert.doesNotThrow(() => JSON.stringify(figs));
  });

  it('savefig writes SVG through the file sink, and SVG beside other formats without a renderer', () => {
    const files = new Map<string, Uint8Array>();
    let err = '';
    const ip = new Interpreter({
      stdout: () => undefined, stderr: (t) => { err += t; },
      files: { readFile: (p) => files.get(p)!, writeFile: (p, d) => { files.set(p, d); }, exists: (p) => files.has(p) },
    });
    ip.runScript('import matplotlib.pyplot as plt\nplt.plot([1, 2])\nplt.savefig("a.svg")\nplt.savefig("b.png")\n', '/work/x.py');
    const svg = new TextDecoder().decode(files.get('a.svg'));
    assert.match(svg, /^<\?xml[^]*<svg [^]*<polyline /);
    assert.ok(files.has('b.svg'));
    assert.match(err, /savefig wrote b\.svg/);
  });

  it('time reads the injected clock, and sleep advances it without waiting', () => {
    let ticks = 0;
    const { out } = run('import time\nt = time.time()\np = time.perf_counter()\ntime.sleep(2.5)\nprint(time.time() - t, time.perf_counter() - p)\n',
      (ip) => setClock(ip, { wall: () => 1000, perf: () => ticks++ }));
    assert.equal(out, '2.5 3.5\n');
  });

  it('sys.argv and sys.exit reach the host', () => {
    let out = '';
    const ip = new Interpreter({ stdout: (t) => { out += t; }, stderr: () => undefined, argv: ['x.py', '--lr', '0.1'] });
    const code = ip.runScript('import sys\nprint(sys.argv)\nsys.exit(3)\n', '/work/x.py');
    assert.equal(out, "['x.py', '--lr', '0.1']\n");
    assert.equal(code, 3);
  });

  it('unittest.main() exits with status 0 or 1 like CPython', () => {
    const pass = run('import unittest\nclass T(unittest.TestCase):\n    def test_a(self):\n        self.assertEqual(1, 1)\nunittest.main()\n');
    assert.equal(pass.code, 0);
    assert.match(pass.err, /^\.\n-{70}\nRan 1 test in 0\.000s\n\nOK\n$/);
    const fail = run('import unittest\nclass T(unittest.TestCase):\n    def test_a(self):\n        self.assertEqual(1, 2)\nunittest.main()\n');
    assert.equal(fail.code, 1);
    assert.match(fail.err, /AssertionError: 1 != 2\n\n-{70}\nRan 1 test in 0\.000s\n\nFAILED \(failures=1\)\n$/);
  });
});
