// A script's output gathered into fewer messages: a script printing in a loop would otherwise
// wake the host for every line. Text waits at most OUTPUT_FLUSH_MS — checked on each write
// and at the interpreter's periodic polls, since a running script blocks its thread's timers —
// and is always sent before any other message, so output and stops keep their order.

export const OUTPUT_FLUSH_MS = 20;

export type OutputCategory = 'stdout' | 'stderr';

export class OutputBatch {
  private category: OutputCategory | null = null;
  private text = '';
  private since = 0;

  constructor(
    private readonly send: (category: OutputCategory, text: string) => void,
    private readonly now: () => number,
    private readonly maxWaitMs = OUTPUT_FLUSH_MS,
  ) {}

  write(category: OutputCategory, text: string): void {
    if (category !== this.category) {
      this.flush();
      this.category = category;
      this.since = this.now();
    }
    this.text += text;
    this.flushIfDue();
  }

  /** Sends what has waited long enough. */
  flushIfDue(): void {
    if (this.category !== null && this.now() - this.since >= this.maxWaitMs) this.flush();
  }

  /** Sends everything gathered. */
  flush(): void {
    const { category, text } = this;
    this.category = null;
    this.text = '';
    if (category !== null && text) this.send(category, text);
  }
}
