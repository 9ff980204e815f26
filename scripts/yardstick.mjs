#!/usr/bin/env node
// The yardstick: the scripts of "Deep Learning from Scratch 3" (steps/stepNN.py, which you
// supply; they are not part of this repository) run by Gradscope's CLI and compared with
// what CPython prints.
//
//   node scripts/build.mjs && node scripts/yardstick.mjs STEPS_DIR [--only 23,28-30] [--md FILE] [--json FILE]
//
// Each step runs twice, each time in its own temporary copy of STEPS_DIR (so files the
// scripts write are thrown away): `node dist/cli.js run stepNN.py`, and `python3 stepNN.py`.
// Steps 1–22 define their own classes and need only NumPy, so python3 runs them as they are.
// Steps that import dezero run under python3 with PYTHONPATH=scripts/yardstick_ref, a
// reference DeZero (and a do-nothing matplotlib) written to reproduce DeZero's results bit
// for bit; those references were checked against the outputs the book states (BOOK below)
// and a run of the real DeZero (test/fixtures/dezero-spiral-golden.json).
//
// Verdicts: "exact" (stdout, exit status and the exception line identical), "close" (the same
// text except numbers, which agree to a relative 1e-9: last-digit differences of transcendental
// functions), "differs", "excluded" (downloads a data set), "error" (a run could not start).
// Object addresses (0x…) and the temporary folders in tracebacks are normalised first.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const REF = join(ROOT, 'scripts', 'yardstick_ref');
const TOLERANCE = 1e-9;

/** Lines the book states a step prints (checked in both runs when present). */
const BOOK = {
  23: ['variable(16.0)', 'variable(8.0)'],
  24: ['variable(-5376.0) variable(8064.0)'],
  27: ['0.7071064695751781', 'variable(0.7071032148228457)'],
  29: ['0 variable(2.0)', '1 variable(1.4545454545454546)', '2 variable(1.1510467893775467)', '3 variable(1.0253259289766978)',
    '4 variable(1.0009084519430513)', '5 variable(1.0000012353089454)', '6 variable(1.000000000002289)', '7 variable(1.0)'],
  33: ['1 variable(1.4545454545454546)', '6 variable(1.000000000002289)', '7 variable(1.0)'],
  36: ['variable(100.0)'],
  37: ['variable(1)'],
  39: ['variable(21)', 'variable([5 7 9])', '(1, 1, 1, 1)'],
  40: ['variable([11 12 13])', 'variable([3])'],
  41: ['(2, 3)', '(3, 4)'],
};

