// The layering rule (DESIGN: the server imports the interpreter's parser only): the
// bundled server reaches no interpreter file that the parser does not, and nothing of
// the engine. The client helper bundles too, with `vscode` left to the host.
import { strict as assert } from 'node:assert';
import { build } from 'esbuild';

async function inputs(entry: string, external: string[] = []): Promise<string[]> {
  const r = await build({ entryPoints: [entry], bundle: true, write: false, metafile: true, platform: 'node', format: 'cjs', external, logLevel: 'silent' });
  return Object.keys(r.metafile.inputs).filter((f) => f.startsWith('src/'));
}

describe('server bundle', function () {
  this.timeout(30000);

  it('uses only the parser side of the interpreter, and no engine', async () => {
    const server = await inputs('src/server/server.ts');
    const parser = new Set(await inputs('src/interpreter/parser.ts'));
    const interpreter = server.filter((f) => f.startsWith('src/interpreter/'));
    assert.ok(interpreter.includes('src/interpreter/parser.ts'));
    assert.deepEqual(interpreter.filter((f) => !parser.has(f)), []);
    assert.deepEqual(server.filter((f) => !f.startsWith('src/server/') && !f.startsWith('src/interpreter/')), []);
  });

  it('the language client helper bundles with vscode external', async () => {
    const client = await inputs('src/extension/language_client.ts', ['vscode']);
    assert.deepEqual(client, ['src/extension/language_client.ts']);
  });
});
