// A small WebAssembly assembler: enough to write the engine's SIMD kernels (wasm_fma.ts) as
// readable TypeScript and encode them into a module at load time. Instructions are byte
// sequences; structured control (block/loop/if) is written with nested arrays.

/** Unsigned LEB128. */
export function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n !== 0) b |= 0x80;
    out.push(b);
  } while (n !== 0);
  return out;
}

/** Signed LEB128 (32-bit values). */
export function sleb(n: number): number[] {
  const out: number[] = [];
  for (;;) {
    const b = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (b & 0x40) === 0) || (n === -1 && (b & 0x40) !== 0)) { out.push(b); return out; }
    out.push(b | 0x80);
  }
}

export type Code = number | Code[];

export const i32 = 0x7f, f64 = 0x7c, v128 = 0x7b;

const simd = (op: number): number[] => [0xfd, ...uleb(op)];
/** memarg: alignment exponent, then the static offset. */
const mem = (align: number, offset: number): number[] => [align, ...uleb(offset)];

/** The instructions the kernels use (`op.x(...)` returns its bytes). */
export const op = {
  get: (i: number): Code => [0x20, ...uleb(i)],
  set: (i: number): Code => [0x21, ...uleb(i)],
  tee: (i: number): Code => [0x22, ...uleb(i)],
  i32: (n: number): Code => [0x41, ...sleb(n)],
  i32Add: 0x6a, i32Sub: 0x6b, i32Mul: 0x6c, i32Shl: 0x74, i32ShrS: 0x75, i32ShrU: 0x76, i32And: 0x71, i32Or: 0x72,
  i32LtU: 0x49, i32LtS: 0x48, i32GtU: 0x4b, i32GtS: 0x4a, i32Eq: 0x46, i32Eqz: 0x45, i32Ne: 0x47,
  i64Const: (n: number): Code => [0x42, ...sleb(n)],
  i64ShrU: 0x88, i32WrapI64: 0xa7, i64ReinterpretF64: 0xbd,
  f64Const: (x: number): Code => [0x44, ...new Uint8Array(Float64Array.of(x).buffer)],
  f64Abs: 0x99, f64Sub: 0xa1, f64Copysign: 0xa6, f64Eq: 0x61, f64Ne: 0x62,
  select: 0x1b,
  f64Load: (offset = 0): Code => [0x2b, ...mem(3, offset)],
  f64Store: (offset = 0): Code => [0x39, ...mem(3, offset)],
  v128Load: (offset = 0): Code => [...simd(0x00), ...mem(3, offset)],
  v128Store: (offset = 0): Code => [...simd(0x0b), ...mem(3, offset)],
  f64x2Splat: simd(0x14),
  f64x2ExtractLane: (lane: number): Code => [...simd(0x21), lane],
  f64x2Add: simd(0xf0),
  f64x2Mul: simd(0xf2),
  /** a·b + c, fused where the machine has FMA (relaxed SIMD). */
  f64x2RelaxedMadd: simd(0x107),
  f64Add: 0xa0, f64Mul: 0xa2,
  /** A loop whose body branches back with `br 0` (continue) — here: `brIf(0)` at the end. */
  loop: (...body: Code[]): Code => [0x03, 0x40, ...body, 0x0b],
  block: (...body: Code[]): Code => [0x02, 0x40, ...body, 0x0b],
  /** if … else … end leaving one value of type t (the condition is on the stack). */
  ifElse: (t: number, then: Code[], otherwise: Code[]): Code => [0x04, t, ...then, 0x05, ...otherwise, 0x0b],
  brIf: (depth: number): Code => [0x0d, ...uleb(depth)],
  br: (depth: number): Code => [0x0c, ...uleb(depth)],
};

function flat(c: Code, out: number[] = []): number[] {
  if (typeof c === 'number') out.push(c);
  else for (const x of c) flat(x, out);
  return out;
}

export interface WasmFunc {
  name: string;
  params: number[];
  results: number[];
  /** Types of the locals after the parameters. */
  locals: number[];
  body: Code[];
}

function section(id: number, content: number[]): number[] {
  return [id, ...uleb(content.length), ...content];
}

const name = (s: string): number[] => [...uleb(s.length), ...Array.from(s, (ch) => ch.charCodeAt(0))];
const vec = (items: number[][]): number[] => [...uleb(items.length), ...items.flat()];

/** A module of `funcs` (exported by name) and one memory exported as "memory". */
export function assemble(funcs: WasmFunc[], memoryPages: number): Uint8Array {
  const types = vec(funcs.map((f) => [0x60, ...uleb(f.params.length), ...f.params, ...uleb(f.results.length), ...f.results]));
  const fsec = vec(funcs.map((_, i) => uleb(i)));
  const memsec = vec([[0x00, ...uleb(memoryPages)]]);
  const exps = vec([...funcs.map((f, i) => [...name(f.name), 0x00, ...uleb(i)]), [...name('memory'), 0x02, 0x00]]);
  const code = vec(funcs.map((f) => {
    const locals = vec(f.locals.map((t) => [1, t]));
    const body = [...locals, ...flat(f.body), 0x0b];
    return [...uleb(body.length), ...body];
  }));
  return Uint8Array.from([0x00, 0x61, 0x73, 0x6d, 1, 0, 0, 0,
    ...section(1, types), ...section(3, fsec), ...section(5, memsec), ...section(7, exps), ...section(10, code)]);
}
