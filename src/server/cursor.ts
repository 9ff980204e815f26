// Reading the code around the cursor from tokens, so that features work on half-typed
// lines that do not parse: the dotted chain before a `.`, the word under the mouse, the
// call whose parentheses hold the cursor.
import type { Token } from '../interpreter/tokens';

/** One step of a chain like `optimizers.SGD(lr).setup`: a root name, attributes, calls, indexing. */
export type Step =
  | { readonly kind: 'name'; readonly name: string }
  | { readonly kind: 'attr'; readonly name: string }
  | { readonly kind: 'call' }
  | { readonly kind: 'index' };

const TRIVIA = new Set(['Comment', 'NL', 'Indent', 'Dedent']);
const isOp = (t: Token | undefined, text: string) => t !== undefined && t.kind === 'Op' && t.text === text;

/** Index of the last token that starts before `offset` (-1 if none). */
export function tokenBefore(tokens: readonly Token[], offset: number): number {
  let lo = 0, hi = tokens.length - 1, ans = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].start < offset) { ans = mid; lo = mid + 1; } else hi = mid - 1;
  }
  return ans;
}

/** The nearest non-trivia token at or before index i (-1 if none). */
export function significantBefore(tokens: readonly Token[], i: number): number {
  let j = i;
  while (j >= 0 && TRIVIA.has(tokens[j].kind)) j--;
  return j;
}

/** Index of the bracket that opens the one closing at `close`, or -1. */
function matchingOpen(tokens: readonly Token[], close: number): number {
  const open = tokens[close].text === ')' ? '(' : '[';
  let depth = 0;
  for (let j = close; j >= 0; j--) {
    const t = tokens[j];
    if (t.kind === 'Newline') return -1;
    if (t.kind !== 'Op') continue;
    if (t.text === ')' || t.text === ']' || t.text === '}') depth++;
    else if (t.text === '(' || t.text === '[' || t.text === '{') {
      depth--;
      if (depth === 0) return t.text === open ? j : -1;
    }
  }
  return -1;
}

/** Whether token j ends an operand, so that a following `(` or `[` is a call or an index. */
const endsOperand = (t: Token | undefined) => t !== undefined && (t.kind === 'Name' || (t.kind === 'Op' && (t.text === ')' || t.text === ']')));

/**
 * The chain whose last token is `tokens[end]` (a name, or the `)`/`]` of a call or index):
 * `F.tanh` → [name F, attr tanh]. Null when it is not a plain chain rooted at a name.
 */
export function chainEndingAt(tokens: readonly Token[], end: number): Step[] | null {
  const steps: Step[] = [];
  let j = end;
  for (let guard = 0; guard < 64; guard++) {
    const t = tokens[j];
    if (!t) return null;
    if (t.kind === 'Name') {
      const prev = significantBefore(tokens, j - 1);
      if (isOp(tokens[prev], '.')) {
        steps.unshift({ kind: 'attr', name: t.text });
        j = significantBefore(tokens, prev - 1);
        continue;
      }
      const before = tokens[prev];
      if (before && before.kind === 'Keyword' && (before.text === 'def' || before.text === 'class')) return null;
      steps.unshift({ kind: 'name', name: t.text });
      return steps;
    }
    if (isOp(t, ')') || isOp(t, ']')) {
      const open = matchingOpen(tokens, j);
      if (open < 0) return null;
      const callee = significantBefore(tokens, open - 1);
      if (!endsOperand(tokens[callee])) return null;
      steps.unshift({ kind: t.text === ')' ? 'call' : 'index' });
      j = callee;
      continue;
    }
    return null;
  }
  return null;
}

/** Where completion was asked: after `receiver.`, with a partial name typed. */
export interface MemberContext {
  readonly receiver: Step[];
  readonly prefix: string;
  /** Offset where the partial name starts (the completion replaces from there). */
  readonly start: number;
}

