// Print options and floating-point error settings: set_printoptions, get_printoptions,
// printoptions (a context manager), array2string, array_repr, array_str; errstate, seterr,
// geterr (accepted and recorded: Gradscope never warns on floating-point errors).
import { NDArray } from '../../engine/ndarray';
import { PrintOptions, array2string, arrayRepr, arrayStr } from '../../engine/format';
import { Kwargs, PyDict, PyValue } from '../objects';
import { pyErr } from '../pyerrors';
import { T, registerNative } from '../types';
import { toFloat, toIndex, truthy } from '../convert';
import { builtin, methods, staticMethods } from '../native';
import { makeDict } from '../hashing';
import { npClass } from '../npscalar';
import { NpPrintOptions, npSettings } from './numpy_state';
import { arr, npArgs } from './numpy_args';

const OPTION_NAMES = ['precision', 'threshold', 'edgeitems', 'linewidth', 'suppress', 'nanstr', 'infstr', 'formatter', 'sign', 'floatmode', 'legacy', 'override_repr'];

function optionsDict(o: NpPrintOptions): PyDict {
  return makeDict([['edgeitems', BigInt(o.edgeitems)], ['threshold', o.thresholdValue], ['floatmode', 'maxprec'],
    ['precision', BigInt(o.precision)], ['suppress', o.suppress], ['linewidth', BigInt(o.linewidth)], ['nanstr', o.nanstr],
    ['infstr', o.infstr], ['sign', '-'], ['formatter', null], ['legacy', false], ['override_repr', null]]);
}

/** Options after applying keyword arguments to `base` (NumPy's checks and messages). */
function withOptions(base: NpPrintOptions, fname: string, args: PyValue[], kw: Kwargs | null): NpPrintOptions {
  const p = npArgs(fname, args, kw, OPTION_NAMES, 0);
  const o = { ...base };
  const [precision, threshold, edgeitems, linewidth, suppress, nanstr, infstr, formatter, sign, floatmode, legacy] = p;
  const given = (v: PyValue | undefined): v is PyValue => v !== undefined && v !== null;
  if (given(precision)) {
    if (typeof precision !== 'bigint') throw pyErr('TypeError', 'precision must be an integer');
    o.precision = Number(precision);
  }
  if (given(threshold)) {
    const t = toFloat(threshold);
    if (t !== t) throw pyErr('ValueError', 'threshold must be non-NAN, try sys.maxsize for untruncated representation');
    o.threshold = t;
    o.thresholdValue = threshold;
  }
  if (given(edgeitems)) o.edgeitems = toIndex(edgeitems);
  if (given(linewidth)) o.linewidth = toIndex(linewidth);
  if (given(suppress)) o.suppress = truthy(suppress);
  if (given(nanstr)) o.nanstr = String(nanstr);
  if (given(infstr)) o.infstr = String(infstr);
  if (given(formatter)) throw pyErr('NotImplementedError', "Gradscope's set_printoptions does not support formatter=");
  if (given(sign) && sign !== '-') throw pyErr('NotImplementedError', `Gradscope's set_printoptions supports sign='-' only`);
  if (given(floatmode) && floatmode !== 'maxprec') throw pyErr('NotImplementedError', `Gradscope's set_printoptions supports floatmode='maxprec' only`);
  if (given(legacy) && legacy !== false) throw pyErr('NotImplementedError', "Gradscope's set_printoptions does not support legacy printing modes");
  return o;
}

/** The context manager np.printoptions(...) returns: sets options on entry, restores them on exit. */
class OptionsScope {
  saved: NpPrintOptions | null = null;
  constructor(readonly options: NpPrintOptions) {}
}
/** np.errstate(...): accepted, with nothing to change (Gradscope never warns). */
class ErrState {}
const PRINTOPTIONS_CM = npClass('_PrintOptionsContext', [T.object], 'numpy');
const ERRSTATE = npClass('errstate', [T.object], 'numpy');
registerNative(OptionsScope, PRINTOPTIONS_CM);
registerNative(ErrState, ERRSTATE);

methods(PRINTOPTIONS_CM, {
  __enter__: (s) => {
    const c = s as OptionsScope;
    c.saved = npSettings.print;
    npSettings.print = c.options;
    return optionsDict(npSettings.print);
  },
  __exit__: (s) => {
    const c = s as OptionsScope;
    if (c.saved) npSettings.print = c.saved;
    return false;
  },
});

const ERR_KEYS = ['divide', 'over', 'under', 'invalid'];
const ERR_VALUES = ['ignore', 'warn', 'raise', 'call', 'print', 'log'];
let errSettings: Record<string, string> = { divide: 'warn', over: 'warn', under: 'ignore', invalid: 'warn' };

function applyErr(kw: Kwargs | null): Record<string, string> {
  const next = { ...errSettings };
  for (const [k, v] of kw ?? []) {
    if (k !== 'all' && !ERR_KEYS.includes(k)) throw pyErr('TypeError', `seterr() got an unexpected keyword argument '${k}'`);
    if (v === null) continue;
    if (typeof v !== 'string' || !ERR_VALUES.includes(v)) throw pyErr('ValueError', `invalid error state ${String(v)}`);
    for (const key of k === 'all' ? ERR_KEYS : [k]) next[key] = v;
  }
  return next;
}
const errDict = () => makeDict(ERR_KEYS.map((k) => [k, errSettings[k]]));

staticMethods(ERRSTATE, { __new__: (_a, kw) => { applyErr(kw); return new ErrState(); } });
methods(ERRSTATE, { __enter__: () => null, __exit__: () => false });

/** Resets the error settings (each interpreter starts with NumPy's defaults). */
export function resetErrSettings(): void {
  errSettings = { divide: 'warn', over: 'warn', under: 'ignore', invalid: 'warn' };
}

function formatArgs(fname: string, a: PyValue[], kw: Kwargs | null): [NDArray, PrintOptions, (PyValue | undefined)[]] {
  const p = npArgs(fname, a, kw, ['a', 'max_line_width', 'precision', 'suppress_small', 'separator', 'prefix'], 1);
  const o = { ...npSettings.print };
  if (p[1] !== undefined && p[1] !== null) o.linewidth = toIndex(p[1]);
  if (p[2] !== undefined && p[2] !== null) o.precision = toIndex(p[2]);
  if (p[3] !== undefined && p[3] !== null) o.suppress = truthy(p[3]);
  return [arr(p[0]), o, p];
}

export const PRINT_FUNCTIONS: Record<string, PyValue> = {
  set_printoptions: builtin('set_printoptions', (a, kw) => { npSettings.print = withOptions(npSettings.print, 'set_printoptions', a, kw); return null; }),
  get_printoptions: builtin('get_printoptions', () => optionsDict(npSettings.print)),
  printoptions: builtin('printoptions', (a, kw) => new OptionsScope(withOptions(npSettings.print, 'printoptions', a, kw))),
  array2string: builtin('array2string', (a, kw) => {
    const [x, o, p] = formatArgs('array2string', a, kw);
    return array2string(x, p[4] === undefined ? ' ' : String(p[4]), p[5] === undefined ? '' : String(p[5]), '', o);
  }),
  array_repr: builtin('array_repr', (a, kw) => { const [x, o] = formatArgs('array_repr', a, kw); return arrayRepr(x, o); }),
  array_str: builtin('array_str', (a, kw) => { const [x, o] = formatArgs('array_str', a, kw); return arrayStr(x, o); }),
  errstate: ERRSTATE,
  seterr: builtin('seterr', (_a, kw) => { const old = errDict(); errSettings = applyErr(kw); return old; }),
  geterr: builtin('geterr', () => errDict()),
};
