// A real VS Code for end-to-end tests: code-server (installed by
// scripts/setup-vscode.mjs) on a private profile, driven in Debian's Chromium by
// playwright-core. `startVSCode` returns once the workbench is ready and trusted;
// `close()` ends code-server, its children and the browser.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Frame, type Page } from 'playwright-core';
import { repoRoot, startServer, waitForExtensionHost, type Server, type ServerOptions } from './code_server';
import * as wb from './workbench';

export { defaultUserSettings } from './code_server';

/** Where screenshots and saved logs go (git-ignored). */
export const resultsDir = join(repoRoot, 'test-results', 'e2e');

const CHROMIUM = process.env.GRADSCOPE_E2E_CHROMIUM ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-dev-shm-usage',
];

export type StartOptions = ServerOptions;

/** A running VS Code in a browser page. */
export interface VSCode {
  page: Page;
  /** code-server's base URL, e.g. http://127.0.0.1:41234 */
  url: string;
  /** The user-data dir (settings, logs/ with the extension host's log). */
  userDataDir: string;
  /** Runs a command by its palette label (F1, type, Enter). */
  runCommand(title: string, timeoutMs?: number): Promise<void>;
  /** Quick-opens a workspace-relative file and waits for its tab. */
  openFile(relPath: string, timeoutMs?: number): Promise<void>;
  /** Waits for a notification toast containing `text`; returns its message. */
  notification(text: string | RegExp, timeoutMs?: number): Promise<string>;
  /** Saves `test-results/e2e/<name>.png`; returns its path. */
  screenshot(name: string): Promise<string>;
  /** Frames belonging to webviews (outer host frames and inner content frames). */
  webviewFrames(): Frame[];
  /** The webview frame that contains `selector`, waiting for it to appear. */
  webviewFrameWith(selector: string, timeoutMs?: number): Promise<Frame>;
  /** code-server's stdout/stderr, VS Code's log files (extension host…), the browser's console errors. */
  logs(): string;
  /** Writes `logs()` to `test-results/e2e/<name>.log`; returns its path. */
  saveLogs(name: string): string;
  /** Closes the browser, kills code-server's process group, removes temp dirs. Idempotent. */
  close(): Promise<void>;
}

/** Starts code-server on `workspace`, opens it in Chromium, trusts it, waits for the workbench and extension host. */
export async function startVSCode(opts: StartOptions): Promise<VSCode> {
  const server = await startServer(opts);
  // Inside the server's profile, so one removal (or GRADSCOPE_E2E_KEEP) covers both.
  const browserProfile = join(server.profileDir, 'chromium');
  const consoleLines: string[] = [];
  let context: BrowserContext | undefined;
  const close = once(async () => {
    await context?.close().catch(() => undefined);
    await server.stop();
  });
  try {
    // launchPersistentContext, because Playwright refuses --user-data-dir in args.
    // XDG_* too: Chromium keeps crash reports under $XDG_CONFIG_HOME/chromium whatever the profile.
    const xdg = { XDG_CONFIG_HOME: join(browserProfile, 'xdg-config'), XDG_CACHE_HOME: join(browserProfile, 'xdg-cache') };
    context = await chromium.launchPersistentContext(browserProfile, {
      executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true, env: { ...process.env, ...xdg },
      viewport: { width: 1600, height: 1000 }, timeout: 60_000,
    });
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('console', (m) => { if (m.type() === 'error') consoleLines.push(m.text()); });
    page.on('pageerror', (e) => consoleLines.push(`pageerror: ${e.message}`));
    await page.goto(`${server.url}/?folder=${encodeURIComponent(resolve(opts.workspace))}`, { waitUntil: 'domcontentloaded', timeout: 60_000 });
    await wb.waitForWorkbench(page);
    if (trustPromptExpected(opts)) await wb.acceptWorkspaceTrust(page);
    await waitForExtensionHost(server);
    return handle(page, server, consoleLines, close);
  } catch (e) {
    const where = `code-server output:\n${server.output().slice(-3000)}`;
    await close();
    throw new Error(`${(e as Error).message}\n${where}`);
  }
}

/** Whether a fresh profile will show the startup trust dialog for this folder. */
function trustPromptExpected(opts: StartOptions): boolean {
  const s = opts.userSettings ?? {};
  return !opts.disableWorkspaceTrust && s['security.workspace.trust.enabled'] !== false &&
    s['security.workspace.trust.startupPrompt'] !== 'never';
}

function handle(page: Page, server: Server, consoleLines: string[], close: () => Promise<void>): VSCode {
  const logs = () => [
    `--- code-server ---\n${server.output()}`,
    ...vscodeLogFiles(server.userDataDir),
    `--- browser console errors ---\n${consoleLines.join('\n')}\n`,
  ].join('\n');
  return {
    page,
    url: server.url,
    userDataDir: server.userDataDir,
    runCommand: (title, t) => wb.runCommand(page, title, t),
    openFile: (relPath, t) => wb.openFile(page, relPath, t),
    notification: (text, t) => wb.waitForNotification(page, text, t),
    screenshot: async (name) => {
      mkdirSync(resultsDir, { recursive: true });
      const path = join(resultsDir, `${name}.png`);
      await page.screenshot({ path });
      return path;
    },
    webviewFrames: () => wb.webviewFrames(page),
    webviewFrameWith: (selector, t) => wb.findWebviewFrame(page, selector, t),
    logs,
    saveLogs: (name) => {
      mkdirSync(resultsDir, { recursive: true });
      const path = join(resultsDir, `${name}.log`);
      writeFileSync(path, logs());
      return path;
    },
    close,
  };
}

/** VS Code's own logs (remote agent, extension host: activation errors land here). */
function vscodeLogFiles(userDataDir: string): string[] {
  const dir = join(userDataDir, 'logs');
  if (!existsSync(dir)) return [];
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.log')).sort();
  return files.map((f) => `--- ${f} ---\n${readFileSync(join(dir, f), 'utf8')}`);
}

function once(fn: () => Promise<void>): () => Promise<void> {
  let p: Promise<void> | undefined;
  return () => (p ??= fn());
}
