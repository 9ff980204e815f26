// `npm start`: builds and packages Gradscope (dist/gradscope.vsix), then opens it on
// examples/ — in the local VS Code (`code` on the PATH) if there is one, otherwise in the
// project's own VS Code served on localhost (code-server from scripts/setup-vscode.mjs),
// printing its URL and running until Ctrl-C.
//
//   npm start                          PORT=9000 npm start
//   GRADSCOPE_CODE_SERVER=1 npm start  (use the served VS Code even when `code` exists)
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const vsix = join(root, 'dist', 'gradscope.vsix');
const examples = join(root, 'examples');
const say = (m) => console.log(`[gradscope] ${m}`);

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...opts });
  if (r.status !== 0) {
    console.error(`[gradscope] ${cmd} ${args.join(' ')} failed (${r.status ?? r.error?.message})`);
    process.exit(r.status || 1);
  }
}

/** The local VS Code command line, if any. */
function localCode() {
  if (process.env.GRADSCOPE_CODE_SERVER) return null;
  const r = spawnSync('code', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  return r.status === 0 ? 'code' : null;
}

/** PORT, else the first free port from 8080. */
async function choosePort() {
  if (process.env.PORT) return Number(process.env.PORT);
  for (let port = 8080; port < 8180; port++) {
    const free = await new Promise((done) => {
      const srv = createServer().once('error', () => done(false)).listen(port, '127.0.0.1', () => srv.close(() => done(true)));
    });
    if (free) return port;
  }
  throw new Error('no free port between 8080 and 8179; set PORT');
}

async function serve() {
  run(process.execPath, [join(root, 'scripts', 'setup-vscode.mjs')]);
  const entry = join(root, '.tools', 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  const profile = join(root, '.tools', 'start-profile');
  const userData = join(profile, 'user-data'), extensions = join(profile, 'extensions');
  mkdirSync(join(userData, 'User'), { recursive: true });
  const settings = join(userData, 'User', 'settings.json');
  if (!existsSync(settings)) {
    writeFileSync(settings, JSON.stringify({
      'workbench.startupEditor': 'none', 'telemetry.telemetryLevel': 'off', 'update.mode': 'none',
      'extensions.autoCheckUpdates': false, 'extensions.autoUpdate': false, 'workbench.tips.enabled': false,
    }, null, 2));
  }
  const common = ['--user-data-dir', userData, '--extensions-dir', extensions, '--config', join(profile, 'config.yaml')];
  say('installing dist/gradscope.vsix into the served VS Code');
  run(process.execPath, [entry, ...common, '--install-extension', vsix, '--force'], { stdio: ['ignore', 'ignore', 'inherit'] });
  const port = await choosePort();
  const child = spawn(process.execPath, [
    entry, ...common, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry', '--disable-update-check',
    '--disable-getting-started-override', examples,
  ], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let announced = false;
  const onOutput = (d) => {
    const text = String(d);
    if (process.env.GRADSCOPE_VERBOSE) process.stderr.write(text);
    if (!announced && /HTTP server listening/.test(text)) {
      announced = true;
      say(`Gradscope is open on examples/ at  http://127.0.0.1:${port}/?folder=${encodeURIComponent(examples)}`);
      say('Open that URL in a browser; trust the folder when asked. Ctrl-C stops the server.');
    }
  };
  child.stdout.on('data', onOutput);
  child.stderr.on('data', onOutput);
  const stop = () => { try { process.kill(-child.pid, 'SIGTERM'); } catch { /* gone */ } };
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.once(sig, () => { stop(); process.exit(0); });
  child.on('exit', (code) => { say(`the VS Code server exited (${code})`); process.exit(code ?? 0); });
}

say('building and packaging');
run('npm', ['run', '--silent', 'package']);
const code = localCode();
if (code) {
  say(`installing ${vsix} into the local VS Code`);
  run(code, ['--install-extension', vsix, '--force']);
  say('opening examples/');
  run(code, [examples]);
} else {
  say('no `code` command on this machine: serving VS Code locally instead');
  await serve();
}
