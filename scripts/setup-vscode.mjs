// Installs a real VS Code (code-server, driven in Chromium) for `npm start` and the e2e
// tests, without the internet downloads its own install scripts would make: Debian
// packages from apt, code-server from the npm registry, native modules rebuilt against
// /usr's Node headers. Idempotent: a stamp file makes a second run a fast no-op, and an
// install without the stamp (interrupted or failed) is wiped and redone.
//
//   node scripts/setup-vscode.mjs [--quiet]    --quiet: print nothing when already ready
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, chmodSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The newest code-server whose `engines.node` is 20 (VS Code 1.100.3). */
const CODE_SERVER_VERSION = '4.100.3';
const APT_PACKAGES = ['chromium', 'libkrb5-dev', 'ripgrep'];
const NATIVE_MODULES = ['@parcel/watcher', '@vscode/spdlog', 'kerberos', 'native-watchdog', 'node-pty', '@vscode/deviceid'];
const NPM_QUIET = ['--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'];

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const toolsDir = join(root, '.tools', 'code-server');
const stamp = join(toolsDir, '.ready');
const serverDir = join(toolsDir, 'node_modules', 'code-server');
const vscodeDir = join(serverDir, 'lib', 'vscode');
const quiet = process.argv.includes('--quiet');
const t0 = Date.now();

const elapsed = () => `${((Date.now() - t0) / 1000).toFixed(1)}s`;
const log = (msg) => console.log(`[setup-vscode ${elapsed().padStart(6)}] ${msg}`);

// Each step runs in its own process group (detached) so that a failure or an interrupt
// can end it whole: node-gyp's make and compilers included.
const running = new Set();
function killRunning() {
  for (const child of running) {
    try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
  }
  running.clear();
}
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.once(sig, () => {
    killRunning();
    console.error(`[setup-vscode] interrupted (${sig}); the next run starts the install over`);
    process.exit(130);
  });
}
process.once('exit', killRunning);

/** Runs a command, capturing its output; on failure prints the output's tail and exits. */
function run(cmd, args, opts = {}) {
  return new Promise((done) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true, ...opts });
    running.add(child);
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', (e) => fail(`${cmd}: ${e.message}`));
    child.on('close', (code) => {
      running.delete(child);
      if (code === 0) return done(out);
      fail(`\`${cmd} ${args.join(' ')}\` failed (exit ${code}) in ${opts.cwd ?? process.cwd()}:\n${out.slice(-4000)}`);
    });
  });
}

function fail(msg) {
  console.error(`[setup-vscode] ERROR: ${msg}`);
  // Parallel steps still running would otherwise keep writing into the install.
  killRunning();
  process.exit(1);
}

function missingAptPackages() {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Package} ${Status}\\n', ...APT_PACKAGES], { encoding: 'utf8' });
  const installed = new Set((r.stdout ?? '').split('\n').filter((l) => l.endsWith(' installed')).map((l) => l.split(' ')[0]));
  return APT_PACKAGES.filter((p) => !installed.has(p));
}

async function ensureAptPackages() {
  const missing = missingAptPackages();
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) {
    fail(`missing Debian packages: ${missing.join(' ')}. Install them as root and rerun:\n` +
      `  sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing.join(' ')}`);
  }
  // Wait for a concurrent apt/dpkg (e.g. unattended-upgrades) instead of failing on its lock.
  const lock = ['-o', 'DPkg::Lock::Timeout=300'];
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  log(`apt-get update (missing: ${missing.join(' ')})`);
  await run('apt-get', [...lock, 'update'], { env });
  log(`apt-get install ${missing.join(' ')}`);
  await run('apt-get', [...lock, 'install', '-y', '--no-install-recommends', ...missing], { env });
}

