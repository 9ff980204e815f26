import assert from 'node:assert/strict';
import { ELLIPSIS, walk, type ClassDef, type Expr, type FunctionDef, type Node, type Stmt } from '../../src/interpreter/ast';
import { expr, parseModule, rng, sexp } from './helpers';

const DEZERO_SCRIPT = `import numpy as np
from dezero import Function, Variable
import dezero.functions as F


class Square(Function):
    def forward(self, x):
        return x ** 2

    def backward(self, gy):
        x, = self.inputs
        return 2 * x * gy


@profile
def numerical_diff(f, x, eps=1e-4, *args, verbose=False, **kwargs):
    x0 = Variable(x.data - eps)
    x1 = Variable(x.data + eps)
    return (f(x1).data - f(x0).data) / (2 * eps)


def batches(data, size):
    for i in range(0, len(data), size):
        yield data[i:i + size]


x = Variable(np.array([[1.0, 2.0], [3.0, 4.0]]))
y = Square()(x)
y.backward(retain_grad=True)
grads = {name: p.grad for name, p in params.items() if p.grad is not None}
losses = [float(l.data) for l in history[::2]]
try:
    with dezero.no_grad(), open('log.txt', 'w') as f:
        f.write(f'{x.shape!r:>10} grad={x.grad.data[0, :]:.3f} {len(losses)=}\\n')
except (ValueError, TypeError) as e:
    raise RuntimeError('failed') from e
finally:
    sort_key = lambda p: -p[1]
`;

const kindsOf = (body: Stmt[]): string[] => body.map((s) => s.kind);

