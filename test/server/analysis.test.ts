// The analysis and the features in-process: which names are reported and how, how
// aliases are resolved from the file's own imports, what completion, hover and signature
// help give at a cursor, and how half-typed documents are still understood.
import { strict as assert } from 'node:assert';
import { DiagnosticSeverity } from 'vscode-languageserver/node';
import { analyze, type AnalyzeOptions } from '../../src/server/analysis';
import { quickFixes } from '../../src/server/features/code_actions';
import { complete } from '../../src/server/features/completion';
import { hover } from '../../src/server/features/hover';
import { signatureHelp } from '../../src/server/features/signature';
import { suggest } from '../../src/server/suggest';

/** Diagnostic messages as text (LSP 3.18 also allows markup; the server sends strings). */
const textOf = (m: string | { value: string }) => (typeof m === 'string' ? m : m.value);
const messages = (text: string, o?: AnalyzeOptions) => analyze(text, o).diagnostics.map((d) => textOf(d.message));
const only = (text: string) => {
  const ds = analyze(text).diagnostics;
  assert.equal(ds.length, 1, JSON.stringify(ds.map((d) => d.message)));
  return ds[0];
};

/** Text with the cursor marked by `|`, and the cursor's offset. */
function cursor(marked: string): [string, number] {
  const i = marked.indexOf('|');
  return [marked.slice(0, i) + marked.slice(i + 1), i];
}
const labels = (marked: string) => {
  const [text, off] = cursor(marked);
  return complete(analyze(text), off, { labelDetails: false })?.map((i) => i.label) ?? null;
};
const hoverText = (marked: string) => {
  const [text, off] = cursor(marked);
  const h = hover(analyze(text), off);
  return h ? (h.contents as { value: string }).value : null;
};
const signature = (marked: string) => {
  const [text, off] = cursor(marked);
  const s = signatureHelp(analyze(text), off);
  return s ? `${s.signatures[0].label} @${s.activeParameter}` : null;
};

const HEAD = 'import numpy as np\nimport dezero\nfrom dezero import Variable, optimizers, models\nimport dezero.functions as F\nimport dezero.layers as L\n';

