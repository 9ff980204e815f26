// Grammar tests with vscode-tmgrammar-test: unit assertions (cases/*.test.*) and snapshots
// (snapshots/*), against the DOT grammar and the DeZero injection over a stand-in Python
// grammar; plus the injection over VS Code's real Python grammar when one is installed.
// UPDATE_SNAPSHOTS=1 npx mocha --no-config -r tsx/cjs test/syntaxes/grammars.test.ts rewrites
// the .snap files and the generated injection grammar.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { createRegistry } from 'vscode-tmgrammar-test/dist/common/index.js';
import { injectionGrammarText } from '../../src/server/api/grammar';

const ROOT = resolve(__dirname, '../..');
const HERE = join(ROOT, 'test/syntaxes');
const CONFIG = join(HERE, 'grammars.json');
const INJECTION = join(ROOT, 'syntaxes/dezero.injection.tmLanguage.json');
const UPDATE = process.env.UPDATE_SNAPSHOTS === '1';
const TOOL = join(ROOT, 'node_modules/vscode-tmgrammar-test/dist');
const MAGIC_PYTHON = join(ROOT, '.tools/code-server/node_modules/code-server/lib/vscode/extensions/python/syntaxes/MagicPython.tmLanguage.json');

function run(tool: 'unit' | 'snapshot', args: string[]): { status: number | null; out: string } {
  const r = spawnSync(process.execPath, [join(TOOL, `${tool}.js`), ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

/** A package.json-shaped config in a temp folder, with paths relative to it as the tool expects. */
function tempConfig(grammars: { scopeName: string; path: string; language?: string; injectTo?: string[] }[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'gradscope-grammars-'));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'package.json');
  const contributes = {
    languages: [{ id: 'python', extensions: ['.py'] }],
    grammars: grammars.map((g) => ({ ...g, path: relative(dir, g.path) })),
  };
  writeFileSync(file, JSON.stringify({ contributes }));
  return file;
}

type Grammar = NonNullable<Awaited<ReturnType<ReturnType<typeof createRegistry>['loadGrammar']>>>;
type Stack = Parameters<Grammar['tokenizeLine']>[1];

/** The JSON blocks of CONTRIBUTIONS.md, parsed. */
function contributionBlocks(): Record<string, unknown>[] {
  const md = readFileSync(join(ROOT, 'src/server/CONTRIBUTIONS.md'), 'utf8');
  return [...md.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => JSON.parse(m[1]) as Record<string, unknown>);
}

describe('grammars', function () {
  this.timeout(60000);

  it('the injection grammar is exactly what the API tables generate', () => {
    const expected = injectionGrammarText();
    if (UPDATE) writeFileSync(INJECTION, expected);
    assert.equal(readFileSync(INJECTION, 'utf8'), expected, 'regenerate with UPDATE_SNAPSHOTS=1');
  });

  it('grammar and configuration files are valid JSON whose regexes compile', () => {
    for (const f of ['syntaxes/dot.tmLanguage.json', 'syntaxes/dezero.injection.tmLanguage.json', 'syntaxes/dot.language-configuration.json']) {
      JSON.parse(readFileSync(join(ROOT, f), 'utf8'));
    }
    const conf = JSON.parse(readFileSync(join(ROOT, 'syntaxes/dot.language-configuration.json'), 'utf8'));
    assert.deepEqual(conf.comments, { lineComment: '//', blockComment: ['/*', '*/'] });
    assert.deepEqual(conf.brackets, [['{', '}'], ['[', ']']]);
    new RegExp(conf.wordPattern, 'u');
    new RegExp(conf.indentationRules.increaseIndentPattern, 'u');
    new RegExp(conf.indentationRules.decreaseIndentPattern, 'u');
  });

  it('CONTRIBUTIONS.md fragments point at real files with matching scope names', () => {
    const blocks = contributionBlocks();
    assert.ok(blocks.length >= 2);
    const contributes = blocks.map((b) => b.contributes as { languages?: { id: string; extensions: string[]; configuration?: string }[]; grammars?: { scopeName: string; path: string; language?: string; injectTo?: string[] }[] } | undefined).filter((c) => c !== undefined);
    const grammars = contributes.flatMap((c) => c.grammars ?? []);
    const languages = contributes.flatMap((c) => c.languages ?? []);
    for (const g of grammars) {
      const file = join(ROOT, g.path);
      assert.ok(existsSync(file), g.path);
      assert.equal(JSON.parse(readFileSync(file, 'utf8')).scopeName, g.scopeName, g.path);
    }
    const dot = languages.find((l) => l.id === 'dot')!;
    assert.deepEqual(dot.extensions, ['.dot', '.gv']);
    assert.ok(existsSync(join(ROOT, dot.configuration!)));
    assert.deepEqual(grammars.find((g) => g.scopeName === 'dezero.injection')!.injectTo, ['source.python']);
    // The test configuration uses the same grammars (plus a stand-in Python).
    const test = JSON.parse(readFileSync(CONFIG, 'utf8')).contributes.grammars as { scopeName: string; path: string }[];
    for (const g of grammars) assert.equal(resolve(HERE, test.find((t) => t.scopeName === g.scopeName)!.path), join(ROOT, g.path));
  });

  it('unit assertions hold (vscode-tmgrammar-test)', () => {
    const r = run('unit', ['--config', CONFIG, 'test/syntaxes/cases/*.test.*']);
    assert.equal(r.status, 0, r.out);
    assert.match(r.out, /injection\.test\.py run successfuly/);
    assert.match(r.out, /graph\.test\.dot run successfuly/);
  });

  it('snapshots match (vscode-tmgrammar-snap)', () => {
    const dir = join(HERE, 'snapshots');
    const cases = readdirSync(dir).filter((f) => !f.endsWith('.snap'));
    assert.ok(cases.length >= 3);
    if (!UPDATE) for (const c of cases) assert.ok(existsSync(join(dir, `${c}.snap`)), `${c}.snap is missing: run with UPDATE_SNAPSHOTS=1 and review it`);
    const r = run('snapshot', [...(UPDATE ? ['--updateSnapshot'] : []), '--config', CONFIG, ...cases.map((c) => `test/syntaxes/snapshots/${c}`)]);
    assert.equal(r.status, 0, r.out);
    assert.doesNotMatch(r.out, /Generating snapshot/);
  });

  if (existsSync(MAGIC_PYTHON)) {
    describe('over VS Code’s own Python grammar', () => {
      it('unit assertions hold', () => {
        const config = tempConfig([
          { scopeName: 'dezero.injection', path: INJECTION, injectTo: ['source.python'] },
          { language: 'python', scopeName: 'source.python', path: MAGIC_PYTHON },
        ]);
        const r = run('unit', ['--config', config, 'test/syntaxes/cases/*.test.py']);
        assert.equal(r.status, 0, r.out);
      });

      it('changes only the scopes of DeZero names, never the structure around them', async () => {
        const plain = await createRegistry([{ scopeName: 'source.python', path: MAGIC_PYTHON }]).loadGrammar('source.python');
        const injected = await createRegistry([
          { scopeName: 'source.python', path: MAGIC_PYTHON },
          { scopeName: 'dezero.injection', path: INJECTION, injectTo: ['source.python'] },
        ]).loadGrammar('source.python');
        const lines = readFileSync(join(HERE, 'snapshots/newton.py'), 'utf8').split('\n');
        let s1: Stack = null, s2: Stack = null;
        const ours = /\.dezero$/;
        let marked = 0;
        for (const line of lines) {
          const a = plain!.tokenizeLine(line, s1), b = injected!.tokenizeLine(line, s2);
          s1 = a.ruleStack; s2 = b.ruleStack;
          const scopesAt = (toks: typeof a.tokens, i: number) => toks.find((t) => t.startIndex <= i && i < t.endIndex)?.scopes ?? [];
          for (let i = 0; i < line.length; i++) {
            const x = scopesAt(a.tokens, i), y = scopesAt(b.tokens, i);
            if (y.some((s) => ours.test(s))) {
              marked++;
              // Ours replaces the generic name scope (or adds to a plain one), nothing else.
              const rest = y.filter((s) => !ours.test(s));
              const base = x.filter((s) => s !== 'meta.function-call.generic.python' && s !== 'meta.attribute.python');
              assert.deepEqual(rest, base, `${line}\n${' '.repeat(i)}^`);
            } else {
              assert.deepEqual(y, x, `${line}\n${' '.repeat(i)}^`);
            }
          }
        }
        assert.ok(marked > 50, `${marked} characters marked`);
      });
    });
  }
});
