// The language server over its real transport: a spawned `node server.js --stdio`
// driven with JSON-RPC through initialize, didOpen, didChange, requests and didClose.
import { strict as assert } from 'node:assert';
import { DiagnosticSeverity, MarkupContent, TextDocumentSyncKind } from 'vscode-languageserver/node';
import { LspClient, positionOf } from './lsp_client';

const URI = 'untitled:newton.py';

const SCRIPT = `import numpy as np
from dezero import Variable
import dezero.functions as F

def f(x):
    y = x ** 4 - 2 * x ** 2
    return y

x = Variable(np.array(2.0))
y = F.tanh(x)
y.backward(create_graph=True)
gx = x.grad
`;

describe('language server over stdio', function () {
  this.timeout(30000);
  let client: LspClient;

  before(async () => {
    const started = await LspClient.start({ textDocument: { completion: { completionItem: { labelDetailsSupport: true } } } });
    client = started.client;
    const caps = started.init.capabilities;
    assert.equal(caps.textDocumentSync, TextDocumentSyncKind.Incremental);
    assert.deepEqual(caps.completionProvider?.triggerCharacters, ['.']);
    assert.equal(caps.hoverProvider, true);
    assert.ok(caps.signatureHelpProvider?.triggerCharacters?.includes('('));
  });

  after(async () => {
    await client.stop();
    assert.equal(client.exitCode, 0, 'the server exits cleanly after shutdown/exit');
  });

  it('publishes no diagnostics for a correct DeZero script', async () => {
    const waiting = client.diagnostics(URI, 1);
    await client.open(URI, SCRIPT, 1);
    const p = await waiting;
    assert.deepEqual(p.diagnostics, []);
  });

  it('reports a syntax error at its exact range after didChange', async () => {
    // Line 10 (0-based 9): `y = F.tanh(x)` loses its closing parenthesis.
    const waiting = client.diagnostics(URI, 2);
    const start = positionOf(SCRIPT, 'F.tanh(x)', 'F.tanh(x'.length);
    await client.change(URI, 2, [{ range: { start, end: { line: start.line, character: start.character + 1 } }, text: '' }]);
    const p = await waiting;
    assert.equal(p.diagnostics.length, 1);
    const d = p.diagnostics[0];
    assert.equal(d.source, 'gradscope');
    assert.equal(d.severity, DiagnosticSeverity.Error);
    assert.equal(d.message, "SyntaxError: '(' was never closed");
    assert.deepEqual(d.range, { start: { line: 9, character: 10 }, end: { line: 9, character: 11 } });
  });

  it('reports F.tanhh with a did-you-mean, on the name only', async () => {
    const text = SCRIPT.replace('F.tanh(x)', 'F.tanhh(x)');
    const waiting = client.diagnostics(URI, 3);
    await client.change(URI, 3, [{ text }]);
    const p = await waiting;
    assert.equal(p.diagnostics.length, 1);
    const d = p.diagnostics[0];
    assert.equal(d.message, '`F.tanhh` is not in dezero.functions — did you mean `tanh`?');
    assert.equal(d.severity, DiagnosticSeverity.Warning);
    assert.equal(d.source, 'gradscope');
    assert.deepEqual(d.range, { start: { line: 9, character: 6 }, end: { line: 9, character: 11 } });
    const fixes = await client.codeActions(URI, p.diagnostics);
    assert.equal(fixes.length, 1);
    assert.equal(fixes[0].title, 'Change to `tanh`');
    assert.deepEqual(fixes[0].edit?.changes?.[URI], [{ range: d.range, newText: 'tanh' }]);
  });

  it('completes after `F.` (while the line does not parse) with tanh and softmax_cross_entropy', async () => {
    const text = SCRIPT.replace('gx = x.grad', 'loss = F.');
    const waiting = client.diagnostics(URI, 4);
    await client.change(URI, 4, [{ text }]);
    const items = await client.completion(URI, positionOf(text, 'loss = F.', 'loss = F.'.length));
    const labels = items.map((i) => i.label);
    for (const name of ['tanh', 'softmax_cross_entropy', 'mean_squared_error', 'sigmoid', 'linear']) assert.ok(labels.includes(name), name);
    const sce = items.find((i) => i.label === 'softmax_cross_entropy')!;
    assert.equal(sce.detail, 'dezero.functions.softmax_cross_entropy(x, t) -> Variable');
    assert.deepEqual(sce.labelDetails, { detail: '(x, t)', description: 'dezero.functions' });
    assert.ok((sce.documentation as MarkupContent).value.length > 20);
    const p = await waiting;
    assert.equal(p.diagnostics.length, 1, 'the half-typed line is a syntax error');
    assert.equal(p.diagnostics[0].range.start.line, 11);
  });

  it('completes Variable attributes on a name assigned from Variable(...)', async () => {
    const text = SCRIPT.replace('gx = x.grad', 'gx = x.');
    await client.change(URI, 5, [{ text }]);
    const labels = (await client.completion(URI, positionOf(text, 'gx = x.', 7))).map((i) => i.label);
    for (const name of ['data', 'grad', 'backward', 'cleargrad', 'creator', 'unchain_backward', 'shape', 'reshape']) assert.ok(labels.includes(name), name);
  });

  it('hovers backward with its create_graph documentation', async () => {
    await client.change(URI, 6, [{ text: SCRIPT }]);
    const h = await client.hover(URI, positionOf(SCRIPT, 'y.backward', 4));
    assert.ok(h);
    const value = (h.contents as MarkupContent).value;
    assert.match(value, /dezero\.Variable\.backward\(retain_grad=False, create_graph=False\)/);
    assert.match(value, /`create_graph=False` — Record the backward pass as a graph/);
    assert.deepEqual(h.range, { start: { line: 10, character: 2 }, end: { line: 10, character: 10 } });
  });

  it('gives signature help for backward with create_graph active', async () => {
    const help = await client.signatureHelp(URI, positionOf(SCRIPT, 'create_graph=True', 'create_graph=T'.length));
    assert.ok(help);
    assert.equal(help.signatures[0].label, 'backward(retain_grad=False, create_graph=False)');
    assert.equal(help.activeParameter, 1);
    assert.match(String(help.signatures[0].parameters![1].documentation), /differentiated again/);
  });

  it('says nothing about Python files that do not import dezero', async () => {
    const uri = 'untitled:plain.py';
    const text = 'import numpy as np\nx = np.arrange(3)\ny = (\n';
    const waiting = client.diagnostics(uri, 1);
    await client.open(uri, text, 1);
    assert.deepEqual((await waiting).diagnostics, []);
    assert.deepEqual(await client.completion(uri, positionOf(text, 'np.', 3)), []);
    assert.equal(await client.hover(uri, positionOf(text, 'arrange', 1)), null);
    await client.close(uri);
  });

  it('clears diagnostics when a document closes', async () => {
    const uri = 'untitled:closing.py';
    const first = client.diagnostics(uri, 1);
    await client.open(uri, 'import dezero\nx = (\n', 1);
    assert.equal((await first).diagnostics.length, 1);
    const cleared = client.diagnostics(uri);
    await client.close(uri);
    assert.deepEqual((await cleared).diagnostics, []);
  });
});
