// `gradscope run` end to end: the CLI is bundled as scripts/build.mjs bundles dist/cli.js and
// dist/cli_render.js (into a temporary folder, so the test runs the current sources and leaves dist/ alone) and
// spawned on scripts written to a fresh folder. Tracebacks are compared in full: CPython 3.11's
// format with the script's absolute path; where CPython can run the script (no dezero) the
// expected text is what python3 printed for the same file.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { build } from 'esbuild';

const ROOT = resolve(__dirname, '..', '..');
let bundleDir = '';
let cli = '';
const work: string[] = [];

interface Run { stdout: string; stderr: string; status: number | null; dir: string }

/** Writes `files` into a fresh folder and runs `gradscope run <script> ...args` there. */
function run(files: Record<string, string>, script: string, args: string[] = []): Run {
  const dir = mkdtempSync(join(tmpdir(), 'gradscope-cli-'));
  work.push(dir);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  const r = spawnSync(process.execPath, [cli, 'run', script, ...args], { cwd: dir, encoding: 'utf8', timeout: 60000 });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status, dir };
}

const lines = (...l: string[]) => l.map((s) => s + '\n').join('');

before(async function () {
  this.timeout(120000);
  bundleDir = mkdtempSync(join(tmpdir(), 'gradscope-cli-bundle-'));
  cli = join(bundleDir, 'cli.js');
  const opts = { platform: 'node', target: 'node20', format: 'cjs', bundle: true, keepNames: true, logLevel: 'warning' } as const;
  await build({ ...opts, entryPoints: [join(ROOT, 'src', 'cli', 'main.ts')], outfile: cli, banner: { js: '#!/usr/bin/env node' } });
  // Graphviz and the rasteriser: a bundle of their own beside cli.js, required only by scripts that plot
  await build({ ...opts, entryPoints: [join(ROOT, 'src', 'cli', 'render_impl.ts')], outfile: join(bundleDir, 'cli_render.js') });
});

after(() => {
  for (const d of [...work, bundleDir]) rmSync(d, { recursive: true, force: true });
});

