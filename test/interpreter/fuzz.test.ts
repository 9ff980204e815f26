// Robustness: whatever the input, parse() returns a Module or throws a PySyntaxError with a
// sane range, and tokenize() never throws. Also deep nesting and parse speed.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { walk, type Module } from '../../src/interpreter/ast';
import { PySyntaxError } from '../../src/interpreter/errors';
import { tokenize } from '../../src/interpreter/lexer';
import { parse } from '../../src/interpreter/parser';
import type { Range } from '../../src/interpreter/tokens';

const corpus = (JSON.parse(readFileSync(join(__dirname, 'fixtures', 'cpython_ast.json'), 'utf8')) as { src: string }[])
  .map((c) => c.src);

const PIECES = [
  'def', 'class', 'f', 'x', 'y', '(', ')', '[', ']', '{', '}', ':', ',', ';', '.', '=', '==', ':=', '+', '-', '*',
  '**', '/', '//', '@', '->', '\n', '\n    ', '\n\t', '    ', '  ', ' ', '#c', '\\', '\\\n', '"', "'", '"""', "'''",
  'f"', "f'{", '{x}', '!r', ':>4', 'b"', 'r"', '1', '0x', '1e', '1.5', '0o7', '1j', '1_0', 'if', 'else', 'elif', 'for',
  'in', 'while', 'try', 'except', 'finally', 'with', 'as', 'lambda', 'yield', 'from', 'import', 'return', 'pass',
  'break', 'continue', 'not', 'and', 'or', 'is', 'None', 'True', 'async', 'await', 'match', 'case', 'del', 'global',
  'nonlocal', 'raise', 'assert', '...', '\r\n', '\r', 'é', '😀', '\u00a0', '\0', '$', '?', '!',
];

function assertRange(r: Range, lines: number, what: string): void {
  assert.ok(r.line >= 1 && r.col >= 0 && r.endLine >= r.line, `${what}: ${JSON.stringify(r)}`);
  assert.ok(r.endLine > r.line || r.endCol >= r.col, `${what}: ${JSON.stringify(r)}`);
  assert.ok(r.line <= lines + 1, `${what} past the end: ${JSON.stringify(r)}`);
}

/** The property every input must satisfy. */
function parsesOrFailsCleanly(src: string): void {
  const lines = src.split(/\r\n|\r|\n/).length;
  tokenize(src);
  let mod: Module;
  try {
    mod = parse(src, 'fuzz.py');
  } catch (e) {
    if (!(e instanceof PySyntaxError)) throw e;
    assert.ok(e.message.length > 0);
    assertRange(e, lines, 'error');
    return;
  }
  walk(mod, (n) => assertRange(n.range, lines, n.kind));
}

const mutation = fc.tuple(fc.nat(), fc.nat(20), fc.constantFrom(...PIECES), fc.constantFrom('delete', 'insert', 'replace', 'duplicate'));

function mutate(src: string, edits: [number, number, string, string][]): string {
  let s = src;
  for (const [at, len, piece, op] of edits) {
    const i = s.length ? at % (s.length + 1) : 0;
    if (op === 'delete') s = s.slice(0, i) + s.slice(i + len);
    else if (op === 'insert') s = s.slice(0, i) + piece + s.slice(i);
    else if (op === 'replace') s = s.slice(0, i) + piece + s.slice(i + len);
    else s = s.slice(0, i) + s.slice(i, i + len) + s.slice(i);
  }
  return s;
}

describe('parser robustness', function () {
  this.timeout(60_000);

  it('survives arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), parsesOrFailsCleanly), { numRuns: 500 });
  });

  it('survives Python-like token soup', () => {
    const soup = fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }).map((p) => p.join(''));
    fc.assert(fc.property(soup, parsesOrFailsCleanly), { numRuns: 1500 });
  });

  it('survives mutations of valid programs', () => {
    const mutated = fc.tuple(fc.constantFrom(...corpus), fc.array(mutation, { minLength: 1, maxLength: 4 }))
      .map(([src, edits]) => mutate(src, edits));
    fc.assert(fc.property(mutated, parsesOrFailsCleanly), { numRuns: 3000 });
  });

  it('rejects or accepts deep nesting without overflowing the stack', () => {
    const deep = [
      '('.repeat(5000), '('.repeat(199) + ')'.repeat(199), '['.repeat(150) + ']'.repeat(150), '-'.repeat(5000) + '1',
      'not '.repeat(3000) + 'x', 'lambda: '.repeat(3000) + '1', 'a if b else '.repeat(3000) + 'c', 'x = ' + '1 + '.repeat(20000) + '1',
      'x' + '.a'.repeat(20000), 'x' + '()'.repeat(10000), '2' + '**2'.repeat(5000), 'if x:\n' + ' '.repeat(1).repeat(1),
      Array.from({ length: 120 }, (_, k) => ' '.repeat(k) + 'if x:').join('\n') + '\n' + ' '.repeat(120) + 'pass\n',
      'f"{' + '('.repeat(300) + ')'.repeat(300) + '}"', 'x = ' + '{'.repeat(100) + '}'.repeat(100),
    ];
    for (const src of deep) parsesOrFailsCleanly(src);
  });

  it('parses a 1,000-line script in well under 20 ms', () => {
    const program = corpus.filter((s) => s.split('\n').length > 8).join('\n\n');
    const lines: string[] = [];
    while (lines.length < 1000) lines.push(...program.split('\n'), '');
    const src = lines.slice(0, 1000).join('\n').replace(/\n[ \t]+[^\n]*$/, '') + '\n';
    for (let k = 0; k < 10; k++) parse(src, 'big.py');
    // CPU time rather than wall time, so that a busy machine does not fail the test.
    const times: number[] = [];
    for (let k = 0; k < 15; k++) {
      const t = process.cpuUsage();
      parse(src, 'big.py');
      const d = process.cpuUsage(t);
      times.push((d.user + d.system) / 1000);
    }
    times.sort((a, b) => a - b);
    // About 5 ms on a typical laptop; the bound leaves room for slow CI machines.
    assert.ok(times[7] < 20, `median parse time ${times[7].toFixed(1)} ms`);
  });
});
