// string: the character-class constants and capwords.
import { PyModule } from '../objects';
import { pyErr } from '../pyerrors';
import { str } from '../convert';
import { builtin, makeModule, parseArgs } from '../native';

const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const UPPER = LOWER.toUpperCase();
const DIGITS = '0123456789';
const PUNCTUATION = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';
const WHITESPACE = ' \t\n\r\x0b\x0c';

/** The `string` module. */
export function makeString(): PyModule {
  return makeModule('string', {
    ascii_lowercase: LOWER, ascii_uppercase: UPPER, ascii_letters: LOWER + UPPER,
    digits: DIGITS, hexdigits: DIGITS + 'abcdefABCDEF', octdigits: '01234567',
    punctuation: PUNCTUATION, whitespace: WHITESPACE,
    printable: DIGITS + LOWER + UPPER + PUNCTUATION + WHITESPACE,
    capwords: builtin('capwords', (a, kw) => {
      const [s, sep] = parseArgs('capwords', a, kw, ['s', 'sep'], 1);
      if (typeof s !== 'string') throw pyErr('TypeError', 'capwords() argument must be str');
      const cap = (w: string) => (w ? w[0].toUpperCase() + w.slice(1).toLowerCase() : w);
      if (sep === undefined || sep === null) return s.split(/[ \t\n\r\x0b\x0c]+/).filter(Boolean).map(cap).join(' ');
      return s.split(str(sep)).map(cap).join(str(sep));
    }),
  });
}
