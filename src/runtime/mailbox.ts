// A request mailbox in shared memory, so a script thread that is paused (blocked) can still
// receive requests: the client writes one JSON request at a time; the script thread waits
// on it with Atomics.wait, or polls it while running. Uses only JS globals.

const SEQ = 0, LEN = 1, CANCEL = 2;
const HEADER = 16;

/** Shared state: a control word array and a byte area for the request. */
export class Mailbox {
  readonly ctrl: Int32Array;
  readonly bytes: Uint8Array;
  private seq = 0;

  constructor(readonly buffer: SharedArrayBuffer = new SharedArrayBuffer(HEADER + (1 << 20))) {
    this.ctrl = new Int32Array(buffer, 0, 4);
    this.bytes = new Uint8Array(buffer, HEADER);
  }

  /** Client side: posts a request (the previous one must have been taken). */
  post(request: unknown): number {
    const data = new TextEncoder().encode(JSON.stringify(request));
    if (data.length > this.bytes.length) throw new Error(`request too large (${data.length} bytes)`);
    this.bytes.set(data);
    Atomics.store(this.ctrl, LEN, data.length);
    this.seq = (this.seq % 0x7ffffffe) + 1;
    Atomics.store(this.ctrl, SEQ, this.seq);
    Atomics.notify(this.ctrl, SEQ);
    return this.seq;
  }

  /** True while a posted request has not been taken. */
  get busy(): boolean { return Atomics.load(this.ctrl, SEQ) !== 0; }

  /** Script side: takes the pending request, if any. */
  take(): { seq: number; request: unknown } | null {
    const seq = Atomics.load(this.ctrl, SEQ);
    if (seq === 0) return null;
    const len = Atomics.load(this.ctrl, LEN);
    const text = new TextDecoder().decode(this.bytes.slice(0, len));
    Atomics.store(this.ctrl, SEQ, 0);
    return { seq, request: JSON.parse(text) };
  }

  /** Script side: blocks until a request is pending (or cancel is set). */
  wait(): void {
    while (Atomics.load(this.ctrl, SEQ) === 0 && !this.cancelled) Atomics.wait(this.ctrl, SEQ, 0, 250);
  }

  cancel(): void {
    Atomics.store(this.ctrl, CANCEL, 1);
    Atomics.notify(this.ctrl, SEQ);
  }

  get cancelled(): boolean { return Atomics.load(this.ctrl, CANCEL) !== 0; }
}
