// Runs a folder of Python scripts through the interpreter and checks each one's output
// against its own comments:
//   `# expect: <line>`         the next exact stdout line (in order; `# expect:` alone is an empty line)
//   `# expect-stderr: <text>`  some later stderr line contains <text> (in order)
//   `# expect-exit: <n>`       the exit status (default 0)
// Each script runs in a fresh Interpreter whose file sink is a temporary copy of the folder,
// so scripts can import helpers and read data beside them, and what they write is thrown away.
// Every built-in module is loaded (modules/all).

import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import type { FileSink } from '../../src/engine/sink';
import { Interpreter } from '../../src/interpreter/interpreter';
import '../../src/interpreter/modules/all';

export interface ExpectOptions {
  /** Only scripts whose file name matches. */
  filter?: RegExp;
  /** Called with each fresh interpreter before its script runs. */
  setup?(ip: Interpreter): void;
  /** sys.argv for every script (default: the script's name alone). */
  argv?: string[];
  /** Title of the mocha `describe` (default: the folder's name). */
  title?: string;
}

/** What a script's comments say its run must produce. */
export interface Expectations {
  stdout: string[];
  stderr: string[];
  exit: number;
}

/** Reads the `# expect…` comments of a script. */
export function parseExpectations(source: string): Expectations {
  const out: Expectations = { stdout: [], stderr: [], exit: 0 };
  for (const line of source.split('\n')) {
    const m = /#\s*expect(-stderr|-exit)?:(.*)$/.exec(line.replace(/\r$/, ''));
    if (!m) continue;
    const text = m[2].startsWith(' ') ? m[2].slice(1) : m[2];
    if (m[1] === '-stderr') out.stderr.push(text);
    else if (m[1] === '-exit') out.exit = Number(text.trim());
    else out.stdout.push(text);
  }
  return out;
}

/** A file sink over `root`: relative paths resolve inside it and nothing may escape it. */
export function folderSink(root: string): FileSink {
  const at = (p: string): string => {
    const full = isAbsolute(p) ? resolve(p) : resolve(root, p);
    const rel = relative(root, full);
    if (rel.startsWith('..') || isAbsolute(rel)) {
      throw Object.assign(new Error(`[Errno 13] Permission denied: '${p}' (Gradscope confines scripts to their folder)`), { name: 'PermissionError' });
    }
    return full;
  };
  return {
    readFile: (p) => new Uint8Array(readFileSync(at(p))),
    writeFile: (p, data) => {
      const full = at(p);
      mkdirSync(dirname(full), { recursive: true });
      writeFileSync(full, data);
    },
    exists: (p) => existsSync(at(p)),
    isDir: (p) => existsSync(at(p)) && statSync(at(p)).isDirectory(),
  };
}

function copyFolder(from: string, to: string): void {
  for (const name of readdirSync(from)) {
    const src = join(from, name), dst = join(to, name);
    if (statSync(src).isDirectory()) {
      mkdirSync(dst);
      copyFolder(src, dst);
    } else copyFileSync(src, dst);
  }
}

export interface ScriptRun { stdout: string; stderr: string; exit: number }

/** Runs one script of `folder` in a fresh interpreter over a temporary copy of the folder. */
export function runScriptIn(folder: string, file: string, opts: ExpectOptions = {}): ScriptRun {
  const tmp = mkdtempSync(join(tmpdir(), 'gradscope-expect-'));
  try {
    copyFolder(folder, tmp);
    let stdout = '', stderr = '';
    const ip = new Interpreter({
      stdout: (t) => { stdout += t; },
      stderr: (t) => { stderr += t; },
      files: folderSink(tmp),
      argv: opts.argv ?? [file],
    });
    opts.setup?.(ip);
    // An absolute path, as the extension passes: getcwd() and abspath() then look like CPython's.
    const exit = ip.runScript(readFileSync(join(folder, file), 'utf8'), join(tmp, file));
    return { stdout, stderr, exit };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

function lines(text: string): string[] {
  const l = text.split('\n');
  if (l[l.length - 1] === '') l.pop();
  return l;
}

/** Checks one run against its expectations (assertion error naming the difference). */
export function checkRun(run: ScriptRun, want: Expectations): void {
  const context = run.stderr ? `\n--- stderr ---\n${run.stderr}` : '';
  assert.deepEqual(lines(run.stdout), want.stdout, `stdout differs${context}`);
  let at = 0;
  const errLines = lines(run.stderr);
  for (const w of want.stderr) {
    while (at < errLines.length && !errLines[at].includes(w)) at++;
    assert.ok(at < errLines.length, `stderr has no line containing ${JSON.stringify(w)} (in order)${context}`);
    at++;
  }
  assert.equal(run.exit, want.exit, `exit status${context}`);
}

/** One mocha `it` per .py file of `folder` (sorted by name), inside a `describe`. */
export function runExpectScripts(folder: string, opts: ExpectOptions = {}): void {
  const files = readdirSync(folder).filter((f) => f.endsWith('.py') && (!opts.filter || opts.filter.test(f))).sort();
  describe(opts.title ?? basename(folder), () => {
    for (const file of files) {
      it(file, () => {
        const want = parseExpectations(readFileSync(join(folder, file), 'utf8'));
        checkRun(runScriptIn(folder, file, opts), want);
      });
    }
  });
}
