// Writes THIRD_PARTY_NOTICES.md: every npm package esbuild bundles into what the .vsix ships
// (extension, language server, script thread, graph panel and its layout worker), with the
// licence its package.json declares and the licence text it carries. Run by `npm run package`.
//
//   node scripts/notices.mjs
import { build } from 'esbuild';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const node = { platform: 'node', target: 'node20', format: 'cjs', bundle: true, write: false, metafile: true, logLevel: 'silent', absWorkingDir: root, outdir: 'out' };
const browser = { ...node, platform: 'browser', format: 'iife' };
const stubWorker = {
  name: 'stub-layout-worker',
  setup(b) {
    b.onResolve({ filter: /^gradscope:layout-worker$/ }, (a) => ({ path: a.path, namespace: 'stub' }));
    b.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({ contents: '', loader: 'text' }));
  },
};
const bundles = [
  { entryPoints: ['src/extension/extension.ts'], ...node, external: ['vscode'] },
  { entryPoints: ['src/server/server.ts'], ...node },
  { entryPoints: ['src/node/session_worker.ts'], ...node },
  { entryPoints: ['webview/main.ts'], ...browser, plugins: [stubWorker] },
  { entryPoints: ['webview/layout_worker.ts'], ...browser },
];

/** The package folder of a bundled input path (node_modules/@scope/name or node_modules/name). */
function packageDir(input) {
  const m = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
  return m ? m[1] : null;
}

const dirs = new Set();
for (const b of bundles) {
  const r = await build(b);
  // Only what made it into the output (tree-shaken modules are not shipped).
  for (const o of Object.values(r.metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(o.inputs)) {
      const d = packageDir(input);
      if (d && bytesInOutput > 0) dirs.add(d);
    }
  }
}

const packages = [...dirs].map((d) => {
  const pkg = JSON.parse(readFileSync(join(root, d, 'package.json'), 'utf8'));
  const licenseFile = readdirSync(join(root, d)).find((f) => /^(licen[sc]e|copying)(\.(md|txt))?$/i.test(f));
  const license = typeof pkg.license === 'string' ? pkg.license : pkg.license?.type ?? (pkg.licenses ?? []).map((l) => l.type).join(' OR ') ?? 'UNKNOWN';
  return { name: pkg.name, version: pkg.version, license: license || 'UNKNOWN', homepage: pkg.homepage ?? pkg.repository?.url ?? pkg.repository ?? '', text: licenseFile ? readFileSync(join(root, d, licenseFile), 'utf8').trim() : null };
}).filter((p, i, all) => all.findIndex((q) => q.name === p.name && q.version === p.version) === i)
  .sort((a, b) => a.name.localeCompare(b.name));

/** Components compiled into a package's WebAssembly, which its own licence file does not cover. */
const EMBEDDED = {
  '@hpcc-js/wasm-graphviz': 'It contains Graphviz (https://graphviz.org), compiled to WebAssembly, under the Eclipse Public License 1.0 (https://graphviz.org/license/); Graphviz itself includes Expat (MIT licence).',
};

const out = [
  '# Third-party notices',
  '',
  'Gradscope bundles the following packages into the files it ships (dist/). Each is listed',
  'with the licence its package declares, followed by the licence text it carries.',
  '',
  '| package | version | licence |',
  '| --- | --- | --- |',
  ...packages.map((p) => `| ${p.name} | ${p.version} | ${p.license} |`),
  '',
];
for (const p of packages) {
  out.push(`## ${p.name} ${p.version} — ${p.license}`, '');
  if (p.homepage) out.push(String(p.homepage).replace(/^git\+/, ''), '');
  if (EMBEDDED[p.name]) out.push(EMBEDDED[p.name], '');
  out.push(p.text ? '```text\n' + p.text + '\n```' : `(No licence file in the package; its package.json declares ${p.license}.)`, '');
}
writeFileSync(join(root, 'THIRD_PARTY_NOTICES.md'), out.join('\n'));
const unknown = packages.filter((p) => p.license === 'UNKNOWN');
console.log(`THIRD_PARTY_NOTICES.md: ${packages.length} packages${unknown.length ? `; no licence declared: ${unknown.map((p) => p.name).join(', ')}` : ''}`);
if (!existsSync(join(root, 'LICENSE'))) console.warn('warning: no LICENSE file at the root');
