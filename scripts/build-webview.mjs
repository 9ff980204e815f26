// Bundles the graph panel (webview/) into dist/webview/: panel.js and standalone.js (IIFE),
// panel.css, panel.html (a template with {{placeholders}} for the extension) and
// standalone.html (filled in, for a plain browser and the browser tests). Used by
// scripts/build.mjs and scripts/webview-test.mjs.
//
// Graphviz's WebAssembly ships inside @hpcc-js/wasm-graphviz's JavaScript (no .wasm file to
// copy, nothing fetched at run time), so the layout worker is bundled first and inlined as a
// string into the panel bundles, which start it from a Blob: the CSP needs only
// `worker-src blob:` and `'wasm-unsafe-eval'` besides the script nonce.
//
//   node scripts/build-webview.mjs [--production]
import { build } from 'esbuild';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const at = (p) => join(root, p);

/** The policy of the standalone page (the extension builds its own from panel.html's comment). */
function standaloneCsp(nonce) {
  return `default-src 'none'; img-src 'self' data: blob:; style-src 'self'; font-src 'self'; ` +
    `script-src 'nonce-${nonce}' 'wasm-unsafe-eval'; worker-src blob:; connect-src 'self'`;
}

export async function buildWebview({ production = false } = {}) {
  if (!existsSync(at('webview/main.ts'))) return;
  const browser = {
    absWorkingDir: root, bundle: true, platform: 'browser', target: 'chrome120', minify: production,
    legalComments: 'none', logLevel: 'warning',
  };
  const worker = await build({ ...browser, entryPoints: ['webview/layout_worker.ts'], format: 'iife', write: false, outfile: 'layout_worker.js' });
  const workerSource = worker.outputFiles[0].text;
  const inlineWorker = {
    name: 'gradscope-layout-worker',
    setup(b) {
      b.onResolve({ filter: /^gradscope:layout-worker$/ }, (a) => ({ path: a.path, namespace: 'gradscope' }));
      b.onLoad({ filter: /.*/, namespace: 'gradscope' }, () => ({ contents: workerSource, loader: 'text' }));
    },
  };
  mkdirSync(at('dist/webview'), { recursive: true });
  await build({
    ...browser, format: 'iife', sourcemap: !production, plugins: [inlineWorker], outdir: 'dist/webview',
    entryPoints: { panel: 'webview/main.ts', standalone: 'webview/standalone.ts' },
  });
  await build({ ...browser, entryPoints: ['webview/style.css'], outfile: 'dist/webview/panel.css' });
  const template = readFileSync(at('webview/panel.html'), 'utf8');
  writeFileSync(at('dist/webview/panel.html'), template);
  const nonce = randomBytes(16).toString('base64');
  const fill = {
    csp: standaloneCsp(nonce), nonce, style: 'panel.css', script: 'standalone.js',
    empty: 'Open a snapshot (.json) with the file button, drop one here, or add ?snapshot=URL.',
  };
  const page = template.replace(/<!--[\s\S]*?-->\n/, '').replace(/{{(\w+)}}/g, (m, k) => fill[k] ?? m);
  writeFileSync(at('dist/webview/standalone.html'), page);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildWebview({ production: process.argv.includes('--production') });
}
