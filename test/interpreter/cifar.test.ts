// CIFAR10 / CIFAR100 from a Python script (scripts/cifar): each script runs, as in
// expect_runner, over a temporary folder holding it and the fixture archives of
// test/fixtures/cifar, the way a user keeps cifar-10-python.tar.gz next to the script;
// a script named *_without_files.py runs without them.
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkRun, parseExpectations, runScriptIn } from './expect_runner';

const scripts = join(__dirname, 'scripts', 'cifar');
const archives = join(__dirname, '..', 'fixtures', 'cifar');

describe('cifar scripts', () => {
  for (const file of readdirSync(scripts).filter((f) => f.endsWith('.py')).sort()) {
    it(file, () => {
      const folder = mkdtempSync(join(tmpdir(), 'gradscope-cifar-'));
      try {
        copyFileSync(join(scripts, file), join(folder, file));
        const withFiles = !file.endsWith('_without_files.py');
        for (const a of withFiles ? ['cifar-10-python.tar.gz', 'cifar-100-python.tar.gz'] : []) copyFileSync(join(archives, a), join(folder, a));
        checkRun(runScriptIn(folder, file), parseExpectations(readFileSync(join(scripts, file), 'utf8')));
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    });
  }
});
