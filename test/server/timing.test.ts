// Answers within 100 ms for a 1,000-line file: measured over the real transport (from
// sending a request, or a change, to its answer or its diagnostics) and printed. Every
// request follows an edit, so each one meets a version that has not been analysed yet.
import { strict as assert } from 'node:assert';
import type { Position } from 'vscode-languageserver/node';
import { analyze } from '../../src/server/analysis';
import { LspClient, positionOf } from './lsp_client';
import { dezeroScript } from './sample';

const URI = 'untitled:thousand.py';
const BUDGET_MS = 100;
const ROUNDS = 20;
const WARMUP = 3;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (xs: number[]) => `median ${median(xs).toFixed(1)} ms, max ${Math.max(...xs).toFixed(1)} ms`;

async function timed<T>(f: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const r = await f();
  return [r, performance.now() - t0];
}

describe('timing on a 1,000-line script', function () {
  this.timeout(60000);
  const text = dezeroScript(1000);
  const lines = text.split('\n').length;
  let client: LspClient;
  let version = 1;

  before(async () => { client = (await LspClient.start()).client; });
  after(async () => { await client.stop(); });

  /** Types a space at the start of the last line, or takes it away again: a new version, same positions. */
  async function edit(): Promise<void> {
    version++;
    const at: Position = { line: lines - 1, character: 0 };
    const insert = version % 2 === 0;
    await client.change(URI, version, [insert ? { range: { start: at, end: at }, text: ' ' } : { range: { start: at, end: { line: at.line, character: 1 } }, text: '' }]);
  }

  it(`builds a clean script of ${lines} lines`, () => {
    assert.ok(lines >= 1000 && lines < 1100);
    assert.deepEqual(analyze(text).diagnostics, []);
  });

  it('analyses in-process well within budget', () => {
    const times: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const t0 = performance.now();
      analyze(`${text}# ${i}`);
      times.push(performance.now() - t0);
    }
    console.log(`      analyze(): first ${times[0].toFixed(1)} ms; then ${fmt(times.slice(WARMUP))}`);
    assert.ok(median(times.slice(WARMUP)) < BUDGET_MS);
  });

  it('answers over stdio within 100 ms: diagnostics after a change, completion, hover, signature help', async () => {
    const [, open] = await timed(async () => { const p = client.diagnostics(URI, 1); await client.open(URI, text, 1); return p; });
    const diag: number[] = [], comp: number[] = [], hov: number[] = [], sig: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const [, d] = await timed(async () => {
        const v = version + 1;
        const p = client.diagnostics(URI, v);
        await edit();
        return p;
      });
      diag.push(d);
      await edit();
      const [items, c] = await timed(() => client.completion(URI, positionOf(text, 'loss = F.', 9)));
      assert.ok(items.some((i) => i.label === 'mean_squared_error'));
      comp.push(c);
      await edit();
      const [h, t] = await timed(() => client.hover(URI, positionOf(text, 'loss.backward', 7)));
      assert.ok(h);
      hov.push(t);
      await edit();
      const [s, u] = await timed(() => client.signatureHelp(URI, positionOf(text, 'create_graph=False', 13)));
      assert.equal(s?.activeParameter, 1);
      sig.push(u);
    }
    const rows: [string, number[]][] = [['didChange → diagnostics', diag], ['completion after F.', comp], ['hover on backward', hov], ['signature help', sig]];
    console.log(`      didOpen → diagnostics (cold server): ${open.toFixed(1)} ms`);
    for (const [name, xs] of rows) console.log(`      ${name.padEnd(24)} ${fmt(xs.slice(WARMUP))}`);
    for (const [name, xs] of rows) assert.ok(median(xs.slice(WARMUP)) < BUDGET_MS, `${name}: ${fmt(xs.slice(WARMUP))}`);
  });
});