describe('gradscope run: errors', function () {
  this.timeout(60000);

  it('a syntax error: the line, a caret under the unclosed bracket, exit 1, nothing run', () => {
    const r = run({ 'syn.py': "print('never')\nx = 1\nprint(x\ny = 2\n" }, 'syn.py');
    assert.equal(r.stdout, '');
    assert.equal(r.stderr, lines(`  File "${r.dir}/syn.py", line 3`, '    print(x', '         ^', "SyntaxError: '(' was never closed"));
    assert.equal(r.status, 1);
  });

  it('a NameError: traceback with the line and carets, after the output before it', () => {
    const r = run({ 'name.py': "print('start')\nprint(undefined_name)\n" }, 'name.py');
    assert.equal(r.stdout, 'start\n');
    assert.equal(r.stderr, lines(
      'Traceback (most recent call last):',
      `  File "${r.dir}/name.py", line 2, in <module>`,
      '    print(undefined_name)',
      '          ^^^^^^^^^^^^^^',
      "NameError: name 'undefined_name' is not defined",
    ));
    assert.equal(r.status, 1);
  });

  it('a shape mismatch inside F.matmul: NumPy\'s message and the MatMul.forward frame', () => {
    const src = [
      'import numpy as np', 'from dezero import Variable', 'import dezero.functions as F', '', '',
      'def predict(x, W):', '    return F.matmul(x, W)', '', '',
      'x = Variable(np.ones((2, 3)))', 'W = Variable(np.ones((2, 4)))', "print('forward')", 'y = predict(x, W)', '',
    ].join('\n');
    const r = run({ 'mm.py': src }, 'mm.py');
    assert.equal(r.stdout, 'forward\n');
    assert.equal(r.stderr, lines(
      'Traceback (most recent call last):',
      `  File "${r.dir}/mm.py", line 13, in <module>`,
      '    y = predict(x, W)',
      '        ^^^^^^^^^^^^^',
      `  File "${r.dir}/mm.py", line 7, in predict`,
      '    return F.matmul(x, W)',
      '           ^^^^^^^^^^^^^^',
      '  File "<dezero>", in MatMul.forward',
      'ValueError: shapes (2,3) and (2,4) not aligned: 3 (dim 1) != 2 (dim 0)',
    ));
    assert.equal(r.status, 1);
  });

  it('a user raise of a custom exception from inside a function', () => {
    const src = [
      'class ConfigError(Exception):', '    pass', '', '',
      'def check(lr):', '    if lr <= 0:', "        raise ConfigError(f'learning rate must be positive, got {lr}')", '    return lr', '', '',
      'print(check(0.1))', 'check(-1)', '',
    ].join('\n');
    const r = run({ 'raise.py': src }, 'raise.py');
    assert.equal(r.stdout, '0.1\n');
    assert.equal(r.stderr, lines(
      'Traceback (most recent call last):',
      `  File "${r.dir}/raise.py", line 12, in <module>`,
      '    check(-1)',
      `  File "${r.dir}/raise.py", line 7, in check`,
      "    raise ConfigError(f'learning rate must be positive, got {lr}')",
      'ConfigError: learning rate must be positive, got -1',
    ));
    assert.equal(r.status, 1);
  });

  it('a chained exception prints both tracebacks, each with the frames it passed', () => {
    const src = "def f():\n    return {}['lr']\n\ntry:\n    f()\nexcept KeyError as e:\n    raise ValueError('bad config') from e\n";
    const r = run({ 'chain.py': src }, 'chain.py');
    assert.equal(r.stderr, lines(
      'Traceback (most recent call last):',
      `  File "${r.dir}/chain.py", line 5, in <module>`,
      '    f()',
      `  File "${r.dir}/chain.py", line 2, in f`,
      "    return {}['lr']",
      '           ~~^^^^^^',
      "KeyError: 'lr'",
      '',
      'The above exception was the direct cause of the following exception:',
      '',
      'Traceback (most recent call last):',
      `  File "${r.dir}/chain.py", line 7, in <module>`,
      "    raise ValueError('bad config') from e",
      'ValueError: bad config',
    ));
    assert.equal(r.status, 1);
  });

  it('unsupported constructs (async def, match) are syntax errors that name the construct', () => {
    const a = run({ 'a.py': 'import numpy as np\n\nasync def train():\n    pass\n' }, 'a.py');
    assert.equal(a.stderr, lines(`  File "${a.dir}/a.py", line 3`, '    async def train():', '    ^^^^^^^^^', "SyntaxError: 'async def' is not supported"));
    assert.equal(a.status, 1);
    const m = run({ 'm.py': "x = 3\nmatch x:\n    case 1:\n        print('one')\n" }, 'm.py');
    assert.equal(m.stderr, lines(`  File "${m.dir}/m.py", line 2`, '    match x:', '    ^^^^^^^^', "SyntaxError: 'match' statements are not supported"));
    assert.equal(m.status, 1);
  });
});