describe('diagnostics: names', () => {
  it('resolves F however the file imports it', () => {
    const expected = '`F.tanhh` is not in dezero.functions — did you mean `tanh`?';
    assert.deepEqual(messages('import dezero.functions as F\nF.tanhh(1)\n'), [expected]);
    assert.deepEqual(messages('from dezero import functions as F\nF.tanhh(1)\n'), [expected]);
    assert.deepEqual(messages('import dezero\ndezero.functions.tanhh(1)\n'), ['`dezero.functions.tanhh` is not in dezero.functions — did you mean `tanh`?']);
    assert.deepEqual(messages('import dezero.functions\ndezero.functions.tanhh(1)\n'), ['`dezero.functions.tanhh` is not in dezero.functions — did you mean `tanh`?']);
    assert.deepEqual(messages('from dezero import *\nfunctions.tanhh(1)\n'), ['`functions.tanhh` is not in dezero.functions — did you mean `tanh`?']);
    assert.deepEqual(messages('from dezero.functions import tanhh\n'), ['`tanhh` is not in dezero.functions — did you mean `tanh`?']);
  });

  it('checks L, optimizers, models and dezero itself', () => {
    assert.deepEqual(messages(`${HEAD}L.linear(3)\noptimizers.Adma()\nmodels.MPL((1,))\ndezero.Variabel\n`), [
      '`L.linear` is not in dezero.layers — did you mean `Linear`?',
      '`optimizers.Adma` is not in dezero.optimizers — did you mean `Adam`?',
      '`models.MPL` is not in dezero.models — did you mean `MLP`?',
      '`dezero.Variabel` is not in dezero — did you mean `Variable`?',
    ]);
    assert.deepEqual(messages('import dezero.layerz as L\n'), ['`dezero.layerz` is not in dezero — did you mean `layers`?']);
    assert.deepEqual(messages('import dezero\nF.nothing_like_it\ndezero.functions.zzzzzz\n'), ['`dezero.functions.zzzzzz` is not in dezero.functions']);
  });

  it('puts the diagnostic on the misspelt name, as a Warning from gradscope with a quick fix', () => {
    const d = only('import dezero.functions as F\ny = F.tanhh(x)\n');
    assert.deepEqual(d.range, { start: { line: 1, character: 6 }, end: { line: 1, character: 11 } });
    assert.equal(d.severity, DiagnosticSeverity.Warning);
    assert.equal(d.source, 'gradscope');
    assert.equal(d.code, 'unknown-name');
    const [fix] = quickFixes('file:///a.py', [d]);
    assert.deepEqual(fix.edit!.changes!['file:///a.py'], [{ range: d.range, newText: 'tanh' }]);
  });

  it('reports a NumPy name only when it is a near miss of a real one', () => {
    assert.deepEqual(messages(`${HEAD}np.arrange(3)\nnp.random.randnn(2)\nnp.linalg.nrom(x)\n`), [
      '`np.arrange` is not in numpy — did you mean `arange`?',
      '`np.random.randnn` is not in numpy.random — did you mean `randn`?',
      '`np.linalg.nrom` is not in numpy.linalg — did you mean `norm`?',
    ]);
    assert.deepEqual(messages(`${HEAD}np.nanmax(x)\nnp.fft.fft(x)\nnp.random.default_rng()\nnp.qwertyuiop\n`), []);
    const removed = only(`${HEAD}np.float\n`);
    assert.equal(removed.severity, DiagnosticSeverity.Information);
    assert.match(textOf(removed.message), /NumPy 2 removed it/);
  });

  it('says when DeZero has a name that Gradscope does not run', () => {
    const [imagenet, resnet] = analyze(`${HEAD}from dezero.datasets import ImageNet\nm = models.ResNet()\n`).diagnostics;
    assert.equal(imagenet.severity, DiagnosticSeverity.Information);
    assert.match(textOf(imagenet.message), /^`ImageNet` is not available in Gradscope/);
    assert.equal(resnet.severity, DiagnosticSeverity.Information);
    assert.match(textOf(resnet.message), /^`models.ResNet`: Gradscope does not provide it/);
  });

  it('keeps quiet when a name is not certainly the module', () => {
    assert.deepEqual(messages('import dezero.functions as F\nF = other\nF.tanhh\n'), []);
    assert.deepEqual(messages('import dezero.functions as F\ndef f(F):\n    return F.tanhh\n'), []);
    assert.deepEqual(messages('import dezero\nimport torch.nn.functional as F\nF.tanhh\n'), ['Gradscope cannot import `torch.nn.functional`: it has no such built-in module, and there is no torch.py beside the script.']);
    assert.deepEqual(messages('import dezero.functions as F\nF.extra = 1\nF.extra(x)\n'), []);
    assert.deepEqual(messages('import dezero.functions as F\nx = F.__name__\n'), []);
  });

  it('is silent on Python files that do not import dezero', () => {
    assert.deepEqual(messages('import numpy as np\nnp.arrange(3)\nx = (\n'), []);
    assert.deepEqual(messages('import torch\n'), []);
  });
});

