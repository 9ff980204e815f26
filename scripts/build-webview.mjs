// Bundles the graph panel (webview/) into dist/webview/: panel.js and standalone.js (IIFE),
// panel.css, panel.html (a template with {{placeholders}} for the extension) and
// standalone.html (filled in, for a plain browser and the browser tests). Used by
// scripts/build.mjs and scripts/webview-test.mjs.
//
// Graphviz's WebAssembly ships inside @hpcc-js/wasm-graphviz's JavaScript (no .wasm file to
// copy, nothing fetched at run time), so the layout worker is bundled first and inlined as a
// string into the panel bundles, which start it from a Blob: the CSP needs only
// `worker-src blob:` and `'wasm-unsafe-eval'` besides the script nonce. The library's own
// copy of the WebAssembly (base91 + zstd, slow to unpack) is swapped for a gzip + base64 one
// that the worker unpacks natively: see webview/graphviz_wasm.ts.
//
//   node scripts/build-webview.mjs [--production]
import { build } from 'esbuild';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const at = (p) => join(root, p);

/** The policy of the standalone page (the extension builds its own from panel.html's comment). */
function standaloneCsp(nonce) {
  return `default-src 'none'; img-src 'self' data: blob:; style-src 'self'; font-src 'self'; ` +
    `script-src 'nonce-${nonce}' 'wasm-unsafe-eval'; worker-src blob:; connect-src 'self'`;
}

/**
 * Graphviz's WebAssembly bytes, caught as the library hands them to WebAssembly.instantiate
 * (once per process: the library keeps its first load, which this leaves pending).
 */
let wasmBytes;
function graphvizWasmBytes() {
  wasmBytes ??= catchGraphvizWasm();
  return wasmBytes;
}

async function catchGraphvizWasm() {
  const lib = createRequire(at('package.json')).resolve('@hpcc-js/wasm-graphviz');
  const instantiate = WebAssembly.instantiate;
  let caught;
  const bytes = new Promise((ok) => { caught = ok; });
  // Never settles: the module is not needed here, only its bytes.
  WebAssembly.instantiate = (b) => { caught(new Uint8Array(ArrayBuffer.isView(b) ? b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) : b)); return new Promise(() => undefined); };
  try {
    const { Graphviz } = await import(pathToFileURL(lib).href);
    void Graphviz.load();
    return await bytes;
  } finally {
    WebAssembly.instantiate = instantiate;
  }
}

/**
 * Makes the library take its WebAssembly from webview/graphviz_wasm.ts and drops its own copy:
 * `X ??= unzstd(base91(DATA))` becomes `X ??= graphvizWasm()` and DATA becomes ''. Fails the
 * build, rather than shipping both copies, when a new version of the library no longer matches.
 */
export function patchGraphviz(src, from) {
  const id = '[\\w$]+';
  const load = new RegExp(`(${id})\\?\\?=${id}\\(${id}\\((${id})\\)\\)(?=,${id}\\(\\{wasmBinary:(${id})[,}])`, 'g');
  const loads = [...src.matchAll(load)].filter((m) => m[1] === m[3]);
  if (loads.length !== 1) throw new Error(`@hpcc-js/wasm-graphviz: found ${loads.length} places that unpack its WebAssembly, expected 1; update patchGraphviz in scripts/build-webview.mjs`);
  const [whole, binary, data] = loads[0];
  const literal = new RegExp(`(?<![\\w$])${data.replace(/\$/g, '\\$')}='[^']*'`, 'g');
  const literals = src.match(literal) ?? [];
  if (literals.length !== 1 || literals[0].length < 100_000) throw new Error(`@hpcc-js/wasm-graphviz: its embedded WebAssembly (${data}) was not found; update patchGraphviz in scripts/build-webview.mjs`);
  return `import { graphvizWasm as __gradscopeWasm } from ${JSON.stringify(from)};\n` +
    src.replace(literal, () => `${data}=''`).replace(whole, () => `${binary}??=__gradscopeWasm()`);
}

export async function buildWebview({ production = false } = {}) {
  if (!existsSync(at('webview/main.ts'))) return;
  const browser = {
    absWorkingDir: root, bundle: true, platform: 'browser', target: 'chrome120', minify: production,
    legalComments: 'none', logLevel: 'warning',
  };
  const wasm = gzipSync(await graphvizWasmBytes(), { level: 9 }).toString('base64');
  const graphvizWasm = {
    name: 'gradscope-graphviz-wasm',
    setup(b) {
      b.onLoad({ filter: /[\\/]@hpcc-js[\\/]wasm-graphviz[\\/]dist[\\/]index\.js$/ }, (a) => ({
        contents: patchGraphviz(readFileSync(a.path, 'utf8'), at('webview/graphviz_wasm.ts')), loader: 'js',
      }));
    },
  };
  const worker = await build({
    ...browser, entryPoints: ['webview/layout_worker.ts'], format: 'iife', write: false, outfile: 'layout_worker.js',
    plugins: [graphvizWasm], define: { GRADSCOPE_GRAPHVIZ_WASM: JSON.stringify(wasm) },
  });
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
