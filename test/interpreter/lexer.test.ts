import assert from 'node:assert/strict';
import { tokenize } from '../../src/interpreter/lexer';
import type { Range, Token } from '../../src/interpreter/tokens';

const kinds = (src: string, trivia = false): string[] =>
  tokenize(src, { trivia }).map((t) => (t.kind === 'Op' || t.kind === 'Keyword' || t.kind === 'Name' ? t.text : t.kind));
const pos = (t: Range): string => `${t.line}:${t.col}-${t.endLine}:${t.endCol}`;
const errorOf = (src: string): Token => {
  const t = tokenize(src).find((k) => k.kind === 'Error');
  assert.ok(t, `no error token for ${JSON.stringify(src)}`);
  return t;
};

describe('lexer', () => {
  describe('logical lines and indentation', () => {
    it('emits NEWLINE, INDENT and DEDENT with positions', () => {
      const toks = tokenize('if x:\n    y = 1\nz\n', { trivia: false });
      assert.deepEqual(toks.map((t) => `${t.kind}@${pos(t)}`), [
        'Keyword@1:0-1:2', 'Name@1:3-1:4', 'Op@1:4-1:5', 'Newline@1:5-1:6',
        'Indent@2:0-2:4', 'Name@2:4-2:5', 'Op@2:6-2:7', 'Number@2:8-2:9', 'Newline@2:9-2:10',
        'Dedent@3:0-3:0', 'Name@3:0-3:1', 'Newline@3:1-3:2', 'EndMarker@4:0-4:0',
      ]);
    });

    it('closes open blocks at the end of input, adding the missing NEWLINE', () => {
      assert.deepEqual(kinds('def f():\n  if x:\n    pass'), [
        'def', 'f', '(', ')', ':', 'Newline', 'Indent', 'if', 'x', ':', 'Newline', 'Indent', 'pass',
        'Newline', 'Dedent', 'Dedent', 'EndMarker',
      ]);
    });

    it('ignores blank and comment-only lines for indentation, keeping them as trivia', () => {
      assert.deepEqual(kinds('if x:\n\n  # note\n    \n  y\n', true), [
        'if', 'x', ':', 'Newline', 'NL', 'Comment', 'NL', 'NL', 'Indent', 'y', 'Newline', 'Dedent', 'EndMarker',
      ]);
      assert.deepEqual(kinds('x  # c\n'), ['x', 'Newline', 'EndMarker']);
    });

    it('joins lines inside brackets and after a backslash', () => {
      assert.deepEqual(kinds('x = (1,\n     2)\ny = 1 + \\\n  2\n'), [
        'x', '=', '(', 'Number', ',', 'Number', ')', 'Newline', 'y', '=', 'Number', '+', 'Number', 'Newline', 'EndMarker',
      ]);
    });

    it('measures tabs to multiples of 8 and rejects inconsistent mixes', () => {
      assert.deepEqual(kinds('if x:\n\ty\n\tz\n'), ['if', 'x', ':', 'Newline', 'Indent', 'y', 'Newline', 'z', 'Newline', 'Dedent', 'EndMarker']);
      const e = errorOf('if x:\n\ty\n        z\n');
      assert.equal(e.message, 'inconsistent use of tabs and spaces in indentation');
      assert.equal(e.errorKind, 'tab');
    });

    it('reports an unindent to no outer level', () => {
      const e = errorOf('if x:\n    a\n  b\n');
      assert.equal(e.message, 'unindent does not match any outer indentation level');
      assert.equal(e.errorKind, 'indentation');
      assert.equal(e.line, 3);
    });

    it('accepts \\r\\n and \\r line endings and a leading byte-order mark', () => {
      assert.deepEqual(kinds('x = 1\r\ny = 2\rz'), ['x', '=', 'Number', 'Newline', 'y', '=', 'Number', 'Newline', 'z', 'Newline', 'EndMarker']);
      const toks = tokenize('\ufeffx');
      assert.equal(toks[0].text, 'x');
    });
  });

  describe('names and keywords', () => {
    it('separates hard keywords from names; soft keywords are names', () => {
      const toks = tokenize('match case _ if lambda None', { trivia: false });
      assert.deepEqual(toks.slice(0, 6).map((t) => t.kind), ['Name', 'Name', 'Name', 'Keyword', 'Keyword', 'Keyword']);
    });

    it('reads non-ASCII identifiers and rejects other characters', () => {
      assert.deepEqual(kinds('é = 日本'), ['é', '=', '日本', 'Newline', 'EndMarker']);
      assert.equal(errorOf('x = a €').message, "invalid character '€' (U+20AC)");
      assert.equal(errorOf('x = a\u00a0b').message, 'invalid non-printable character U+00A0');
    });

    it('keeps ASCII punctuation the grammar never uses as operator tokens', () => {
      assert.deepEqual(kinds('a $ b ? c'), ['a', '$', 'b', '?', 'c', 'Newline', 'EndMarker']);
    });
  });

  describe('operators', () => {
    it('takes the longest operator', () => {
      assert.deepEqual(kinds('a **= b //= c >>= d <<= e -> f := g ... != == <= >= ** //'),
        ['a', '**=', 'b', '//=', 'c', '>>=', 'd', '<<=', 'e', '->', 'f', ':=', 'g', '...', '!=', '==', '<=', '>=', '**', '//', 'Newline', 'EndMarker']);
      assert.deepEqual(kinds('x@=y'), ['x', '@=', 'y', 'Newline', 'EndMarker']);
    });

    it('matches brackets, naming the mismatch', () => {
      assert.equal(errorOf('x = (]').message, "closing parenthesis ']' does not match opening parenthesis '('");
      assert.equal(errorOf('x = (\n]').message, "closing parenthesis ']' does not match opening parenthesis '(' on line 1");
      const e = errorOf('x = )');
      assert.equal(e.message, "unmatched ')'");
      assert.equal(pos(e), '1:4-1:5');
    });
  });

  describe('numbers', () => {
    it('reads every literal form as one token', () => {
      for (const n of ['0', '00', '0_0', '123', '1_000', '0xFF', '0X_f', '0o17', '0b1_01', '1.', '.5', '1.5', '1e10', '1E-5', '1_0.0_1e+1_0', '09.5', '1j', '1.5J']) {
        const toks = tokenize(n, { trivia: false });
        assert.deepEqual([toks[0].kind, toks[0].text], ['Number', n], n);
      }
    });

    it('lets a keyword follow a number directly, as CPython does', () => {
      assert.deepEqual(kinds('1if x else 2'), ['Number', 'if', 'x', 'else', 'Number', 'Newline', 'EndMarker']);
    });

    it("reports malformed literals with CPython's messages", () => {
      const cases: [string, string, number][] = [
        ['1abc', 'invalid decimal literal', 0],
        ['1_', 'invalid decimal literal', 1],
        ['1__0', 'invalid decimal literal', 1],
        ['1e+', 'invalid decimal literal', 2],
        ['0x', 'invalid hexadecimal literal', 1],
        ['0o8', "invalid digit '8' in octal literal", 2],
        ['0b2', "invalid digit '2' in binary literal", 2],
        ['0b1_', 'invalid binary literal', 3],
        ['0777', 'leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers', 0],
      ];
      for (const [src, message, col] of cases) {
        const e = errorOf(src);
        assert.equal(e.message, message, src);
        assert.equal((e.errorRange ?? e).col, col, src);
      }
    });
  });

  describe('strings', () => {
    it('reads every prefix and quote style as one token', () => {
      for (const s of ["'a'", '"a"', "'''a'''", '"""a"""', "r'\\d'", "b'x'", "f'{x}'", "rb'x'", "Rb'x'", "bR'x'", "fr'x'", "RF'x'", "u'x'", "'it\\'s'"]) {
        const toks = tokenize(s, { trivia: false });
        assert.deepEqual([toks[0].kind, toks[0].text], ['String', s], s);
      }
      assert.deepEqual(kinds('ab"x"'), ['ab', 'String', 'Newline', 'EndMarker']);
    });

    it('spans lines in triple-quoted strings and after a backslash', () => {
      const [t] = tokenize('"""a\nbc"""');
      assert.equal(pos(t), '1:0-2:5');
      const [u] = tokenize("'a\\\nb'");
      assert.equal(pos(u), '1:0-2:2');
    });

    it('reports unterminated strings at their start, with the line where the end was sought', () => {
      const e = errorOf("x = 'abc\ny = 1\n");
      assert.equal(e.message, 'unterminated string literal (detected at line 1)');
      assert.equal(pos(e.errorRange ?? e), '1:4-1:5');
      const t = errorOf('x = """abc\n\ny');
      assert.equal(t.message, 'unterminated triple-quoted string literal (detected at line 3)');
    });
  });

  describe('tokenize', () => {
    it('keeps trivia by default and drops it on request', () => {
      assert.deepEqual(tokenize('# hi\nx\n').map((t) => t.kind), ['Comment', 'NL', 'Name', 'Newline', 'EndMarker']);
      assert.deepEqual(tokenize('# hi\nx\n', { trivia: false }).map((t) => t.kind), ['Name', 'Newline', 'EndMarker']);
    });

    it('never throws: errors become tokens and lexing goes on', () => {
      const toks = tokenize("x = 'abc\ny = 0o9 + $ + €\n");
      assert.deepEqual(toks.filter((t) => t.kind === 'Error').map((t) => t.message), [
        'unterminated string literal (detected at line 1)', "invalid digit '9' in octal literal", "invalid character '€' (U+20AC)",
      ]);
      assert.equal(toks[toks.length - 1].kind, 'EndMarker');
    });

    it('gives exact source text and offsets', () => {
      const src = 'a = "é" + b';
      for (const t of tokenize(src)) assert.equal(src.slice(t.start, t.end), t.text);
    });
  });
});