describe('diagnostics: syntax and what Gradscope cannot run', () => {
  it('reports the first syntax error as Python would, at its exact range', () => {
    const d = only('import dezero\nx = (1,\ny = 2\n');
    assert.equal(d.message, "SyntaxError: '(' was never closed");
    assert.deepEqual(d.range, { start: { line: 1, character: 4 }, end: { line: 1, character: 5 } });
    assert.equal(d.severity, DiagnosticSeverity.Error);
    const indent = only('import dezero\nif x:\ny = 1\n');
    assert.match(textOf(indent.message), /^IndentationError: expected an indented block after 'if' statement on line 2/);
  });

  it('reports constructs Gradscope does not run as Information', () => {
    const d = only('import dezero\nmatch x:\n    case 1:\n        pass\n');
    assert.equal(d.severity, DiagnosticSeverity.Information);
    assert.equal(d.message, "Gradscope cannot run this: 'match' statements are not supported.");
    assert.equal(only('import dezero\nz = 1j\n').message, 'Gradscope cannot run this: complex literals are not supported.');
  });

  it('reports imports of modules Gradscope does not have, unless guarded or beside the script', () => {
    const d = only('import dezero\nimport torch.nn as nn\n');
    assert.equal(d.severity, DiagnosticSeverity.Information);
    assert.deepEqual(d.range, { start: { line: 1, character: 7 }, end: { line: 1, character: 15 } });
    assert.match(textOf(d.message), /^Gradscope cannot import `torch.nn`/);
    assert.deepEqual(messages('import dezero\ntry:\n    import cupy as cp\nexcept ImportError:\n    cp = None\n'), []);
    assert.deepEqual(messages('import dezero\nimport helpers\n', { exists: (n) => n === 'helpers' }), []);
    assert.deepEqual(messages('import dezero\nimport math, os.path, matplotlib.pyplot as plt\nfrom collections import OrderedDict\n'), []);
  });

  it('still checks names when another line does not parse', () => {
    assert.deepEqual(messages('import dezero.functions as F\ny = F.\nz = F.sinn(x)\n'), [
      'SyntaxError: invalid syntax',
      '`F.sinn` is not in dezero.functions — did you mean `sin`?',
    ]);
    assert.deepEqual(messages('import dezero.functions as F\ndef f(x):\n    y = F.\n\nz = F.coss(x)\n').slice(1), ['`F.coss` is not in dezero.functions — did you mean `cos`?']);
  });
});

describe('completion', () => {
  it('offers dezero.functions after F. while the line is half-typed', () => {
    const fs = labels(`${HEAD}loss = F.|`)!;
    assert.ok(fs.includes('tanh') && fs.includes('softmax_cross_entropy'));
    assert.ok(fs.indexOf('tanh') < fs.indexOf('Tanh'), 'functions before Function classes');
    assert.deepEqual(labels(`${HEAD}loss = F.so|`), fs);
  });

  it('offers each module’s members', () => {
    assert.ok(labels(`${HEAD}L.|`)!.includes('Linear'));
    assert.ok(labels(`${HEAD}np.|`)!.includes('arange'));
    assert.ok(labels(`${HEAD}np.random.|`)!.includes('randn'));
    assert.ok(labels(`${HEAD}dezero.|`)!.includes('no_grad'));
    assert.ok(labels(`${HEAD}optimizers.|`)!.includes('MomentumSGD'));
    assert.ok(labels(`${HEAD}models.|`)!.includes('MLP'));
    assert.ok(labels(`${HEAD}np.add.|`)!.includes('at'));
  });

  it('offers Variable attributes on names assigned from Variable(...) and from Variable arithmetic', () => {
    const expected = ['data', 'grad', 'backward', 'cleargrad', 'creator', 'unchain_backward'];
    for (const text of [`${HEAD}x = Variable(np.array(1.0))\nx.|`, `${HEAD}x = Variable(1)\ny = F.tanh(x) * 2\ny.|`, `${HEAD}x = Variable(1)\nx.grad.|`]) {
      const got = labels(text)!;
      for (const e of expected) assert.ok(got.includes(e), `${e} in ${text}`);
    }
    assert.ok(labels(`${HEAD}x = Variable(1)\nx.data.|`)!.includes('astype'), 'Variable.data is an ndarray');
    assert.ok(labels(`${HEAD}opt = optimizers.SGD(0.1).setup(model)\nopt.|`)!.includes('update'));
    assert.ok(labels(`${HEAD}model = models.MLP((10, 1))\nmodel.|`)!.includes('cleargrads'));
  });

  it('completes inside import statements', () => {
    assert.ok(labels(`${HEAD}from dezero.functions import |`)!.includes('softmax_cross_entropy'));
    assert.deepEqual(labels(`${HEAD}import dezero.|`), ['core', 'functions', 'functions_conv', 'layers', 'models', 'optimizers', 'datasets', 'dataloaders', 'transforms', 'utils', 'cuda']);
  });

  it('stays out of strings, comments, unknown receivers and non-DeZero files', () => {
    assert.equal(labels(`${HEAD}# F.|`), null);
    assert.equal(labels(`${HEAD}s = "F.|"`), null);
    assert.equal(labels(`${HEAD}foo.|`), null);
    assert.equal(labels('import numpy as np\nnp.|'), null);
  });

  it('still knows the imports when nothing else parses', () => {
    assert.ok(labels('import dezero.functions as F\n"""never closed\nF.|')  === null, 'inside the unclosed string');
    assert.ok(labels('import dezero.functions as F\nx = ((((\n  F.|')!.includes('tanh'));
  });
});

