// `gradscope`'s entry (dist/cli.js): loads the command line's bundle (dist/cli_main.js) through
// V8's code cache (dist/cli_main.cache, written at build time by a run of the spiral example), so
// a run starts with the bytecode of every function that run needed instead of compiling them
// one by one as they are first called. A cache V8 rejects (another Node, other V8 flags, a
// changed bundle) is ignored: the bundle then compiles as usual.
import './heap';
import '../node/wasm_flags';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Script } from 'node:vm';

const file = join(__dirname, 'cli_main.js'), cacheFile = join(__dirname, 'cli_main.cache');
// GRADSCOPE_WRITE_CODE_CACHE=1: compile afresh and write the cache after the run (the build does this).
const writing = process.env.GRADSCOPE_WRITE_CODE_CACHE === '1';
const source = readFileSync(file, 'utf8');
const cachedData = !writing && existsSync(cacheFile) ? readFileSync(cacheFile) : undefined;
// The wrapper of Node's CommonJS loader: the bundle sees the same exports, require and paths.
const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: file, cachedData });
if (process.env.GRADSCOPE_CODE_CACHE_REPORT === '1') {
  process.stderr.write(`code cache: ${cachedData === undefined ? 'none' : script.cachedDataRejected ? 'rejected' : 'accepted'}\n`);
}
const mod = { exports: {} as { runCli(argv: string[], beforeExit?: () => void): void } };
(script.runInThisContext() as (...a: unknown[]) => void)(mod.exports, createRequire(file), mod, file, __dirname);
mod.exports.runCli(process.argv.slice(2), writing ? () => writeFileSync(cacheFile, script.createCachedData()) : undefined);
