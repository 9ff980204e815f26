// Malformed documents never crash the server: random text, Python-shaped token soup and
// random edits of a real script go through the analysis and every feature at random
// offsets (fast-check), and a stream of random edits goes through the spawned server.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import type { Diagnostic } from 'vscode-languageserver/node';
import { analyze } from '../../src/server/analysis';
import { complete } from '../../src/server/features/completion';
import { hover } from '../../src/server/features/hover';
import { signatureHelp } from '../../src/server/features/signature';
import { quickFixes } from '../../src/server/features/code_actions';
import { LspClient } from './lsp_client';
import { dezeroScript } from './sample';

const SCRIPT = dezeroScript(60);

const FRAGMENTS = [
  'import dezero.functions as F\n', 'from dezero import Variable\n', 'import numpy as np\n', 'from dezero import *\n',
  'F.', 'np.', 'x.', 'Variable(', 'F.tanhh', 'np.random.', '.backward(', 'create_graph=True', '(', ')', '[', ']', '{', '}',
  ', ', ':', '=', ' ', '\n', '    ', '\t', 'def f(x):\n', 'class A(Model):\n', 'return ', 'lambda x: ', 'x', 'y', '1', '1.5', '1j',
  '"', "'", '"""', "f'{x", '#', '\\', '\\\n', 'if x:\n', 'else:\n', 'for i in range(3):\n', 'match x:\n', 'async def g():\n',
  'await ', 'yield ', '*', '**', '@', ';', 'import ', 'from ', ' as ', 'dezero.', 'optimizers.SGD(', 'models.MLP(', 'L.Linear(',
];

const pythonish = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 80 }).map((xs) => xs.join(''));
const anyText = fc.string({ unit: 'binary', maxLength: 200 });
const edited = fc.array(fc.tuple(fc.nat(SCRIPT.length), fc.nat(40), fc.oneof(pythonish, anyText)), { minLength: 1, maxLength: 4 }).map((edits) => {
  let s = SCRIPT;
  for (const [at, del, ins] of edits) {
    const i = at % (s.length + 1);
    s = s.slice(0, i) + ins + s.slice(i + del);
  }
  return s;
});

function checkRanges(text: string, diagnostics: readonly Diagnostic[]): void {
  const lines = text.split(/\r\n|\r|\n/);
  for (const d of diagnostics) {
    const { start, end } = d.range;
    assert.ok(start.line >= 0 && start.line < lines.length + 1, `start line ${start.line}`);
    assert.ok(end.line > start.line || (end.line === start.line && end.character >= start.character), JSON.stringify(d.range));
    assert.equal(d.source, 'gradscope');
  }
}

/** Runs the analysis and every feature at a few offsets; any exception fails the property. */
function exercise(text: string, offsets: readonly number[]): void {
  const a = analyze(text, { filename: 'fuzz.py' });
  assert.equal(a.crash, undefined, `the parser failed unexpectedly: ${String(a.crash)}`);
  checkRanges(text, a.diagnostics);
  quickFixes('untitled:fuzz.py', a.diagnostics);
  for (const raw of offsets) {
    const off = raw % (text.length + 1);
    complete(a, off, { labelDetails: true });
    hover(a, off);
    signatureHelp(a, off);
  }
}

describe('malformed documents', function () {
  this.timeout(120000);
  const offsets = fc.array(fc.nat(100000), { minLength: 1, maxLength: 8 });

  it('random text', () => {
    fc.assert(fc.property(anyText, offsets, (t, o) => exercise(`import dezero\n${t}`, o)), { numRuns: 300 });
  });

  it('Python-shaped token soup', () => {
    fc.assert(fc.property(pythonish, offsets, (t, o) => exercise(t, o)), { numRuns: 400 });
  });

  it('random edits of a DeZero script', () => {
    fc.assert(fc.property(edited, offsets, (t, o) => exercise(t, o)), { numRuns: 200 });
  });

  it('deep nesting and long lines', () => {
    exercise(`import dezero\nx = ${'('.repeat(5000)}`, [10, 5000]);
    exercise(`import dezero\nx = ${'['.repeat(300)}1${']'.repeat(300)}`, [20, 300]);
    exercise(`import dezero.functions as F\ny = ${'F.tanh('.repeat(150)}x${')'.repeat(150)}`, [40, 900]);
    exercise(`import dezero\n${'x = 1 + '.repeat(3000)}1\n`, [100]);
    exercise(`import dezero\n${'    '.repeat(200)}x\n`, [5]);
    exercise(`import dezero\nif x:\n${Array.from({ length: 100 }, (_, i) => `${'    '.repeat(i + 1)}if x:\n`).join('')}`, [50]);
  });

  it('the spawned server survives a stream of random edits and requests', async () => {
    const { client } = await LspClient.start();
    const uri = 'untitled:fuzz.py';
    await client.open(uri, SCRIPT, 1);
    const docs = fc.sample(fc.oneof(edited, pythonish, anyText), { numRuns: 60, seed: 7 });
    let version = 1;
    for (const doc of docs) {
      version++;
      await client.change(uri, version, [{ text: doc }]);
      const lines = doc.split('\n');
      const position = { line: lines.length - 1, character: lines[lines.length - 1].length };
      await Promise.all([client.completion(uri, position), client.hover(uri, position), client.signatureHelp(uri, position)]);
    }
    const last = await client.diagnostics(uri, version);
    assert.equal(last.version, version);
    assert.equal(client.exitCode, null, 'the server is still running');
    assert.deepEqual(client.logs.filter((l) => l.includes('gradscope:')), [], 'no handler failed');
    await client.stop();
  });
});