describe('gradscope run: arguments, exit codes, files', function () {
  this.timeout(60000);

  it('passes the arguments in sys.argv and exits 0', () => {
    const r = run({ 'args.py': 'import sys\nprint(sys.argv)\nprint(len(sys.argv))\n' }, 'args.py', ['--epochs', '3', 'two words']);
    assert.equal(r.stdout, "['args.py', '--epochs', '3', 'two words']\n4\n");
    assert.equal(r.stderr, '');
    assert.equal(r.status, 0);
  });

  it('exits with SystemExit\'s code: 3, None -> 0, a message -> printed and 1', () => {
    assert.equal(run({ 'e.py': "print('before')\nraise SystemExit(3)\nprint('after')\n" }, 'e.py').status, 3);
    const none = run({ 'e.py': 'import sys\nsys.exit()\n' }, 'e.py');
    assert.deepEqual([none.status, none.stderr], [0, '']);
    const msg = run({ 'e.py': "import sys\nsys.exit('stopped early')\n" }, 'e.py');
    assert.deepEqual([msg.status, msg.stderr], [1, 'stopped early\n']);
    const caught = run({ 'e.py': "import sys\ntry:\n    sys.exit(5)\nexcept SystemExit as e:\n    print('caught', e.code)\n" }, 'e.py');
    assert.deepEqual([caught.status, caught.stdout], [0, 'caught 5\n']);
  });

  it('reports a missing script as CPython does, with exit 2', () => {
    const r = run({}, 'missing.py');
    assert.equal(r.status, 2);
    assert.match(r.stderr, /can't open file 'missing.py': \[Errno 2\] No such file or directory/);
  });

  it('confines files to the script\'s folder: writing ../x fails with PermissionError', () => {
    const src = [
      'import numpy as np', 'from dezero.models import MLP',
      "np.save('inside.npy', np.arange(3))", "print(np.load('inside.npy'))",
      'try:', "    np.save('../outside.npy', np.arange(3))", 'except PermissionError as e:', "    print('PermissionError:', e)",
      'model = MLP((2,))', 'model(np.ones((1, 2)))', "model.save_weights('sub/w.npz')", "model.save_weights('../w.npz')", '',
    ].join('\n');
    const r = run({ 'scripts/files.py': src }, 'scripts/files.py');
    assert.equal(r.stdout, "[0 1 2]\nPermissionError: [Errno 13] Permission denied: '../outside.npy' (Gradscope confines scripts to their folder)\n");
    assert.match(r.stderr, /line 12, in <module>\n {4}model\.save_weights\('\.\.\/w\.npz'\)\nPermissionError: \[Errno 13\] Permission denied: '\.\.\/w\.npz'/);
    assert.equal(r.status, 1);
    assert.ok(existsSync(join(r.dir, 'scripts', 'inside.npy')) && existsSync(join(r.dir, 'scripts', 'sub', 'w.npz')));
    assert.ok(!existsSync(join(r.dir, 'outside.npy')) && !existsSync(join(r.dir, 'w.npz')));
  });

  it('refuses open() with a PermissionError that says what does work', () => {
    const r = run({ 'o.py': "open('notes.txt', 'w')\n" }, 'o.py');
    assert.equal(r.status, 1);
    assert.match(r.stderr, /PermissionError: \[Errno 1\] Operation not permitted: 'notes\.txt' \(scripts run by Gradscope have no direct file access; np\.save\/np\.load, save_weights\/load_weights and plt\.savefig work in the script's folder\)\n$/);
  });
});

/** Checks that `xml` is well formed (every tag closed in order) and returns its text nodes. */
function xmlTexts(xml: string): string[] {
  const body = xml.replace(/<\?xml[^>]*\?>/, '').replace(/<!--[\s\S]*?-->/g, '').replace(/<!DOCTYPE[^>[]*(\[[\s\S]*?\])?>/, '');
  const stack: string[] = [], texts: string[] = [];
  const token = /<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)|(<)/g;
  for (let m = token.exec(body); m; m = token.exec(body)) {
    if (m[6]) throw new Error(`stray '<' at ${m.index}`);
    if (m[5] !== undefined) { if (m[5].trim()) texts.push(m[5].trim()); continue; }
    if (m[1]) {
      const open = stack.pop();
      if (open !== m[2]) throw new Error(`</${m[2]}> closes <${open}>`);
    } else if (!m[4]) stack.push(m[2]);
  }
  if (stack.length) throw new Error(`unclosed <${stack.join('>, <')}>`);
  return texts;
}

describe('gradscope run: graphs', function () {
  this.timeout(60000);
  const graph = [
    'import numpy as np', 'from dezero import Variable', 'from dezero.utils import plot_dot_graph',
    "x0 = Variable(np.array(2.0), name='x0')", "x1 = Variable(np.array(3.0), name='x1')",
    'y = x0 * x1 + x0', "y.name = 'y'", '',
  ].join('\n');

  it('plot_dot_graph writes .dot text and a well-formed .svg with the node labels', () => {
    const src = graph + "\nplot_dot_graph(y, verbose=False, to_file='g.dot')\nplot_dot_graph(y, verbose=True, to_file='g.svg')\nimport os\nprint(os.path.exists('g.dot'), os.path.exists('g.svg'))\n";
    const r = run({ 'plot.py': src }, 'plot.py');
    assert.equal(r.stderr, '');
    assert.equal(r.stdout, 'True True\n');
    const dot = readFileSync(join(r.dir, 'g.dot'), 'utf8');
    assert.match(dot, /^digraph g \{/);
    for (const label of ['"y"', '"x0"', '"x1"', '"Add"', '"Mul"']) assert.ok(dot.includes(`label=${label}`), `${label} in the DOT`);
    const svg = readFileSync(join(r.dir, 'g.svg'), 'utf8');
    assert.match(svg, /<svg[\s>]/);
    const texts = xmlTexts(svg);
    for (const label of ['x0: () float64', 'x1: () float64', 'y: () float64', 'Add', 'Mul']) assert.ok(texts.includes(label), `${label} in the SVG texts ${JSON.stringify(texts)}`);
  });

  it('renders SVG from a helper module the script imports', () => {
    const helper = "from dezero.utils import plot_dot_graph\n\n\ndef show(y, name):\n    plot_dot_graph(y, verbose=False, to_file=name)\n";
    const r = run({ 'viz.py': helper, 'main.py': graph + "\nimport viz\nviz.show(y, 'from_helper.svg')\nprint('done')\n" }, 'main.py');
    assert.equal(r.stderr, '');
    assert.equal(r.stdout, 'done\n');
    assert.ok(xmlTexts(readFileSync(join(r.dir, 'from_helper.svg'), 'utf8')).includes('Mul'));
  });

  it('--graph-json writes the snapshot of every Variable alive at the end', () => {
    const r = run({ 'g.py': graph }, 'g.py', ['--graph-json', 'out/graph.json']);
    assert.equal(r.status, 0, r.stderr);
    const snap = JSON.parse(readFileSync(join(r.dir, 'out', 'graph.json'), 'utf8')) as {
      format: string; nodes: { id: string; kind: string; label: string }[]; edges: { kind: string; from: string; to: string }[];
      orders: { order: number; variables: number; functions: number }[];
    };
    assert.equal(snap.format, 'gradscope.graph');
    assert.equal(snap.nodes.filter((n) => n.kind === 'variable').length, 4);
    assert.deepEqual(snap.nodes.filter((n) => n.kind === 'function').map((n) => n.label).sort(), ['Add', 'Mul']);
    assert.equal(snap.edges.filter((e) => e.kind === 'data').length, 6);
    assert.deepEqual(snap.orders, [{ order: 0, variables: 4, functions: 2 }]);
  });

  it('--graph-json after backward(create_graph=True) includes the gradient graph', () => {
    const src = graph + '\ny.backward(create_graph=True)\n';
    const r = run({ 'g.py': src }, 'g.py', ['--graph-json', 'graph.json']);
    assert.equal(r.status, 0, r.stderr);
    const snap = JSON.parse(readFileSync(join(r.dir, 'graph.json'), 'utf8')) as { orders: { order: number; functions: number }[]; edges: { kind: string }[] };
    assert.ok(snap.orders.some((o) => o.order === 1 && o.functions > 0), JSON.stringify(snap.orders));
    assert.ok(snap.edges.some((e) => e.kind !== 'data'), 'grad-of links');
  });
});