/** npm's bundled node-gyp: next to the running npm, else next to this node, else under `npm root -g`. */
function findNodeGyp() {
  const tail = join('node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
  const candidates = [
    process.env.npm_execpath && join(dirname(process.env.npm_execpath), '..', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
    join(dirname(process.execPath), '..', 'lib', tail),
  ];
  const found = candidates.find((c) => c && existsSync(c));
  if (found) return found;
  const r = spawnSync('npm', ['root', '-g'], { encoding: 'utf8' });
  const viaNpm = join(r.stdout.trim(), tail.replace(/^node_modules[\\/]/, ''));
  if (existsSync(viaNpm)) return viaNpm;
  fail(`cannot find npm's bundled node-gyp (looked in ${[...candidates.filter(Boolean), viaNpm].join(', ')})`);
}

/** Runs tasks with at most `limit` in flight. */
async function pool(tasks, limit) {
  const queue = [...tasks];
  const worker = async () => { while (queue.length) await queue.shift()(); };
  await Promise.all(Array.from({ length: Math.min(limit, queue.length) }, worker));
}

async function rebuildNativeModules() {
  const nodeGyp = findNodeGyp();
  // Headers from Debian's nodejs package, so node-gyp downloads nothing.
  const env = { ...process.env, npm_config_nodedir: '/usr' };
  const jobs = availableParallelism();
  const tasks = NATIVE_MODULES.map((name) => async () => {
    const dir = join(vscodeDir, 'node_modules', name);
    if (!existsSync(join(dir, 'binding.gyp'))) fail(`${name}: no binding.gyp in ${dir}`);
    await run(process.execPath, [nodeGyp, 'rebuild', '--nodedir=/usr', `--jobs=${jobs}`], { cwd: dir, env });
    log(`  built ${name}`);
  });
  // argon2 is hoisted beside code-server; build_from_source skips node-pre-gyp's GitHub download.
  const argon2 = async () => {
    await run('npm', ['rebuild', 'argon2', ...NPM_QUIET], { cwd: toolsDir, env: { ...env, npm_config_build_from_source: 'true' } });
    log('  built argon2');
  };
  await pool([argon2, ...tasks], jobs);
}

/** Loads every native module once, so a broken build fails here rather than in a test. */
async function checkNativeModules() {
  const probe = NATIVE_MODULES.map((n) => `require(${JSON.stringify(n)});`).join('');
  await run(process.execPath, ['-e', probe], { cwd: vscodeDir });
  await run(process.execPath, ['-e', 'require("argon2")'], { cwd: serverDir });
}

/** Downloads code-server and VS Code's production dependencies, install scripts off. */
async function fetchCodeServer() {
  if (existsSync(toolsDir)) {
    log(`removing partial install in ${toolsDir}`);
    rmSync(toolsDir, { recursive: true, force: true });
  }
  mkdirSync(toolsDir, { recursive: true });
  writeFileSync(join(toolsDir, 'package.json'), JSON.stringify({ name: 'gradscope-tools', private: true }, null, 2) + '\n');
  log(`npm install code-server@${CODE_SERVER_VERSION}`);
  await run('npm', ['install', '--ignore-scripts', ...NPM_QUIET, `code-server@${CODE_SERVER_VERSION}`], { cwd: toolsDir });
  log('npm install (lib/vscode production dependencies)');
  await run('npm', ['install', '--omit=dev', '--ignore-scripts', ...NPM_QUIET], { cwd: vscodeDir });
}

/** Does by hand what the skipped install scripts would have done, then writes the stamp. */
async function buildCodeServer() {
  // VS Code's ripgrep package would download rg from GitHub; Debian's works the same.
  const rg = join(vscodeDir, 'node_modules', '@vscode', 'ripgrep', 'bin', 'rg');
  mkdirSync(dirname(rg), { recursive: true });
  copyFileSync('/usr/bin/rg', rg);
  chmodSync(rg, 0o755);
  // VS Code resolves its modules through node_modules.asar in a packaged build.
  symlinkSync('node_modules', join(vscodeDir, 'node_modules.asar'));

  log('rebuilding native modules against /usr headers');
  await rebuildNativeModules();
  await checkNativeModules();
  writeFileSync(stamp, CODE_SERVER_VERSION + '\n');
}

function isReady() {
  try {
    return readFileSync(stamp, 'utf8').trim() === CODE_SERVER_VERSION && existsSync(join(serverDir, 'out', 'node', 'entry.js'));
  } catch {
    return false;
  }
}

async function main() {
  if (isReady() && missingAptPackages().length === 0) {
    if (!quiet) log(`code-server ${CODE_SERVER_VERSION} ready in ${toolsDir}`);
    return;
  }
  log(`setting up code-server ${CODE_SERVER_VERSION} in ${toolsDir}`);
  if (isReady()) {
    await ensureAptPackages();
  } else {
    // apt and npm downloads overlap; the build needs both (libkrb5-dev, rg).
    await Promise.all([ensureAptPackages(), fetchCodeServer()]);
    await buildCodeServer();
  }
  log(`done: code-server ${CODE_SERVER_VERSION} ready (total ${elapsed()})`);
}

await main();
