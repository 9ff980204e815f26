// Bundles every entry point that exists into dist/ with esbuild.
// Entries appear as the project grows; a missing one is skipped, not an error.
import { build } from 'esbuild';
import { existsSync, mkdirSync, chmodSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { buildWebview } from './build-webview.mjs';

const production = process.argv.includes('--production');
// Identifiers stay unminified: DeZero shows class names (Tanh, MatMul) taken from the classes
// themselves, and esbuild's keepNames would wrap every closure at run time instead.
const node = { platform: 'node', target: 'node20', format: 'cjs', bundle: true, sourcemap: !production, minifyWhitespace: production, minifySyntax: production, logLevel: 'warning' };

const entries = [
  { in: 'src/extension/extension.ts', out: 'dist/extension.js', opts: { ...node, external: ['vscode'] } },
  // `gradscope`: a small launcher (dist/cli.js) that loads the command line's bundle through V8's code cache
  { in: 'src/cli/launch.ts', out: 'dist/cli.js', opts: { ...node, banner: { js: '#!/usr/bin/env node' } }, exec: true },
  { in: 'src/cli/main.ts', out: 'dist/cli_main.js', opts: node },
  // Graphviz-wasm and the PNG rasteriser, required by the CLI only for scripts that plot.
  { in: 'src/cli/render_impl.ts', out: 'dist/cli_render.js', opts: node },
  { in: 'src/server/server.ts', out: 'dist/server.js', opts: node },
  { in: 'src/node/session_worker.ts', out: 'dist/session_worker.js', opts: node },
  { in: 'bench/bench.ts', out: 'dist/bench.js', opts: { ...node, external: ['@tensorflow/tfjs'] } },
];

mkdirSync('dist', { recursive: true });
for (const e of entries) {
  if (!existsSync(e.in)) continue;
  await build({ ...e.opts, entryPoints: [e.in], outfile: e.out });
  if (e.exec) chmodSync(e.out, 0o755);
}

// The code cache of the command line: the bytecode of what the spiral example runs (see src/cli/launch.ts).
if (existsSync('dist/cli_main.js')) {
  const r = spawnSync(process.execPath, ['dist/cli.js', 'run', 'examples/spiral_mlp.py'], { env: { ...process.env, GRADSCOPE_WRITE_CODE_CACHE: '1' }, stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) console.warn('build: the CLI code cache was not written (the CLI compiles without it)');
}

// The graph panel (webview/): scripts/build-webview.mjs.
await buildWebview({ production });
