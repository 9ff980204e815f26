// The code-server process behind the e2e harness: a private profile (user data,
// extensions, XDG dirs) in a temp folder, a free port, a readiness probe, and a
// process-group kill so no extension host or pty host outlives a test.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The repository root (this file is test/e2e/code_server.ts). */
export const repoRoot = resolve(__dirname, '..', '..');
const entry = join(repoRoot, '.tools', 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js');

/** Settings that keep a fresh profile quiet and deterministic; callers may override any. */
export const defaultUserSettings: Record<string, unknown> = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'window.commandCenter': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'git.enabled': false,
  'files.simpleDialog.enable': true,
};

export interface ServerOptions {
  workspace: string;
  /** An unpacked extension folder (with package.json) to install before start. */
  extensionDevelopmentPath?: string;
  /** Use this extensions dir instead of a temp one (kept on close). */
  extensionsDir?: string;
  userSettings?: Record<string, unknown>;
  /** Pass --disable-workspace-trust (no trust dialog, no restricted mode). */
  disableWorkspaceTrust?: boolean;
  /** Copy the extension instead of symlinking it. */
  copyExtension?: boolean;
}

/** A running code-server; `stop()` kills its process group and removes its profile, once. */
export interface Server {
  port: number;
  url: string;
  profileDir: string;
  userDataDir: string;
  output(): string;
  stop(): Promise<void>;
}

/** A port the OS just handed out; code-server binds it a moment later. */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const srv = createServer();
    srv.once('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? done(addr.port) : fail(new Error('no port'))));
    });
  });
}

/** Installs an unpacked extension as `<publisher>.<name>-<version>` (how VS Code names it). */
export function installExtension(extensionPath: string, extensionsDir: string, copy = false): string {
  const manifestPath = join(extensionPath, 'package.json');
  if (!existsSync(manifestPath)) throw new Error(`e2e: no package.json in extension folder ${extensionPath}`);
  const m = JSON.parse(readFileSync(manifestPath, 'utf8')) as { publisher?: string; name?: string; version?: string };
  if (!m.publisher || !m.name || !m.version) {
    throw new Error(`e2e: ${manifestPath} needs publisher, name and version (got ${m.publisher}.${m.name}-${m.version})`);
  }
  const target = join(extensionsDir, `${m.publisher}.${m.name}-${m.version}`);
  rmSync(target, { recursive: true, force: true });
  mkdirSync(extensionsDir, { recursive: true });
  if (copy) cpSync(resolve(extensionPath), target, { recursive: true });
  else symlinkSync(resolve(extensionPath), target, 'dir');
  return target;
}

/** Starts code-server on a fresh profile and waits until it answers HTTP. */
export async function startServer(opts: ServerOptions): Promise<Server> {
  if (!existsSync(entry)) {
    throw new Error(`e2e: code-server is not installed (${entry} missing). Run: node scripts/setup-vscode.mjs`);
  }
  const profileDir = mkdtempSync(join(tmpdir(), 'gradscope-e2e-'));
  try {
    const userDataDir = join(profileDir, 'user-data');
    const extensionsDir = opts.extensionsDir ?? join(profileDir, 'extensions');
    mkdirSync(join(userDataDir, 'User'), { recursive: true });
    mkdirSync(extensionsDir, { recursive: true });
    const settings = { ...defaultUserSettings, ...opts.userSettings };
    writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
    if (opts.extensionDevelopmentPath) installExtension(opts.extensionDevelopmentPath, extensionsDir, opts.copyExtension);
    return await launchOnFreePort(opts, profileDir, userDataDir, extensionsDir);
  } catch (e) {
    removeProfile(profileDir);
    throw e;
  }
}

