// The browser tests' harness: snapshot fixtures built with the engine, a tiny static server
// (dist/webview/ at /, fixtures at /fixtures/), Debian's Chromium driven by playwright-core
// with a fresh profile, and helpers to talk to the standalone page's test hook.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { Config, F, Variable } from '../../src/engine/index';
import { buildSnapshot, snapshotToJson } from '../../src/graph/index';
import type { GraphSnapshot, HostMessage, PanelState, WebviewMessage } from '../../src/protocol/messages';
import { seeded } from '../helpers/gradcheck';
import { recording, rnnStep, tanhDerivatives, tanhNinth, type Built } from '../helpers/graphs';

export const repoRoot = resolve(__dirname, '..', '..');
export const resultsDir = join(repoRoot, 'test-results', 'webview');
const distDir = join(repoRoot, 'dist', 'webview');
const fixturesDir = join(resultsDir, 'fixtures');

const CHROMIUM = '/usr/bin/chromium';
const ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
];

/** tanh's 2nd derivative with source sites (line k for the k-th function made), as locals x, y, gx1, gx2. */
export function tanh2(): Built {
  let line = 0;
  const prev = Config.siteHook;
  Config.siteHook = () => ({ file: 'tanh.py', line: ++line, col: 4, endLine: line, endCol: 20 });
  try { return tanhDerivatives(2, { title: "tanh''" }); } finally { Config.siteHook = prev; }
}

/**
 * What a panel receives while someone steps through an RNN over `steps` steps statement by
 * statement: a snapshot of the locals after every statement that adds to the graph (same ids
 * throughout, growing from 3 nodes to about 17 a step), then one after loss.backward().
 */
export function steppedRnn(steps: number): GraphSnapshot[] {
  return recording((rec) => {
    const Wx = new Variable(seeded([3, 8], 1), 'Wx'), Wh = new Variable(seeded([8, 8], 2), 'Wh'), Wo = new Variable(seeded([8, 1], 4), 'Wo');
    const out: GraphSnapshot[] = [];
    const locals: Record<string, Variable> = {};
    const stop = (name: string, v: Variable) => {
      locals[name] = v;
      out.push(buildSnapshot(Object.entries(locals).map(([n, variable]) => ({ name: n, variable })), { backward: rec.last }));
    };
    let h: Variable | null = null;
    for (let t = 0; t < steps; t++) {
      const a = F.linear(new Variable(seeded([1, 3], 100 + t), `x${t}`), Wx, null);
      stop('a', a);
      if (h) stop('a', F.add(a, F.matmul(h, Wh)));
      h = F.tanh(locals.a);
      stop('h', h);
      const l = F.meanSquaredError(F.matmul(h, Wo), new Variable(seeded([1, 1], 500 + t)));
      stop('loss', locals.loss ? F.add(locals.loss, l) : l);
    }
    locals.loss.backward();
    stop('loss', locals.loss);
    return out;
  });
}

let rnn: { before: Built; after: Built } | undefined;
/** An unrolled RNN of exactly 1,000 nodes, before and after loss.backward() (same structure). */
function rnn1000(which: 'before' | 'after'): Built {
  rnn ??= rnnStep(59);
  if (rnn.after.snapshot.nodes.length !== 1000) throw new Error(`expected 1000 nodes, got ${rnn.after.snapshot.nodes.length}`);
  return rnn[which];
}

const builders = {
  tanh2, tanh3: () => tanhDerivatives(3), ninth: tanhNinth,
  rnn1000: () => rnn1000('after'), rnn1000before: () => rnn1000('before'),
} satisfies Record<string, () => Built>;
const built = new Map<string, Built>();

/** Builds (once per process) and writes a fixture; returns it and its URL path. */
export function fixture(name: keyof typeof builders): Built & { path: string } {
  let b = built.get(name);
  if (!b) {
    b = builders[name]();
    built.set(name, b);
    mkdirSync(fixturesDir, { recursive: true });
    writeFileSync(join(fixturesDir, `${name}.json`), snapshotToJson(b.snapshot));
  }
  return { ...b, path: `/fixtures/${name}.json` };
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.map': 'application/json',
};