describe('hover and signature help', () => {
  it('documents backward with retain_grad and create_graph', () => {
    const text = hoverText(`${HEAD}x = Variable(1)\ny = x * 2\ny.back|ward(create_graph=True)`)!;
    assert.match(text, /dezero\.Variable\.backward\(retain_grad=False, create_graph=False\)/);
    assert.match(text, /create_graph=False` — Record the backward pass as a graph of its own/);
    assert.match(text, /retain_grad=False` — Keep \.grad on intermediate Variables/);
  });

  it('documents backward on a receiver it cannot type, saying so', () => {
    assert.match(hoverText(`${HEAD}loss.backw|ard()`)!, /_Assuming `loss` is a DeZero Variable\._/);
    assert.equal(hoverText(`${HEAD}loss.upd|ate()`), null);
  });

  it('documents module names, functions, classes and properties', () => {
    assert.match(hoverText(`${HEAD}y = |F.tanh(x)`)!, /module dezero\.functions/);
    assert.match(hoverText(`${HEAD}y = F.ta|nh(x)`)!, /dezero\.functions\.tanh\(x\) -> Variable/);
    assert.match(hoverText(`${HEAD}l = L.Lin|ear(3)`)!, /class dezero\.layers\.Linear\(out_size, nobias=False/);
    assert.match(hoverText(`${HEAD}x = Variable(1)\ng = x.gr|ad`)!, /dezero\.Variable\.grad: Variable/);
    assert.match(hoverText(`${HEAD}r = np.random.ra|ndn(3)`)!, /numpy\.random\.randn\(\*dims\)/);
    assert.equal(hoverText(`${HEAD}x = 1\ny = |x`), null);
  });

  it('follows the argument the cursor is in', () => {
    assert.equal(signature(`${HEAD}y = F.softmax_cross_entropy(|`), 'softmax_cross_entropy(x, t) @0');
    assert.equal(signature(`${HEAD}y = F.softmax_cross_entropy(y, |`), 'softmax_cross_entropy(x, t) @1');
    assert.equal(signature(`${HEAD}y = F.sum(x, keepdims=|`), 'sum(x, axis=None, keepdims=False) @2');
    assert.equal(signature(`${HEAD}loss.backward(create_graph=|)`), 'backward(retain_grad=False, create_graph=False) @1');
    assert.equal(signature(`${HEAD}x = np.zeros((2, |3))`), 'zeros(shape, dtype=float) @0');
    assert.equal(signature(`${HEAD}x = np.random.rand(2, 3, |`), 'rand(*dims) @0');
    assert.equal(signature(`${HEAD}y = F.tanh(F.exp(x), |)`), 'tanh(x) @1');
    assert.equal(signature(`${HEAD}model = models.MLP((10, 1))\ny = model(|`), 'model(*inputs) @0');
    assert.equal(signature(`${HEAD}def tanh(|`), null);
  });
});

describe('suggestions', () => {
  it('finds near misses, case slips and underscore slips', () => {
    assert.deepEqual(suggest('tanhh', ['tanh', 'Tanh', 'sin']), ['tanh']);
    assert.deepEqual(suggest('linear', ['Linear', 'Conv2d']), ['Linear']);
    assert.deepEqual(suggest('softmaxcrossentropy', ['softmax_cross_entropy', 'softmax']), ['softmax_cross_entropy']);
    assert.deepEqual(suggest('mix', ['max', 'min', 'exp']), ['min', 'max']);
    assert.deepEqual(suggest('qwerty', ['tanh', 'sin']), []);
  });
});
