// Fused multiply-add at machine speed: WebAssembly kernels built on relaxed SIMD's
// f64x2.relaxed_madd, which V8 compiles to vfmadd on x86-64 with FMA3 (and to fmla on arm64).
// OpenBLAS's and NumPy's kernels round each a·b + c once with those same instructions; the
// JavaScript ports (exact_fma.ts, libm_fma.ts) reproduce that with about twenty flops per step.
//
// "Relaxed" means an engine may also compute a·b + c with two roundings (a machine without
// FMA), so the kernels are used only after a probe sees a fused result; otherwise, and where
// WebAssembly or relaxed SIMD is missing (Node 20 needs --experimental-wasm-relaxed-simd,
// which the Node hosts set at start), callers keep their exact JavaScript paths.
import { Code, WasmFunc, assemble, f64, i32, op as o, v128 } from './wasm_asm';

const PAGE = 65536;

/** The part of the WebAssembly API used here (the project's Node typings do not declare it). */
interface WasmMemory { buffer: ArrayBuffer; grow(pages: number): number }
interface WasmApi {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => { exports: unknown };
}
const wasm = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;

/**
 * gemm_block(rows, np, kc, a, b, out): for each row i < rows and each group of 4 columns
 * j < np (np a multiple of 4), four fma chains over k < kc — the first product rounded
 * alone, then x = fma(A[i][k], B[k][j], x) in k order — written to out[i][j..j+3].
 * A is [rows][kc], B [kc][np], out [rows][np], float64, at byte offsets a, b, out.
 */
function gemmBlock(): WasmFunc {
  const [rows, np, kc, a, b, out] = [0, 1, 2, 3, 4, 5];
  const [i, j, k, pa, pb, rowBytes, po, paRow, x0, x1, av] = [6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16];
  const splatA: Code = [o.get(pa), o.f64Load(), o.f64x2Splat, o.set(av)];
  const step = (x: number, off: number): Code => [o.get(av), o.get(pb), o.v128Load(off), o.get(x), o.f64x2RelaxedMadd, o.set(x)];
  return {
    name: 'gemm_block', params: [i32, i32, i32, i32, i32, i32], results: [],
    locals: [i32, i32, i32, i32, i32, i32, i32, i32, v128, v128, v128],
    body: [
      o.get(np), o.i32(3), o.i32Shl, o.set(rowBytes),
      o.get(out), o.set(po), o.get(a), o.set(paRow), o.i32(0), o.set(i),
      o.loop(
        o.i32(0), o.set(j),
        o.loop(
          o.get(paRow), o.set(pa),
          o.get(b), o.get(j), o.i32(3), o.i32Shl, o.i32Add, o.set(pb),
          splatA,
          o.get(av), o.get(pb), o.v128Load(0), o.f64x2Mul, o.set(x0),
          o.get(av), o.get(pb), o.v128Load(16), o.f64x2Mul, o.set(x1),
          o.i32(1), o.set(k),
          o.block(
            o.get(k), o.get(kc), o.i32LtU, o.i32Eqz, o.brIf(0),
            o.loop(
              o.get(pa), o.i32(8), o.i32Add, o.set(pa),
              o.get(pb), o.get(rowBytes), o.i32Add, o.set(pb),
              splatA, step(x0, 0), step(x1, 16),
              o.get(k), o.i32(1), o.i32Add, o.tee(k), o.get(kc), o.i32LtU, o.brIf(0),
            ),
          ),
          o.get(po), o.get(x0), o.v128Store(0),
          o.get(po), o.get(x1), o.v128Store(16),
          o.get(po), o.i32(32), o.i32Add, o.set(po),
          o.get(j), o.i32(4), o.i32Add, o.tee(j), o.get(np), o.i32LtU, o.brIf(0),
        ),
        o.get(paRow), o.get(kc), o.i32(3), o.i32Shl, o.i32Add, o.set(paRow),
        o.get(i), o.i32(1), o.i32Add, o.tee(i), o.get(rows), o.i32LtU, o.brIf(0),
      ),
    ],
  };
}

/**
 * tanh_f64(n, x, out, tbl): NumPy's float64 tanh (npsimd_tanh.ts) for n contiguous values at
 * byte offset x into out: the subinterval row from the exponent and first significand bit,
 * y = |v| - b, 16 fused Horner steps over the row's coefficients (tbl: rows of 18 doubles,
 * b, c0 … c16), the sign copied back; ±1 past row 14 and for huge |v|, NaN and ±0 kept.
 */