/** Scripts that fetch a data set from the network (the yardstick leaves them out). */
const DOWNLOADS = /get_mnist|MNIST|CIFAR|ImageNet|VGG16|get_file\(|Shakespear|SinCurve|EvenOdd/;

function parseArgs(argv) {
  const opts = { dir: null, only: null, md: null, json: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--only') opts.only = ranges(argv[++i]);
    else if (a === '--md') opts.md = argv[++i];
    else if (a === '--json') opts.json = argv[++i];
    else if (a === '-h' || a === '--help') { console.log(readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').slice(1, 9).join('\n')); process.exit(0); }
    else opts.dir = a;
  }
  if (!opts.dir) { console.error('usage: node scripts/yardstick.mjs STEPS_DIR [--only 1-22,48] [--md FILE] [--json FILE]'); process.exit(2); }
  return opts;
}

function ranges(spec) {
  const out = new Set();
  for (const part of spec.split(',')) {
    const [a, b] = part.split('-').map(Number);
    for (let n = a; n <= (b || a); n++) out.add(n);
  }
  return out;
}

/** Runs a command in a fresh copy of the steps folder; the copy's path is replaced by <dir>. */
function run(dir, cmd, args, env) {
  const tmp = mkdtempSync(join(tmpdir(), 'yardstick-'));
  try {
    cpSync(dir, tmp, { recursive: true });
    const t0 = process.hrtime.bigint();
    const r = spawnSync(cmd, args, { cwd: tmp, env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 1 << 28, timeout: 600_000 });
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    const norm = (s) => (s ?? '').split(tmp).join('<dir>').replace(/0x[0-9a-fA-F]+/g, '0x…');
    return { stdout: norm(r.stdout), stderr: norm(r.stderr), status: r.status ?? (r.signal ? 128 : 1), seconds, error: r.error?.message ?? null };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** The exception line of a traceback (its last non-empty line), or ''. */
function exceptionLine(stderr) {
  const lines = stderr.trimEnd().split('\n');
  return lines.length && /^\w+(\.\w+)*(Error|Exception|Exit|Interrupt|Warning)?\b.*:|^\w+Error$/.test(lines[lines.length - 1]) ? lines[lines.length - 1] : '';
}

const NUM = /[-+]?(?:\d+\.\d*|\.\d+|\d+)(?:[eE][-+]?\d+)?/g;

/** Largest relative difference between the numbers of two texts that differ only in numbers, or null. */
function numericGap(a, b) {
  if (a.replace(NUM, '#') !== b.replace(NUM, '#')) return null;
  const x = a.match(NUM) ?? [], y = b.match(NUM) ?? [];
  let worst = 0;
  for (let i = 0; i < x.length; i++) {
    const p = Number(x[i]), q = Number(y[i]);
    if (p === q) continue;
    worst = Math.max(worst, Math.abs(p - q) / Math.max(Math.abs(p), Math.abs(q)));
  }
  return worst;
}

function firstDifference(a, b) {
  const x = a.split('\n'), y = b.split('\n');
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    if (x[i] !== y[i]) return `line ${i + 1}: CPython ${JSON.stringify(x[i] ?? '<end>')} vs Gradscope ${JSON.stringify(y[i] ?? '<end>')}`;
  }
  return '';
}

function bookCheck(n, out) {
  const want = BOOK[n];
  if (!want) return null;
  const have = new Set(out.split('\n'));
  return want.filter((l) => !have.has(l));
}

function compare(n, file, dir) {
  const source = readFileSync(join(dir, file), 'utf8');
  const usesDezero = /^\s*(from|import)\s+dezero\b/m.test(source);
  const base = { step: n, file, dezero: usesDezero, lines: 0, ours: null, cpython: null, note: '' };
  if (DOWNLOADS.test(source)) return { ...base, verdict: 'excluded', note: 'downloads a data set' };
  const ours = run(dir, process.execPath, [CLI, 'run', file], {});
  const ref = run(dir, 'python3', [file], usesDezero || /matplotlib/.test(source) ? { PYTHONPATH: REF } : {});
  const r = { ...base, ours: ours.seconds, cpython: ref.seconds, lines: ref.stdout.split('\n').length - 1 };
  if (ours.error || ref.error) return { ...r, verdict: 'error', note: ours.error ?? ref.error };
  const missing = bookCheck(n, ref.stdout), oursMissing = bookCheck(n, ours.stdout);
  const notes = [];
  if (missing?.length) notes.push(`reference lacks book line ${JSON.stringify(missing[0])}`);
  if (oursMissing?.length) notes.push(`Gradscope lacks book line ${JSON.stringify(oursMissing[0])}`);
  else if (oursMissing) notes.push(`book's ${BOOK[n].length} stated lines present`);
  const exc = [exceptionLine(ref.stderr), exceptionLine(ours.stderr)];
  if (ref.status !== 0) notes.push(`CPython exits ${ref.status}${exc[0] ? `: ${exc[0]}` : ''}`);
  const sameEnd = ours.status === ref.status && exc[0] === exc[1];
  if (!sameEnd) notes.push(`Gradscope exits ${ours.status}${exc[1] ? `: ${exc[1]}` : ''}`);
  if (ours.stdout === ref.stdout && sameEnd) return { ...r, verdict: 'exact', note: notes.join('; ') };
  const gap = numericGap(ref.stdout, ours.stdout);
  if (gap !== null && gap <= TOLERANCE && sameEnd) {
    const differing = ref.stdout.split('\n').filter((l, i) => l !== ours.stdout.split('\n')[i]).length;
    return { ...r, verdict: 'close', note: [`${differing} of ${r.lines} lines differ in the last digits (max rel. diff ${gap.toExponential(1)})`, ...notes].join('; ') };
  }
  if (ours.stdout !== ref.stdout) notes.unshift(firstDifference(ref.stdout, ours.stdout));
  return { ...r, verdict: 'differs', note: notes.join('; ') };
}

function markdown(results) {
  const rows = results.map((r) => `| ${r.step} | ${r.dezero ? 'dezero' : 'own classes'} | ${r.verdict} | ${r.lines} | ${r.ours === null ? '—' : r.ours.toFixed(2)} | ${r.cpython === null ? '—' : r.cpython.toFixed(2)} | ${r.note.replace(/\|/g, '\\|')} |`);
  const count = (v) => results.filter((r) => r.verdict === v).length;
  return [
    '| step | imports | verdict | stdout lines | Gradscope s | CPython s | notes |',
    '| ---: | --- | --- | ---: | ---: | ---: | --- |',
    ...rows,
    '',
    `exact ${count('exact')}, close ${count('close')}, differs ${count('differs')}, excluded ${count('excluded')}, error ${count('error')} (of ${results.length})`,
  ].join('\n');
}

function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (!existsSync(CLI)) { console.error('dist/cli.js is missing: run `node scripts/build.mjs` first'); process.exit(2); }
  const dir = resolve(opts.dir);
  const files = readdirSync(dir).map((f) => [f, /^step(\d+)\.py$/.exec(f)]).filter(([, m]) => m)
    .map(([f, m]) => [Number(m[1]), f]).filter(([n]) => !opts.only || opts.only.has(n)).sort((a, b) => a[0] - b[0]);
  const results = [];
  for (const [n, f] of files) {
    const r = compare(n, f, dir);
    results.push(r);
    console.error(`step ${String(n).padStart(2)}: ${r.verdict}${r.note ? ` — ${r.note}` : ''}`);
  }
  const md = markdown(results);
  console.log(md);
  if (opts.md) writeFileSync(opts.md, md + '\n');
  if (opts.json) writeFileSync(opts.json, JSON.stringify(results, null, 2) + '\n');
  process.exitCode = results.some((r) => r.verdict === 'differs' || r.verdict === 'error') ? 1 : 0;
}

main();
