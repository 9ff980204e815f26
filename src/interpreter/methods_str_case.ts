// str methods, case and layout: upper lower title capitalize swapcase casefold, the is*
// predicates, zfill ljust rjust center expandtabs splitlines.
import { PyList, PyValue } from './objects';
import { pyErr } from './pyerrors';
import { T, typeOf } from './types';
import { strLen, truthy } from './convert';
import { parseArgs } from './native';
import { clinicArgs, defMethods, intArg, noArgs, oneArg } from './method_args';
import {
  LINE_BREAK, codePoints, isAlphaChar, isCased, isDecimalChar, isDigitChar, isLowerChar, isNumericChar, isPrintableChar,
  isSpaceChar, isTitleChar, isUpperChar, titleChar,
} from './unicode';

const isStr = (v: PyValue): v is string => typeof v === 'string';

function title(s: string): string {
  let out = '', prevCased = false;
  for (const c of s) {
    out += prevCased ? c.toLowerCase() : titleChar(c);
    prevCased = isCased(c);
  }
  return out;
}

function capitalize(s: string): string {
  if (!s) return s;
  const first = codePoints(s)[0];
  // Lower-case the rest in the context of the whole string (final sigma), then drop the first char.
  return titleChar(first) + s.toLowerCase().slice(first.toLowerCase().length);
}

function swapcase(s: string): string {
  let out = '';
  for (const c of s) out += isUpperChar(c) ? c.toLowerCase() : isLowerChar(c) ? c.toUpperCase() : c;
  return out;
}

const casefold = (s: string) => codePoints(s).map((c) => c.toUpperCase().toLowerCase()).join('');

/** Whether s is non-empty and every code point passes. */
const all = (s: string, ok: (c: string) => boolean) => s.length > 0 && codePoints(s).every(ok);

function casedCheck(s: string, wrong: (c: string) => boolean, want: (c: string) => boolean): boolean {
  let cased = false;
  for (const c of s) {
    if (wrong(c)) return false;
    if (want(c)) cased = true;
  }
  return cased;
}

function istitle(s: string): boolean {
  let cased = false, prevCased = false;
  for (const c of s) {
    if (isUpperChar(c) || isTitleChar(c)) {
      if (prevCased) return false;
      prevCased = cased = true;
    } else if (isLowerChar(c)) {
      if (!prevCased) return false;
      prevCased = cased = true;
    } else prevCased = false;
  }
  return cased;
}

function fillChar(v: PyValue | undefined): string {
  if (v === undefined) return ' ';
  if (typeof v !== 'string') throw pyErr('TypeError', `The fill character must be a unicode character, not ${typeOf(v).name}`);
  if (strLen(v) !== 1) throw pyErr('TypeError', 'The fill character must be exactly one character long');
  return v;
}

function justify(s: string, name: string, a: PyValue[], kw: Map<string, PyValue> | null): string {
  clinicArgs(`str.${name}`, a, kw, 1, 2);
  const width = intArg(a[0]), fill = fillChar(a[1]), n = strLen(s);
  if (width <= n) return s;
  const marg = width - n;
  if (name === 'ljust') return s + fill.repeat(marg);
  if (name === 'rjust') return fill.repeat(marg) + s;
  // CPython's centring: the odd character goes left only when both margin and width are odd.
  const left = Math.floor(marg / 2) + (marg & width & 1);
  return fill.repeat(left) + s + fill.repeat(marg - left);
}

function zfill(s: string, width: number): string {
  const n = strLen(s);
  if (width <= n) return s;
  const zeros = '0'.repeat(width - n);
  return s[0] === '+' || s[0] === '-' ? s[0] + zeros + s.slice(1) : zeros + s;
}

function expandtabs(s: string, size: number): string {
  let out = '', col = 0;
  for (const c of s) {
    if (c === '\t') {
      if (size > 0) { const k = size - (col % size); out += ' '.repeat(k); col += k; }
    } else {
      out += c;
      col = c === '\n' || c === '\r' ? 0 : col + 1;
    }
  }
  return out;
}

function splitlines(s: string, keep: boolean): PyList {
  const out: string[] = [];
  let i = 0;
  for (const m of s.matchAll(LINE_BREAK)) {
    const end = m.index! + m[0].length;
    out.push(s.slice(i, keep ? end : m.index));
    i = end;
  }
  if (i < s.length) out.push(s.slice(i));
  return new PyList(out);
}

function pred(name: string, test: (s: string) => boolean) {
  return (s: string, a: PyValue[], kw: Map<string, PyValue> | null) => { noArgs(`str.${name}`, a, kw); return test(s); };
}

function conv(name: string, f: (s: string) => string) {
  return (s: string, a: PyValue[], kw: Map<string, PyValue> | null) => { noArgs(`str.${name}`, a, kw); return f(s); };
}

const ID_RE = /^[\p{XID_Start}_]\p{XID_Continue}*$/u;

export function installStrCase(): void {
  defMethods(T.str, isStr, {
    upper: conv('upper', (s) => s.toUpperCase()),
    lower: conv('lower', (s) => s.toLowerCase()),
    title: conv('title', title),
    capitalize: conv('capitalize', capitalize),
    swapcase: conv('swapcase', swapcase),
    casefold: conv('casefold', casefold),
    isdigit: pred('isdigit', (s) => all(s, isDigitChar)),
    isdecimal: pred('isdecimal', (s) => all(s, isDecimalChar)),
    isnumeric: pred('isnumeric', (s) => all(s, isNumericChar)),
    isalpha: pred('isalpha', (s) => all(s, isAlphaChar)),
    isalnum: pred('isalnum', (s) => all(s, (c) => isAlphaChar(c) || isNumericChar(c) || isDigitChar(c))),
    isspace: pred('isspace', (s) => all(s, isSpaceChar)),
    isupper: pred('isupper', (s) => casedCheck(s, (c) => isLowerChar(c) || isTitleChar(c), isUpperChar)),
    islower: pred('islower', (s) => casedCheck(s, (c) => isUpperChar(c) || isTitleChar(c), isLowerChar)),
    istitle: pred('istitle', istitle),
    isidentifier: pred('isidentifier', (s) => ID_RE.test(s)),
    isascii: pred('isascii', (s) => /^[\x00-\x7f]*$/.test(s)),
    isprintable: pred('isprintable', (s) => codePoints(s).every(isPrintableChar)),
    zfill: (s, a, kw) => zfill(s, intArg(oneArg('str.zfill', a, kw))),
    ljust: (s, a, kw) => justify(s, 'ljust', a, kw),
    rjust: (s, a, kw) => justify(s, 'rjust', a, kw),
    center: (s, a, kw) => justify(s, 'center', a, kw),
    expandtabs: (s, a, kw) => { const [t] = parseArgs('expandtabs', a, kw, ['tabsize'], 0); return expandtabs(s, t === undefined ? 8 : intArg(t)); },
    splitlines: (s, a, kw) => { const [k] = parseArgs('splitlines', a, kw, ['keepends'], 0); return splitlines(s, k !== undefined && truthy(k)); },
  });
}
