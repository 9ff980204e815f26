// The TextMate injection grammar that marks DeZero API names in Python, generated from
// the API tables so the two cannot disagree. syntaxes/dezero.injection.tmLanguage.json is
// this function's output; test/syntaxes/grammars.test.ts checks (and can rewrite) it.
import type { ApiEntry } from './types';
import { MODULES } from './index';

const FUNCTION_SCOPE = 'support.function.dezero';
const CLASS_SCOPE = 'support.class.dezero';
const METHOD_SCOPE = 'support.function.method.dezero';

/** Module aliases the grammar recognises: a grammar cannot read imports, so only the usual spellings. */
const ALIASES: readonly [string, string][] = [
  ['dezero.functions', 'F|functions'], ['dezero.layers', 'L|layers'], ['dezero.optimizers', 'optimizers'],
  ['dezero.models', 'models'], ['dezero.datasets', 'datasets'], ['dezero.dataloaders', 'dataloaders'],
  ['dezero.transforms', 'transforms'], ['dezero.utils', 'utils'], ['dezero.cuda', 'cuda'],
];

/** Names usable without a prefix that belong to DeZero alone (generic ones like Model are left out). */
const BARE = ['Variable', 'Parameter', 'no_grad', 'test_mode', 'using_config', 'as_variable', 'as_array'];

/** Variable and Layer methods that only DeZero-style code calls. */
const METHODS = ['backward', 'cleargrad', 'cleargrads', 'unchain_backward', 'unchain', 'set_creator'];

const alternation = (names: readonly string[]) => [...names].sort((a, b) => b.length - a.length || (a < b ? -1 : 1)).join('|');

function members(path: string, pick: (e: ApiEntry) => boolean): string[] {
  return [...(MODULES.get(path)?.members?.values() ?? [])].filter((e) => pick(e) && !e.name.startsWith('_')).map((e) => e.name);
}

const isClass = (e: ApiEntry) => e.kind === 'class';
const isValue = (e: ApiEntry) => e.kind === 'function' || e.kind === 'constant';

/**
 * Two rules for one group of names. The name alone is matched where it is not called; a
 * call becomes a `meta.function-call.python` region like the Python grammar's own (whose
 * argument rules it reuses), so keyword arguments keep their colours. The prefix is a
 * lookbehind: the Python grammar still owns the `.` and the member access around it.
 */
function rules(repository: Record<string, object>, key: string, before: string, names: readonly string[], scope: string, comment: string): void {
  const head = `${before}(${alternation(names)})\\b`;
  repository[key] = { comment, match: `${head}(?!\\s*\\()`, captures: { 1: { name: scope } } };
  repository[`${key}-call`] = {
    comment: `${comment} Called.`,
    name: 'meta.function-call.python',
    begin: `${head}(?=\\s*\\()`,
    beginCaptures: { 1: { name: scope } },
    end: '(\\))',
    endCaptures: { 1: { name: 'punctuation.definition.arguments.end.python' } },
    patterns: [{ include: 'source.python#function-arguments' }, { include: 'source.python' }],
  };
}

/** A lookbehind for any of the module prefixes `F|functions` (each alternative has a fixed length). */
const after = (prefix: string) => `(?:${prefix.split('|').map((p) => `(?<=\\b${p}\\.)`).join('|')})`;

/** The injection grammar as a JSON-ready object. */
export function injectionGrammar(): object {
  const repository: Record<string, object> = {};
  for (const [path, prefix] of ALIASES) {
    const key = path.slice('dezero.'.length);
    const fns = members(path, isValue), classes = members(path, isClass);
    const where = `after ${prefix.replace('|', ' or ')}.`;
    if (fns.length) rules(repository, `${key}-names`, after(prefix), fns, FUNCTION_SCOPE, `${path} functions ${where}`);
    if (classes.length) rules(repository, `${key}-classes`, after(prefix), classes, CLASS_SCOPE, `${path} classes ${where}`);
  }
  rules(repository, 'dezero-names', after('dezero'), members('dezero', isValue), FUNCTION_SCOPE, 'Functions read from the dezero package itself.');
  rules(repository, 'dezero-classes', after('dezero'), members('dezero', isClass), CLASS_SCOPE, 'Classes read from the dezero package itself.');
  const bare = '(?<![.\\w])(?<!\\bdef\\s)(?<!\\bclass\\s)';
  const note = 'imported on their own (from dezero import Variable), except where they are being defined.';
  rules(repository, 'bare-classes', bare, BARE.filter((n) => /^[A-Z]/.test(n)), CLASS_SCOPE, `DeZero classes ${note}`);
  rules(repository, 'bare-names', bare, BARE.filter((n) => /^[a-z]/.test(n)), FUNCTION_SCOPE, `DeZero functions ${note}`);
  repository['variable-methods-call'] = {
    comment: 'Calls of the methods that drive back-propagation: x.backward(), model.cleargrads(), …',
    name: 'meta.function-call.python',
    begin: `(?<=\\.)(${alternation(METHODS)})\\b(?=\\s*\\()`,
    beginCaptures: { 1: { name: METHOD_SCOPE } },
    end: '(\\))',
    endCaptures: { 1: { name: 'punctuation.definition.arguments.end.python' } },
    patterns: [{ include: 'source.python#function-arguments' }, { include: 'source.python' }],
  };
  return {
    $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
    name: 'DeZero API names',
    scopeName: 'dezero.injection',
    comment: 'Generated from src/server/api by src/server/api/grammar.ts; do not edit by hand.',
    injectionSelector: 'L:source.python -comment -string',
    patterns: Object.keys(repository).map((key) => ({ include: `#${key}` })),
    repository,
  };
}

/** The grammar file's exact text. */
export function injectionGrammarText(): string {
  return `${JSON.stringify(injectionGrammar(), null, 2)}\n`;
}
