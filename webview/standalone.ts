// The standalone page: the panel in a plain browser with a fake host. Snapshot JSON files come
// from a file picker, drag and drop, or `?snapshot=<url>`; `?theme=dark|light|highContrast`
// picks the theme. Exports download; reveal requests are shown as a notice.
import workerSource from 'gradscope:layout-worker';
import type { ThemeKind, WebviewMessage } from '../src/protocol/messages';
import { App, type TestHook } from './app';
import { FakeHost } from './host';
import { LayoutClient } from './layout_client';

declare global {
  interface Window { __gradscope?: TestHook; __gradscopeHost?: FakeHost }
}

// First of all Graphviz's worker, which takes longest to get ready; the page starts after
// giving it a head start (it needs this thread for a moment).
const layout = new LayoutClient(workerSource);
let seq = 0;
let app: App;

function download(name: string, data: string): void {
  const a = document.createElement('a');
  const url = data.startsWith('data:') ? data : URL.createObjectURL(new Blob([data], { type: 'text/plain' }));
  a.href = url;
  a.download = name;
  a.click();
  if (!data.startsWith('data:')) setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function onPost(m: WebviewMessage): void {
  if (m.type === 'exportResult' && m.data !== null && m.requestId === null) download(`graph.${m.format}`, m.data);
  if (m.type === 'revealSource') app.notice(`Reveal ${m.site.file}:${m.site.line}:${m.site.col + 1} (${m.id})`);
}

/** Hands parsed JSON to the app as a host message, so it is validated like any other. */
function load(text: string, source: string): void {
  let snapshot: unknown;
  try { snapshot = JSON.parse(text); } catch (e) { app.notice(`${source} is not JSON: ${(e as Error).message}`, true); return; }
  app.receive({ type: 'snapshot', seq: ++seq, snapshot });
}

function filePicker(): void {
  const input = document.createElement('input');
  input.type = 'file';
  input.accept = '.json,application/json';
  input.id = 'open-file';
  input.hidden = true;
  input.addEventListener('change', () => { const f = input.files?.[0]; if (f) void f.text().then((t) => load(t, f.name)); });
  const open = document.createElement('button');
  open.id = 'open';
  open.textContent = 'Open…';
  open.title = 'Open a snapshot JSON file (or drop one on the page)';
  open.addEventListener('click', () => input.click());
  document.querySelector('#toolbar')!.prepend(open, input);
  document.addEventListener('dragover', (e) => { e.preventDefault(); document.body.classList.add('dragging'); });
  document.addEventListener('dragleave', (e) => { if (e.target === document.querySelector('#drop-hint')) document.body.classList.remove('dragging'); });
  document.addEventListener('drop', (e) => {
    e.preventDefault();
    document.body.classList.remove('dragging');
    const f = e.dataTransfer?.files[0];
    if (f) void f.text().then((t) => load(t, f.name));
  });
}

const params = new URLSearchParams(location.search);
const url = params.get('snapshot');
const fetched = url ? fetch(url).then((r) => (r.ok ? r.text() : Promise.reject(new Error(`HTTP ${r.status}`)))) : null;

function boot(): void {
  const host = new FakeHost(onPost);
  if (params.has('fresh')) sessionStorage.clear();
  app = new App(host, layout);
  window.__gradscope = app.hook;
  window.__gradscopeHost = host;
  const theme = params.get('theme');
  if (theme) app.receive({ type: 'theme', kind: (theme === 'dark' || theme === 'highContrast' || theme === 'highContrastLight' ? theme : 'light') satisfies ThemeKind });
  const threshold = params.get('overview');
  if (threshold) app.receive({ type: 'config', config: { overviewThreshold: Number(threshold), animateBelow: 300 } });
  filePicker();
  app.start();
  fetched?.then((t) => load(t, url!), (e: Error) => app.notice(`Could not load ${url}: ${e.message}`, true));
}

void layout.headStart().then(boot);
