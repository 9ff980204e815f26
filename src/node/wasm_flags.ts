// Node 20 has WebAssembly relaxed SIMD behind a flag; the engine's fused multiply-add kernels
// (src/engine/wasm_fma.ts) need it. Imported first by every Node host that runs the engine (the
// CLI, the script thread, the benchmarks, the tests): V8 reads the flag when a module is
// compiled, and the engine compiles its kernels on first use. Newer Node versions have relaxed
// SIMD on by default and may no longer know the flag, so it is set only when a module using it
// does not validate without it.
import { setFlagsFromString } from 'node:v8';
import { relaxedSimdValidates } from '../engine/wasm_fma';

if (!relaxedSimdValidates()) setFlagsFromString('--experimental-wasm-relaxed-simd');