function tanhF64(): WasmFunc {
  const [n, x, out, tbl] = [0, 1, 2, 3];
  const [j, v, hw, t, row, y, g] = [4, 5, 6, 7, 8, 9, 10];
  const one = (): Code => [o.f64Const(1), o.get(v), o.f64Copysign];
  const steps: Code[] = [];
  for (let k = 15; k >= 0; k--) steps.push(o.get(g), o.get(y), o.get(row), o.f64Load((1 + k) * 8), o.f64x2Splat, o.f64x2RelaxedMadd, o.set(g));
  return {
    name: 'tanh_f64', params: [i32, i32, i32, i32], results: [], locals: [i32, f64, i32, i32, i32, v128, v128],
    body: [
      o.get(n), o.i32Eqz, o.brIf(0),
      o.i32(0), o.set(j),
      o.loop(
        o.get(x), o.get(j), o.i32(3), o.i32Shl, o.i32Add, o.f64Load(), o.set(v),
        o.get(v), o.i64ReinterpretF64, o.i64Const(32), o.i64ShrU, o.i32WrapI64, o.i32(0x7ff80000), o.i32And, o.set(hw),
        o.get(out), o.get(j), o.i32(3), o.i32Shl, o.i32Add,
        o.get(hw), o.i32(0x7fe00000), o.i32GtU,
        o.ifElse(f64, [o.get(v), one(), o.get(v), o.get(v), o.f64Ne, o.select], [
          o.get(hw), o.i32(0x3fc00000), o.i32Sub, o.tee(t), o.i32(0), o.get(t), o.i32(0), o.i32GtS, o.select, o.tee(t),
          o.i32(0x780000), o.get(t), o.i32(0x780000), o.i32LtS, o.select, o.i32(19), o.i32ShrU, o.tee(t),
          o.i32(144), o.i32Mul, o.get(tbl), o.i32Add, o.set(row),
          o.get(t), o.i32(15), o.i32Eq, o.get(v), o.f64Const(0), o.f64Eq, o.i32Or,
          o.ifElse(f64, [o.get(v), one(), o.get(v), o.f64Const(0), o.f64Eq, o.select], [
            o.get(v), o.f64Abs, o.get(row), o.f64Load(0), o.f64Sub, o.f64x2Splat, o.set(y),
            o.get(row), o.f64Load(17 * 8), o.f64x2Splat, o.set(g),
            ...steps,
            o.get(g), o.f64x2ExtractLane(0), o.get(v), o.f64Copysign,
          ]),
        ]),
        o.f64Store(),
        o.get(j), o.i32(1), o.i32Add, o.tee(j), o.get(n), o.i32LtU, o.brIf(0),
      ),
    ],
  };
}

/** fma2(a, b, c): lane 0 of f64x2.relaxed_madd — the probe. */
function fma2(): WasmFunc {
  return {
    name: 'fma', params: [f64, f64, f64], results: [f64], locals: [],
    body: [o.get(0), o.f64x2Splat, o.get(1), o.f64x2Splat, o.get(2), o.f64x2Splat, o.f64x2RelaxedMadd, o.f64x2ExtractLane(0)],
  };
}

interface Exports {
  memory: WasmMemory;
  fma(a: number, b: number, c: number): number;
  gemm_block(rows: number, np: number, kc: number, a: number, b: number, out: number): void;
  tanh_f64(n: number, x: number, out: number, tbl: number): void;
}

export interface FmaKernels {
  /** The kernels above; offsets in bytes into the memory `heap` views. */
  gemmBlock(rows: number, np: number, kc: number, a: number, b: number, out: number): void;
  tanhF64(n: number, x: number, out: number, tbl: number): void;
  /** Byte offset of the scratch area: tables placed so far lie below it. */
  base: number;
  /** A float64 view of the kernels' memory, with at least `bytes` of scratch from `base`. */
  heap(bytes: number): Float64Array;
  /** Copies a constant table into memory below the scratch area; its byte offset. */
  place(table: Float64Array): number;
}

let state: FmaKernels | null | undefined;
let bytes: Uint8Array | undefined;
const moduleBytes = (): Uint8Array => (bytes ??= assemble([fma2(), gemmBlock(), tanhF64()], 1));

/** Whether this engine accepts the kernels' module (relaxed SIMD on). */
export function fmaKernelsValidate(): boolean {
  return wasm !== undefined && wasm.validate(moduleBytes());
}

/** Whether this engine has relaxed SIMD (a module of the probe alone: cheap to build, for hosts' start). */
export function relaxedSimdValidates(): boolean {
  return wasm !== undefined && wasm.validate(assemble([fma2()], 1));
}

/** Turns the kernels off (false: callers take their JavaScript paths) or back on; for tests. */
export function useMachineFma(on: boolean): void {
  state = on ? undefined : null;
}

/** The kernels, or null where fused relaxed SIMD is not available (checked once). */
export function fmaKernels(): FmaKernels | null {
  if (state !== undefined) return state;
  state = null;
  if (!fmaKernelsValidate()) return null;
  const bytes = moduleBytes();
  let ex: Exports;
  try {
    ex = new wasm!.Instance(new wasm!.Module(bytes)).exports as Exports;
  } catch {
    return null;
  }
  // (1 + 2^-30)(1 - 2^-30) - 1 = -2^-60 exactly; two roundings give 0.
  if (ex.fma(1 + 2 ** -30, 1 - 2 ** -30, -1) !== -(2 ** -60)) return null;
  let view = new Float64Array(ex.memory.buffer);
  const k: FmaKernels = {
    gemmBlock: ex.gemm_block,
    tanhF64: ex.tanh_f64,
    base: 0,
    heap(n: number): Float64Array {
      const need = k.base + n;
      if (view.byteLength < need) {
        ex.memory.grow(Math.ceil((need - ex.memory.buffer.byteLength) / PAGE));
        view = new Float64Array(ex.memory.buffer);
      } else if (view.buffer !== ex.memory.buffer) view = new Float64Array(ex.memory.buffer);
      return view;
    },
    place(table: Float64Array): number {
      const at = k.base;
      k.heap(table.byteLength + 16).set(table, at / 8);
      k.base = (at + table.byteLength + 15) & -16;
      return at;
    },
  };
  state = k;
  return state;
}
