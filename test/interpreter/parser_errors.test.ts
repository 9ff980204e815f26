import assert from 'node:assert/strict';
import { PySyntaxError } from '../../src/interpreter/errors';
import { parseModule, rng, syntaxError } from './helpers';

/** [source, type, message, range] — positions checked against CPython 3.11 where it gives them. */
type Case = [string, string, string, string];

function check([src, type, message, range]: Case): void {
  const e = syntaxError(src);
  assert.equal(e.message, message);
  assert.equal(e.pyType, type);
  assert.equal(rng(e), range);
}

describe('parser errors', () => {
  describe('syntax errors with CPython 3.11 messages and positions', () => {
    const cases: Case[] = [
      ['x = 1 2\n', 'SyntaxError', 'invalid syntax', '1:6-1:7'],
      ['if x\n  pass\n', 'SyntaxError', "expected ':'", '1:4-1:5'],
      ['def f()\n  pass\n', 'SyntaxError', "expected ':'", '1:7-1:8'],
      ['  x = 1\n', 'IndentationError', 'unexpected indent', '1:1-1:2'],
      ['x = 1\n    y = 2\n', 'IndentationError', 'unexpected indent', '2:3-2:4'],
      ['if x:\n    a\n  b\n', 'IndentationError', 'unindent does not match any outer indentation level', '3:3-3:4'],
      ['if x:\n\ta\n        b\n', 'TabError', 'inconsistent use of tabs and spaces in indentation', '3:0-3:1'],
      ['x = 1\n\nif y:\npass\n', 'IndentationError', "expected an indented block after 'if' statement on line 3", '4:0-4:4'],
      ['if x:\n', 'IndentationError', "expected an indented block after 'if' statement on line 1", '1:5-1:6'],
      ['def f():\nreturn\n', 'IndentationError', 'expected an indented block after function definition on line 1', '2:0-2:6'],
      ['class A:\npass\n', 'IndentationError', 'expected an indented block after class definition on line 1', '2:0-2:4'],
      ['for x in y:\npass\n', 'IndentationError', "expected an indented block after 'for' statement on line 1", '2:0-2:4'],
      ['try:\n  pass\nexcept E:\npass\n', 'IndentationError', "expected an indented block after 'except' statement on line 3", '4:0-4:4'],
      ['x = 1\n\n\ny = "abc\n', 'SyntaxError', 'unterminated string literal (detected at line 4)', '4:4-4:5'],
      ['x = """abc\n\n', 'SyntaxError', 'unterminated triple-quoted string literal (detected at line 2)', '1:4-1:5'],
      ['x = (1,\ny = 2\n', 'SyntaxError', "'(' was never closed", '1:4-1:5'],
      ['foo(a, [b,\n', 'SyntaxError', "'[' was never closed", '1:7-1:8'],
      ['x = 1)\n', 'SyntaxError', "unmatched ')'", '1:5-1:6'],
      ['x = (1]\n', 'SyntaxError', "closing parenthesis ']' does not match opening parenthesis '('", '1:6-1:7'],
      ['f() = 1\n', 'SyntaxError', "cannot assign to function call here. Maybe you meant '==' instead of '='?", '1:0-1:3'],
      ['x = f() = 1\n', 'SyntaxError', 'cannot assign to function call', '1:4-1:7'],
      ['(a, f()) = 1\n', 'SyntaxError', 'cannot assign to function call', '1:4-1:7'],
      ['for f() in x: pass\n', 'SyntaxError', 'cannot assign to function call', '1:4-1:7'],
      ['del f()\n', 'SyntaxError', 'cannot delete function call', '1:4-1:7'],
      ['f() += 1\n', 'SyntaxError', "'function call' is an illegal expression for augmented assignment", '1:0-1:3'],
      ['1 = x\n', 'SyntaxError', "cannot assign to literal here. Maybe you meant '==' instead of '='?", '1:0-1:1'],
      ['True = 1\n', 'SyntaxError', 'cannot assign to True', '1:0-1:4'],
      ['x = 1abc\n', 'SyntaxError', 'invalid decimal literal', '1:4-1:5'],
      ['x = 0x\n', 'SyntaxError', 'invalid hexadecimal literal', '1:5-1:6'],
      ['x = 0777\n', 'SyntaxError', 'leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers', '1:4-1:5'],
      ['foo(1 2)\n', 'SyntaxError', 'invalid syntax. Perhaps you forgot a comma?', '1:4-1:7'],
      ['if x = 3:\n  pass\n', 'SyntaxError', "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", '1:3-1:8'],
      ['x = 1 if 2\n', 'SyntaxError', "expected 'else' after 'if' expression", '1:4-1:10'],
      ['print "hi"\n', 'SyntaxError', "Missing parentheses in call to 'print'. Did you mean print(...)?", '1:0-1:10'],
      ['f(a=1, b)\n', 'SyntaxError', 'positional argument follows keyword argument', '1:8-1:9'],
      ['f(x for x in y, 1)\n', 'SyntaxError', 'Generator expression must be parenthesized', '1:2-1:14'],
      ['def f(a=1, b): pass\n', 'SyntaxError', 'non-default argument follows default argument', '1:11-1:12'],
      ['def f(*): pass\n', 'SyntaxError', 'named arguments must follow bare *', '1:6-1:7'],
      ['try:\n  pass\nx = 1\n', 'SyntaxError', "expected 'except' or 'finally' block", '3:0-3:1'],
      ['x = 1 \\ y\n', 'SyntaxError', 'unexpected character after line continuation character', '1:7-1:8'],
      ['x = $\n', 'SyntaxError', 'invalid syntax', '1:4-1:5'],
      ['a, b: int\n', 'SyntaxError', 'only single target (not tuple) can be annotated', '1:0-1:1'],
      ['[x, y for x in z]\n', 'SyntaxError', 'did you forget parentheses around the comprehension target?', '1:1-1:5'],
      ["'a' b'c'\n", 'SyntaxError', 'cannot mix bytes and nonbytes literals', '1:0-1:8'],
    ];
    for (const c of cases) it(`${JSON.stringify(c[0])} → ${c[2]}`, () => check(c));
  });

  describe('errors inside literals point at the offending text', () => {
    const cases: Case[] = [
      [String.raw`x = "ab\xzz"` + '\n', 'SyntaxError', String.raw`(unicode error) 'unicodeescape' codec can't decode bytes in position 2-3: truncated \xXX escape`, '1:7-1:9'],
      ["x = b'é'\n", 'SyntaxError', 'bytes can only contain ASCII literal characters', '1:4-1:8'],
      ["f'{}'\n", 'SyntaxError', 'f-string: empty expression not allowed', '1:2-1:4'],
      ["f'a}'\n", 'SyntaxError', "f-string: single '}' is not allowed", '1:3-1:4'],
      ["f'{x!z}'\n", 'SyntaxError', "f-string: invalid conversion character: expected 's', 'r', or 'a'", '1:5-1:6'],
      ["f'{a b}'\n", 'SyntaxError', 'f-string: invalid syntax. Perhaps you forgot a comma?', '1:3-1:6'],
      ["f'{x'\n", 'SyntaxError', "f-string: expecting '}'", '1:4-1:5'],
      ["f'{x:{y:{z}}}'\n", 'SyntaxError', 'f-string: expressions nested too deeply', '1:8-1:9'],
    ];
    for (const c of cases) it(`${JSON.stringify(c[0])} → ${c[2]}`, () => check(c));
  });

  describe('statements in the wrong place (CPython compiler messages)', () => {
    const cases: Case[] = [
      ['return 1\n', 'SyntaxError', "'return' outside function", '1:0-1:8'],
      ['class A:\n  return\n', 'SyntaxError', "'return' outside function", '2:2-2:8'],
      ['x = (yield)\n', 'SyntaxError', "'yield' outside function", '1:5-1:10'],
      ['def f():\n  return [(yield) for x in y]\n', 'SyntaxError', "'yield' inside list comprehension", '2:11-2:16'],
      ['break\n', 'SyntaxError', "'break' outside loop", '1:0-1:5'],
      ['for x in y:\n  def f():\n    continue\n', 'SyntaxError', "'continue' not properly in loop", '3:4-3:12'],
      ['while x:\n  pass\nelse:\n  break\n', 'SyntaxError', "'break' outside loop", '4:2-4:7'],
      ['nonlocal x\n', 'SyntaxError', 'nonlocal declaration not allowed at module level', '1:0-1:10'],
      ['def f(a, a): pass\n', 'SyntaxError', "duplicate argument 'a' in function definition", '1:9-1:10'],
      ['f(x=1, x=2)\n', 'SyntaxError', 'keyword argument repeated: x', '1:7-1:10'],
      ['*a = b\n', 'SyntaxError', 'starred assignment target must be in a list or tuple', '1:0-1:2'],
      ['a, *b, *c = d\n', 'SyntaxError', 'multiple starred expressions in assignment', '1:0-1:9'],
      ['x = *a\n', 'SyntaxError', "can't use starred expression here", '1:4-1:6'],
    ];
    for (const c of cases) it(`${JSON.stringify(c[0])} → ${c[2]}`, () => check(c));

    it('allows global at module level and loops inside functions inside loops', () => {
      parseModule('global g\nfor x in y:\n  def f():\n    for z in w:\n      break\n    return 1\n');
    });

    it('reports symbol-table errors before compiler errors, as CPython does', () => {
      assert.equal(syntaxError('return 1\ndef f(a, a): pass\n').message, "duplicate argument 'a' in function definition");
    });
  });

  describe('unsupported constructs', () => {
    const cases: [string, string, string][] = [
      ['async def f():\n  pass\n', "'async def' is not supported", '1:0-1:9'],
      ['def f():\n  async for x in y:\n    pass\n', "'async for' is not supported", '2:2-2:11'],
      ['def f():\n  async with a:\n    pass\n', "'async with' is not supported", '2:2-2:12'],
      ['def f():\n  return await g(1)\n', "'await' is not supported", '2:9-2:19'],
      ['match command:\n  case 1:\n    pass\n', "'match' statements are not supported", '1:0-1:14'],
      ['x = 1 + 2j\n', 'complex literals are not supported', '1:8-1:10'],
      ['x = "\\N{BULLET}"\n', '\\N{...} escapes are not supported', '1:5-1:15'],
      ['try:\n  pass\nexcept* E:\n  pass\n', "'except*' is not supported", '3:0-3:7'],
      ['x = [y async for y in z]\n', 'asynchronous comprehensions are not supported', '1:7-1:16'],
    ];
    for (const [src, message, range] of cases) {
      it(message, () => {
        const e = syntaxError(src);
        assert.deepEqual([e.kind, e.message, rng(e)], ['unsupported', message, range]);
      });
    }

    it('still parses match as an ordinary name', () => {
      parseModule('match = 3\nmatch(1)\nprint(match)\n');
    });
  });

  describe('PySyntaxError', () => {
    it('carries the file, the offending line and the Python exception class', () => {
      const e = syntaxError('a = 1\nb = (\n');
      assert.ok(e instanceof PySyntaxError);
      assert.deepEqual([e.filename, e.text, e.kind, e.pyType, e.name], ['test.py', 'b = (', 'syntax', 'SyntaxError', 'SyntaxError']);
      const i = syntaxError('if x:\n    a\n  b\n');
      assert.deepEqual([i.kind, i.pyType, i.text], ['indentation', 'IndentationError', '  b']);
    });
  });
});