/** Whether the offset lies inside a comment or a string, where nothing is completed. */
function inTextOrComment(t: Token, offset: number): boolean {
  if (t.kind === 'Comment') return offset <= t.end;
  if (t.kind === 'String' || t.kind === 'Error') return offset < t.end || (t.kind === 'Error' && offset === t.end);
  return false;
}

/** The member-completion context at `offset`, or null when the cursor is not after a `.`. */
export function memberContext(tokens: readonly Token[], offset: number): MemberContext | null {
  const i = tokenBefore(tokens, offset);
  const t = tokens[i];
  if (!t || inTextOrComment(t, offset)) return null;
  let dot: number, prefix = '', start = offset;
  if ((t.kind === 'Name' || t.kind === 'Keyword') && offset <= t.end) {
    prefix = t.text.slice(0, offset - t.start);
    start = t.start;
    dot = significantBefore(tokens, i - 1);
  } else if (isOp(t, '.') && offset >= t.end) {
    dot = i;
  } else {
    return null;
  }
  if (!isOp(tokens[dot], '.')) return null;
  const receiver = chainEndingAt(tokens, significantBefore(tokens, dot - 1));
  return receiver ? { receiver, prefix, start } : null;
}

/** The name token under `offset` and the chain it ends, for hover. */
export function hoverContext(tokens: readonly Token[], offset: number): { chain: Step[]; token: Token } | null {
  let i = tokenBefore(tokens, offset + 1);
  if (i >= 0 && tokens[i].end < offset) return null;
  if (i >= 0 && tokens[i].kind !== 'Name' && tokens[i].start === offset && i > 0 && tokens[i - 1].kind === 'Name' && tokens[i - 1].end === offset) i--;
  const t = tokens[i];
  if (!t || t.kind !== 'Name') return null;
  const chain = chainEndingAt(tokens, i);
  return chain ? { chain, token: t } : null;
}

/** The call around `offset`: its callee chain, which argument the cursor is in, and that argument's keyword. */
export interface CallContext {
  readonly callee: Step[];
  /** 0-based position among the arguments (commas before the cursor). */
  readonly argIndex: number;
  /** `name` when the current argument is written `name=…`. */
  readonly keyword: string | null;
}

/** The innermost call around `offset` (looking through tuple, list and dict displays) on the same statement. */
export function callContext(tokens: readonly Token[], offset: number): CallContext | null {
  let depth = 0, commas = 0, argStart = -1;
  for (let j = tokenBefore(tokens, offset); j >= 0; j--) {
    const t = tokens[j];
    if (t.kind === 'Newline') return null;
    if (t.kind !== 'Op') continue;
    if (t.text === ')' || t.text === ']' || t.text === '}') depth++;
    else if (t.text === '(' || t.text === '[' || t.text === '{') {
      if (depth > 0) { depth--; continue; }
      const calleeEnd = significantBefore(tokens, j - 1);
      if (t.text === '(' && endsOperand(tokens[calleeEnd])) {
        const callee = chainEndingAt(tokens, calleeEnd);
        return callee && { callee, argIndex: commas, keyword: keywordOf(tokens, argStart < 0 ? j + 1 : argStart, offset) };
      }
      // A tuple, list or dict display: the cursor is inside one argument of an outer call.
      commas = 0;
      argStart = -1;
    } else if (t.text === ',' && depth === 0) {
      if (argStart < 0) argStart = j + 1;
      commas++;
    }
  }
  return null;
}

/** `name` when the tokens from `from` start with `name =` and the cursor is past the `=`. */
function keywordOf(tokens: readonly Token[], from: number, offset: number): string | null {
  let j = from;
  while (j < tokens.length && TRIVIA.has(tokens[j].kind)) j++;
  const name = tokens[j];
  let k = j + 1;
  while (k < tokens.length && TRIVIA.has(tokens[k].kind)) k++;
  const eq = tokens[k];
  if (!name || name.kind !== 'Name' || !isOp(eq, '=') || eq.end > offset) return null;
  return name.text;
}
