// `gradscope run FILE.py [args…] [--graph-json OUT]`: runs a DeZero script as CPython would,
// with file access confined to the script's folder.
import './heap';
import '../node/wasm_flags';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Config } from '../engine/core';
import { Interpreter } from '../interpreter/interpreter';
import { makeGraphProvider } from '../runtime/graph_provider';
import { snapshotToJson } from '../graph/index';
import type { GraphSnapshot } from '../protocol/messages';
import { folderSink } from './files';
import { loadGraphviz, renderDot } from './render';

const USAGE = `usage: gradscope run FILE.py [ARGS...] [--graph-json OUT]

Runs a DeZero script with Gradscope's own interpreter (no Python needed).
  --graph-json OUT   write the computation graph of every Variable alive at the end (JSON)
`;

const PLOTS = /plot_dot_graph|\.plot\(/;
const IMPORTS = /^[ \t]*(?:from[ \t]+([\w.]+)[ \t]+import|import[ \t]+([\w., \t]+))/gm;

/** Whether the script, or a module of its folder that it imports (transitively), plots a graph. */
function mayPlot(source: string, folder: string, seen = new Set<string>()): boolean {
  if (PLOTS.test(source)) return true;
  for (const m of source.matchAll(IMPORTS)) {
    for (const name of (m[1] ?? m[2]).split(',').map((n) => n.trim().split(/\s/)[0].split('.')[0])) {
      if (!name || seen.has(name)) continue;
      seen.add(name);
      let text: string;
      try { text = readFileSync(resolve(folder, `${name}.py`), 'utf8'); } catch { continue; }
      if (mayPlot(text, folder, seen)) return true;
    }
  }
  return false;
}

export async function main(argv: string[]): Promise<number> {
  if (argv[0] === '--help' || argv[0] === '-h' || argv.length === 0) { process.stdout.write(USAGE); return argv.length ? 0 : 2; }
  if (argv[0] !== 'run' || !argv[1]) { process.stderr.write(USAGE); return 2; }
  const args = argv.slice(2);
  let graphJson: string | null = null;
  const gi = args.indexOf('--graph-json');
  if (gi >= 0) { graphJson = args[gi + 1] ?? null; args.splice(gi, 2); }
  const file = resolve(argv[1]);
  let source: string;
  try { source = readFileSync(file, 'utf8'); } catch {
    process.stderr.write(`gradscope: can't open file '${argv[1]}': [Errno 2] No such file or directory\n`);
    return 2;
  }
  // Graphviz-wasm takes a while to start; load it only for scripts that plot graphs.
  if (mayPlot(source, dirname(file))) await loadGraphviz();
  const graph = graphJson ? makeGraphProvider() : null;
  if (graph?.observer) Config.observer = graph.observer;
  const ip = new Interpreter({
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    files: folderSink(dirname(file)),
    argv: [argv[1], ...args],
    renderDot,
  });
  // CPython shows the script's absolute path in tracebacks (since 3.9).
  const code = ip.runScript(source, file);
  if (graph && graphJson) {
    const globals = ip.modules.get('__main__')?.dict ?? new Map();
    mkdirSync(dirname(resolve(graphJson)), { recursive: true });
    writeFileSync(resolve(graphJson), snapshotToJson(graph.snapshot(globals, { followGrads: true, budget: 100000 }) as GraphSnapshot, true));
  }
  return code;
}

/**
 * Runs the command line and exits the process with its status. `beforeExit` runs first (the
 * launcher writes its code cache there). A reader that goes away (`gradscope run x.py | head`)
 * ends the run quietly, not with a Node stack.
 */
export function runCli(argv: string[], beforeExit: () => void = () => {}): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => { if (e.code === 'EPIPE') process.exit(0); throw e; });
  }
  main(argv).then((c) => { beforeExit(); process.exit(c); }, (e) => {
    process.stderr.write(`gradscope: internal error: ${e instanceof Error ? e.stack : String(e)}\n`);
    process.exit(70);
  });
}

if (require.main === module) runCli(process.argv.slice(2));