/** A port can be taken between freePort() and code-server's bind: try a few. */
async function launchOnFreePort(opts: ServerOptions, profileDir: string, userDataDir: string, extensionsDir: string): Promise<Server> {
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    const args = [
      entry, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`,
      '--disable-telemetry', '--disable-update-check', '--disable-getting-started-override',
      // Without --config, code-server writes ~/.config/code-server/config.yaml.
      '--config', join(profileDir, 'config.yaml'),
      '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir,
      ...(opts.disableWorkspaceTrust ? ['--disable-workspace-trust'] : []),
      resolve(opts.workspace),
    ];
    try {
      return await launch(args, port, profileDir, userDataDir);
    } catch (e) {
      lastError = e;
      if (!String(e).includes('EADDRINUSE')) break;
    }
  }
  throw lastError;
}

async function launch(args: string[], port: number, profileDir: string, userDataDir: string): Promise<Server> {
  const env = {
    ...process.env,
    // Keep code-server's own logs and state out of $HOME.
    XDG_DATA_HOME: join(profileDir, 'xdg-data'),
    XDG_CONFIG_HOME: join(profileDir, 'xdg-config'),
    XDG_CACHE_HOME: join(profileDir, 'xdg-cache'),
  };
  // detached: its own process group, so stop() can kill the extension host and friends too.
  const child = spawn(process.execPath, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  const server: Server = {
    port, url, profileDir, userDataDir,
    output: () => out,
    stop: once(async () => {
      await killGroup(child);
      untrack(server);
      removeProfile(profileDir);
    }),
  };
  track(server, child, profileDir);
  try {
    await waitForHttp(`${url}/healthz`, child, () => out, 60_000);
  } catch (e) {
    await killGroup(child);
    untrack(server);
    throw e;
  }
  return server;
}

async function waitForHttp(url: string, child: ChildProcess, output: () => string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`e2e: code-server exited (${child.exitCode ?? child.signalCode}) before answering ${url}:\n${output().slice(-3000)}`);
    }
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new Error(`e2e: code-server did not answer ${url} within ${timeoutMs / 1000}s:\n${output().slice(-3000)}`);
}

/**
 * Waits until the extension host has started and run its startup activations, read from
 * its log. Until then the workbench shows, but extensions' commands are not registered.
 */
export async function waitForExtensionHost(server: Server, timeoutMs = 60_000): Promise<void> {
  const logs = join(server.userDataDir, 'logs');
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const files = existsSync(logs) ? readdirSync(logs, { recursive: true, encoding: 'utf8' }) : [];
    const hostLogs = files.filter((f) => f.endsWith('remoteexthost.log')).map((f) => readFileSync(join(logs, f), 'utf8'));
    if (hostLogs.some((text) => text.includes('Eager extensions activated'))) return;
    await sleep(200);
  }
  throw new Error(`e2e: the extension host did not finish starting within ${timeoutMs / 1000}s (no "Eager extensions activated" in ${logs})`);
}

/** SIGTERM to the whole group, SIGKILL after a grace period. */
async function killGroup(child: ChildProcess): Promise<void> {
  const pid = child.pid;
  if (pid === undefined) return;
  const exited = new Promise<void>((r) => (child.exitCode !== null || child.signalCode !== null ? r() : child.once('exit', () => r())));
  signalGroup(pid, 'SIGTERM');
  const timedOut = await Promise.race([exited.then(() => false), sleep(5000).then(() => true)]);
  // The group may outlive its leader (extension host, watchers): always finish it off.
  signalGroup(pid, 'SIGKILL');
  if (timedOut) await Promise.race([exited, sleep(2000)]);
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // group already gone
  }
}

// unref: a pending grace timer must not keep the test process alive.
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms).unref());

function once(fn: () => Promise<void>): () => Promise<void> {
  let p: Promise<void> | undefined;
  return () => (p ??= fn());
}

/** Removes a profile dir unless GRADSCOPE_E2E_KEEP is set (to inspect settings and logs). */
function removeProfile(dir: string): void {
  if (process.env.GRADSCOPE_E2E_KEEP) return;
  try {
    rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  } catch {
    // best effort: a browser still shutting down may be writing into it
  }
}

// Servers still running when the test process ends (a crash, mocha's --exit, Ctrl-C):
// the one piece of module state, kept only so nothing outlives the run. code-server
// runs in its own process group, so a terminal's Ctrl-C would not reach it.
const live = new Map<Server, { pid: number; profileDir: string }>();
function track(server: Server, child: ChildProcess, profileDir: string): void {
  if (child.pid !== undefined) live.set(server, { pid: child.pid, profileDir });
}
function untrack(server: Server): void {
  live.delete(server);
}
function killAllSync(): void {
  for (const { pid, profileDir } of live.values()) {
    signalGroup(pid, 'SIGKILL');
    removeProfile(profileDir);
  }
  live.clear();
}
process.once('exit', killAllSync);
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.once(sig, () => {
    killAllSync();
    // Listening disabled the default action; restore it unless someone else (Playwright,
    // which closes its browsers and exits) handles the signal too.
    if (process.listenerCount(sig) === 0) process.kill(process.pid, sig);
  });
}