function serve(): Promise<Server> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const [base, rel] = url.pathname.startsWith('/fixtures/') ? [fixturesDir, url.pathname.slice(10)] : [distDir, url.pathname.slice(1)];
    const file = normalize(join(base, decodeURIComponent(rel)));
    if (!file.startsWith(base)) { res.writeHead(403).end(); return; }
    try {
      const body = readFileSync(file);
      res.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' }).end(body);
    } catch { res.writeHead(404).end(); }
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

export interface Env {
  url: string;
  context: BrowserContext;
  /** Console errors and page errors of every page opened (CSP violations show up here). */
  errors: string[];
  /** Opens the standalone page with a query string and waits until it is idle. */
  open(query?: string, viewport?: { width: number; height: number }): Promise<Page>;
}

/** Registers before/after hooks that start the server and the browser for a test file. */
export function useEnv(): Env {
  let server: Server | undefined;
  let profile = '';
  const env = { url: '', errors: [] as string[] } as Env;
  before(async function () {
    this.timeout(120_000);
    server = await serve();
    env.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    profile = mkdtempSync(join(tmpdir(), 'gradscope-webview-'));
    env.context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: ARGS, headless: true, viewport: { width: 1280, height: 800 }, timeout: 60_000 });
    env.open = async (query = '', viewport) => {
      const page = await env.context.newPage();
      if (viewport) await page.setViewportSize(viewport);
      page.on('console', (m) => { if (m.type() === 'error') env.errors.push(m.text()); });
      page.on('pageerror', (e) => env.errors.push(`pageerror: ${e.message}`));
      await page.goto(`${env.url}/standalone.html?${query}`, { waitUntil: 'load' });
      await page.waitForFunction(() => (globalThis as unknown as Partial<PageWindow>).__gradscope !== undefined);
      if (query.includes('snapshot=')) {
        await page.waitForFunction(() => (globalThis as unknown as PageWindow).__gradscope.timings.firstRenderAt > 0, undefined, { timeout: 120_000 });
      }
      await idle(page);
      return page;
    };
  });
  after(async () => {
    await env.context?.close().catch(() => undefined);
    await new Promise((ok) => (server ? server.close(ok) : ok(undefined)));
    if (profile) rmSync(profile, { recursive: true, force: true });
  });
  return env;
}

/** The parts of the page's window the tests use (the panel's test hook, the fake host, the DOM). */
export interface PageElement {
  getAttribute(name: string): string | null;
  textContent: string | null;
  classList: { contains(c: string): boolean };
}
export interface PageWindow {
  __gradscope: {
    layoutCount(): number; restarts(): number; timings: Record<string, number>;
    startup(): { created: number; started: number; unpacked: number; loaded: number; warmed: number; ready: number } | null; state(): PanelState; idle(): Promise<void>;
    receive(m: unknown): void; rejected: string[]; layoutDot(dot: string): Promise<number>;
    view(): { nodes: number; edges: number; folded: boolean; total: number } | null;
  };
  __gradscopeHost: { posted: WebviewMessage[] };
  document: { querySelectorAll(s: string): ArrayLike<PageElement>; querySelector(s: string): PageElement | null };
  getComputedStyle(e: PageElement): { fill: string; stroke: string; opacity: string };
  postMessage(m: unknown, origin: string): void;
  performance: { now(): number };
}

/** The page's window, inside page.evaluate callbacks. */
export const W = (): PageWindow => globalThis as unknown as PageWindow;

export const idle = (page: Page): Promise<void> => page.evaluate(() => (globalThis as unknown as PageWindow).__gradscope.idle());

/** Delivers a host message as VS Code does (a window message event), then waits until idle. */
export async function post(page: Page, m: HostMessage | unknown): Promise<void> {
  await page.evaluate((msg) => (globalThis as unknown as PageWindow).postMessage(msg, '*'), m);
  await page.evaluate(() => new Promise((ok) => setTimeout(ok, 0)));
  await idle(page);
}

/** data-id of the drawn nodes matching a CSS selector. */
export function ids(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((sel) => Array.from((globalThis as unknown as PageWindow).document.querySelectorAll(`svg#graph ${sel}`), (e) => e.getAttribute('data-id') ?? ''), selector);
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(resultsDir, { recursive: true });
  const file = join(resultsDir, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

export const snapshotMessage = (snapshot: GraphSnapshot, seq = 1): HostMessage => ({ type: 'snapshot', seq, snapshot });