describe('parser', () => {
  describe('a DeZero script', () => {
    const mod = parseModule(DEZERO_SCRIPT);

    it('has the expected statements', () => {
      assert.deepEqual(kindsOf(mod.body), [
        'Import', 'ImportFrom', 'Import', 'ClassDef', 'FunctionDef', 'FunctionDef', 'Assign', 'Assign', 'Expr', 'Assign', 'Assign', 'Try',
      ]);
    });

    it('gives every statement its exact range, compound ones ending with their last statement', () => {
      const cls = mod.body[3] as ClassDef;
      assert.equal(rng(cls.range), '6:0-12:25');
      assert.equal(rng(cls.nameRange), '6:6-6:12');
      assert.equal(rng(cls.body[1].range), '10:4-12:25');
      const fn = mod.body[4] as FunctionDef;
      assert.equal(rng(fn.range), '16:0-19:48');
      assert.equal(rng(mod.body[11].range), '32:0-38:30');
    });

    it('keeps parameters with defaults, *args, keyword-only and **kwargs, each with its range', () => {
      const fn = mod.body[4] as FunctionDef;
      const a = fn.args;
      assert.deepEqual(a.args.map((p) => `${p.arg}@${rng(p.range)}`), ['f@16:19-16:20', 'x@16:22-16:23', 'eps@16:25-16:28']);
      assert.deepEqual(a.defaults.map(sexp), ['0.0001']);
      assert.equal(a.vararg?.arg, 'args');
      assert.deepEqual(a.kwonlyargs.map((p) => p.arg), ['verbose']);
      assert.deepEqual(a.kwDefaults.map(sexp), ['False']);
      assert.equal(a.kwarg?.arg, 'kwargs');
      assert.deepEqual(fn.decoratorList.map(sexp), ['profile']);
    });

    it('reads the f-string into literal parts and replacement fields', () => {
      let fstring: Expr | null = null;
      walk(mod, (n) => {
        if (n.kind === 'JoinedStr' && !fstring) fstring = n;
      });
      assert.equal(sexp(fstring), '(f {x.shape!r:(f ">10")} " grad=" {x.grad.data[(tuple 0 _:_:_)]:(f ".3f")} " len(losses)=" {(call len losses)!r} "\\n")');
    });
  });

  describe('precedence', () => {
    const cases: [string, string][] = [
      ['-2**2', '(USub (Pow 2 2))'],
      ['2**-1', '(Pow 2 (USub 1))'],
      ['a**b**c', '(Pow a (Pow b c))'],
      ['a if b else c if d else e', '(if b a (if d c e))'],
      ['not a == b', '(Not (a Eq b))'],
      ['a < b < c', '(a Lt b Lt c)'],
      ['a not in b is not c', '(a NotIn b IsNot c)'],
      ['a or b and not c', '(Or a (And b (Not c)))'],
      ['a | b ^ c & d << e + f * g', '(BitOr a (BitXor b (BitAnd c (LShift d (Add e (Mult f g))))))'],
      ['a - b - c', '(Sub (Sub a b) c)'],
      ['a @ b // c % d / e', '(Div (Mod (FloorDiv (MatMult a b) c) d) e)'],
      ['-a.b[c](d)', '(USub (call a.b[c] d))'],
      ['~-+a', '(Invert (USub (UAdd a)))'],
      ['lambda x: x if x else y', '(lambda (if x x y))'],
      ['(lambda: a) if b else c', '(if b (lambda a) c)'],
      ['a + (b if c else d)', '(Add a (if c b d))'],
      ['(y := f(x))', '(:= y (call f x))'],
    ];
    for (const [src, want] of cases) it(src, () => assert.equal(sexp(expr(src)), want));
  });

  describe('expressions', () => {
    it('reads calls with positional, keyword, *args and **kwargs', () => {
      assert.equal(sexp(expr('f(a, *b, c=1, **d)')), '(call f a *b c=1 **=d)');
      assert.equal(sexp(expr('f(x for x in y)')), '(call f (GeneratorExp x for x in y))');
    });

    it('reads subscripts with slices, Ellipsis and None', () => {
      assert.equal(sexp(expr('a[1:2, ::3, ..., None]')), 'a[(tuple 1:2:_ _:_:3 ... None)]');
      assert.equal(sexp(expr('a[::-1]')), 'a[_:_:(USub 1)]');
      assert.equal(sexp(expr('a[i,]')), 'a[(tuple i)]');
    });

    it('reads displays, unpacking and comprehensions', () => {
      assert.equal(sexp(expr('[1, *a, 2]')), '[1 *a 2]');
      assert.equal(sexp(expr('{**a, "b": 1}')), '{**: a, "b": 1}');
      assert.equal(sexp(expr('{1, *s}')), '{1 *s}');
      assert.equal(sexp(expr('(1,)')), '(tuple 1)');
      assert.equal(sexp(expr('()')), '(tuple )');
      assert.equal(sexp(expr('[x*y for x in a if x for y in b]')), '(ListComp (Mult x y) for x in a if x for y in b)');
      assert.equal(sexp(expr('{k: v for k, v in d}')), '(DictComp k: v for (tuple k v) in d)');
      assert.equal(sexp(expr('[[c for c in r] for r in m]')), '(ListComp (ListComp c for c in r) for r in m)');
    });

    it('keeps ints as bigint and floats as number', () => {
      assert.equal(sexp(expr('2')), '2');
      assert.equal(sexp(expr('2.0')), '2.0');
      const big = expr('123456789012345678901234567890');
      assert.equal(big.kind === 'Constant' && big.value, 123456789012345678901234567890n);
      assert.equal(sexp(expr('0xff + 0o17 + 0b11 + 1_000')), '(Add (Add (Add 255 15) 3) 1000)');
      assert.equal(sexp(expr('1e-5')), '0.00001');
      assert.equal(sexp(expr('...')), '...');
      const e = expr('...');
      assert.equal(e.kind === 'Constant' && e.value, ELLIPSIS);
    });

    it('decodes and concatenates strings and bytes', () => {
      assert.equal(sexp(expr(String.raw`'a\n' "b\x41\u00e9\101" r'\d'`)), JSON.stringify('a\nbAéA\\d'));
      assert.equal(sexp(expr(String.raw`b'\x00' b'A'`)), 'b[0,65]');
      assert.equal(sexp(expr(`'''a\r\nb'''`)), JSON.stringify('a\nb'));
      assert.equal(sexp(expr(`'a' f'{x}' 'b'`)), '(f "a" {x} "b")');
      assert.equal(sexp(expr(`f'{x=}'`)), '(f "x=" {x!r})');
      assert.equal(sexp(expr(`f'{x = :>{w}}'`)), '(f "x = " {x:(f ">" {w})})');
      assert.equal(sexp(expr(`f'{{{x}}}'`)), '(f "{" {x} "}")');
    });

    it('reads yield and yield from', () => {
      const fn = parseModule('def g():\n    x = yield\n    yield a, b\n    yield from h()\n').body[0] as FunctionDef;
      assert.deepEqual(fn.body.map((s) => sexp(s.kind === 'Expr' ? s.value : s.kind === 'Assign' ? s.value : null)),
        ['(yield _)', '(yield (tuple a b))', '(yield-from (call h))']);
    });
  });

  describe('statements', () => {
    it('reads chained, unpacking, augmented and annotated assignments', () => {
      const body = parseModule('a = b = c\nx, *y = z\nq.r[0] @= 2\nn: int = 3\n(m): int\n').body;
      assert.deepEqual(kindsOf(body), ['Assign', 'Assign', 'AugAssign', 'AnnAssign', 'AnnAssign']);
      const chained = body[0] as Stmt & { kind: 'Assign' };
      assert.deepEqual(chained.targets.map((t) => t.kind === 'Name' && t.ctx), ['store', 'store']);
      const unpack = body[1] as Stmt & { kind: 'Assign' };
      assert.equal(sexp(unpack.targets[0]), '(tuple x *y)');
      assert.equal((body[2] as Stmt & { kind: 'AugAssign' }).op, 'MatMult');
      const ann = body[3] as Stmt & { kind: 'AnnAssign' };
      assert.deepEqual([sexp(ann.annotation), sexp(ann.value), ann.simple], ['int', '3', true]);
      assert.equal((body[4] as Stmt & { kind: 'AnnAssign' }).simple, false);
    });

    it('marks del targets', () => {
      const d = parseModule('del a, b[0]\n').body[0] as Stmt & { kind: 'Delete' };
      assert.deepEqual(d.targets.map((t) => (t.kind === 'Name' || t.kind === 'Subscript') && t.ctx), ['del', 'del']);
    });

    it('reads imports, recording relative levels', () => {
      const body = parseModule('import a.b.c\nimport a.b as c, d\nfrom x.y import a, b as c\nfrom . import x\nfrom ...p import *\nfrom x import (a, b,)\n').body;
      const show = (s: Stmt): string => (s.kind === 'Import' ? s.names.map((n) => `${n.name}${n.asname ? ' as ' + n.asname : ''}`).join(', ')
        : s.kind === 'ImportFrom' ? `${'.'.repeat(s.level)}${s.module ?? ''}: ${s.names.map((n) => n.name + (n.asname ? ' as ' + n.asname : '')).join(', ')}` : '');
      assert.deepEqual(body.map(show), ['a.b.c', 'a.b as c, d', 'x.y: a, b as c', '.: x', '...p: *', 'x: a, b']);
    });

    it('reads if/elif/else, loops with else, try and with', () => {
      const src = 'if a:\n  pass\nelif b:\n  pass\nelse:\n  pass\nfor i, (j, k) in x:\n  break\nelse:\n  pass\nwhile c:\n  continue\n'
        + 'try:\n  pass\nexcept E as e:\n  pass\nexcept (A, B):\n  pass\nexcept:\n  pass\nelse:\n  pass\nfinally:\n  pass\n'
        + 'with (a as b, c as d):\n  pass\nwith (a, b) as c:\n  pass\n';
      const body = parseModule(src).body;
      assert.deepEqual(kindsOf(body), ['If', 'For', 'While', 'Try', 'With', 'With']);
      const iff = body[0] as Stmt & { kind: 'If' };
      assert.equal(iff.orelse[0].kind, 'If');
      assert.equal(rng(iff.orelse[0].range), '3:0-6:6');
      const t = body[3] as Stmt & { kind: 'Try' };
      assert.deepEqual(t.handlers.map((h) => `${sexp(h.type)} ${h.name}`), ['E e', '(tuple A B) null', '_ null']);
      assert.equal(rng(t.handlers[0].range), '15:0-16:6');
      const w1 = body[4] as Stmt & { kind: 'With' };
      assert.deepEqual(w1.items.map((i) => `${sexp(i.contextExpr)} as ${sexp(i.optionalVars)}`), ['a as b', 'c as d']);
      const w2 = body[5] as Stmt & { kind: 'With' };
      assert.deepEqual(w2.items.map((i) => `${sexp(i.contextExpr)} as ${sexp(i.optionalVars)}`), ['(tuple a b) as c']);
    });

    it('reads classes with bases, keywords and decorators', () => {
      const c = parseModule('@dataclass(frozen=True)\nclass A(B, *m, metaclass=M):\n  x: int = 0\n').body[0] as ClassDef;
      assert.deepEqual([c.bases.map(sexp), c.keywords.map((k) => k.arg), c.decoratorList.map(sexp)],
        [['B', '*m'], ['metaclass'], ['(call dataclass frozen=True)']]);
      assert.equal(rng(c.range), '2:0-3:12');
    });

    it('splits simple statements on semicolons, each with its range', () => {
      const body = parseModule('a = 1; b = 2;  pass\n').body;
      assert.deepEqual(body.map((s) => rng(s.range)), ['1:0-1:5', '1:7-1:12', '1:15-1:19']);
    });

    it('treats match as a name unless it starts a match statement', () => {
      assert.deepEqual(kindsOf(parseModule('match = 3\nmatch(x)\nmatch[x]: int = 1\nmatch.y = 2\n').body), ['Assign', 'Expr', 'AnnAssign', 'Assign']);
    });
  });

  describe('ranges', () => {
    it('uses 0-based UTF-16 columns with exclusive ends', () => {
      const e = expr('"😀" + éa');
      assert.ok(e.kind === 'BinOp');
      assert.equal(rng(e.left.range), '1:0-1:4');
      assert.equal(rng(e.right.range), '1:7-1:9');
    });

    it('leaves parentheses out of a grouped expression but not out of what contains it', () => {
      const e = expr('(a) + (b)');
      assert.ok(e.kind === 'BinOp');
      assert.deepEqual([rng(e.range), rng(e.left.range), rng(e.right.range)], ['1:0-1:9', '1:1-1:2', '1:7-1:8']);
    });

    it('locates attribute names and f-string fields', () => {
      const a = expr('obj.attr');
      assert.ok(a.kind === 'Attribute');
      assert.equal(rng(a.attrRange), '1:4-1:8');
      const f = expr("f'ab{x + 1!r:>4}'");
      assert.ok(f.kind === 'JoinedStr' && f.values[1].kind === 'FormattedValue');
      assert.deepEqual([rng(f.values[0].range), rng(f.values[1].range), rng(f.values[1].value.range)], ['1:2-1:4', '1:4-1:16', '1:5-1:10']);
    });

    it('spans multi-line statements', () => {
      const s = parseModule('x = [\n  1,\n  2,\n]\n').body[0];
      assert.equal(rng(s.range), '1:0-4:1');
    });
  });

  describe('walk', () => {
    it('visits nodes in source order and can skip subtrees', () => {
      const names: string[] = [];
      walk(parseModule('def f(a=b):\n  return {c: d}\ne(g)\n'), (n: Node) => {
        if (n.kind === 'Name') names.push(n.id);
        return n.kind !== 'Call';
      });
      assert.deepEqual(names, ['b', 'c', 'd']);
    });
  });
});
