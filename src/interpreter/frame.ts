// Frames: one per executing module, class body, function call or comprehension.
import type * as A from './ast';
import { Cell, PyValue, UNBOUND } from './objects';
import type { PyFunction } from './function';
import type { ScopeInfo } from './scope';

/** How a statement finished. */
export const NORMAL = 0, BREAK = 1, CONTINUE = 2, RETURN = 3;
export type Completion = 0 | 1 | 2 | 3;

export type Slot = PyValue | Cell | typeof UNBOUND;

export class Frame {
  /** The statement about to run or running (its range is what the debugger shows). */
  stmt: A.Stmt | null = null;
  /** The innermost call, operator, subscript or attribute being evaluated: where errors point. */
  node: A.Node | null = null;
  returnValue: PyValue = null;
  /** Set while the frame's body runs a generator: the frame is suspended between resumes. */
  generator = false;

  constructor(
    public readonly name: string,
    public readonly file: string,
    public readonly info: ScopeInfo,
    public slots: Slot[],
    /** Module globals or class namespace for names resolved by dict ('name' access). */
    public readonly ns: Map<string, PyValue> | null,
    public readonly globals: Map<string, PyValue>,
    public back: Frame | null,
    public readonly func: PyFunction | null = null,
  ) {}

  get line(): number { return this.stmt ? this.stmt.range.line : 0; }

  /** The function's qualified name (A.f), for call stacks; tracebacks use `name` as CPython does. */
  get qualname(): string { return this.classQualname ?? this.func?.qualname ?? this.name; }
  /** Set on class-body frames (Outer.Inner). */
  classQualname: string | null = null;

  /** The frame's local variables by name (bound ones only), for debuggers and locals(). */
  locals(): Map<string, PyValue> {
    if (this.ns && this.ns === this.globals) return this.ns;
    const out = new Map<string, PyValue>(this.ns ?? []);
    this.info.slots.forEach((name, i) => {
      const s = this.slots[i];
      const v = s instanceof Cell ? s.value : s;
      if (v !== UNBOUND) out.set(name, v as PyValue);
    });
    return out;
  }
}
