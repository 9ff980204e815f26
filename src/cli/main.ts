// `gradscope run FILE.py [args…] [--graph-json OUT]`: runs a DeZero script as CPython would,
// with file access confined to the script's folder.
import { readFileSync, writeFileSync } from 'node:fs';
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
  if (/plot_dot_graph|\.plot\(/.test(source)) await loadGraphviz();
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
    writeFileSync(resolve(graphJson), snapshotToJson(graph.snapshot(globals, { followGrads: true, budget: 100000 }) as GraphSnapshot, true));
  }
  return code;
}

if (require.main === module) {
  main(process.argv.slice(2)).then((c) => process.exit(c), (e) => { process.stderr.write(`gradscope: internal error: ${e instanceof Error ? e.stack : String(e)}\n`); process.exit(70); });
}
