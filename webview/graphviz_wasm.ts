// Graphviz's WebAssembly for the layout worker. @hpcc-js/wasm-graphviz embeds it as base91
// text compressed for a zstd decoder written in JavaScript: unpacking it in a cold worker takes
// 100–200 ms, most of the worker's start. scripts/build-webview.mjs embeds the same bytes
// gzip-compressed as base64 instead (the define below), which atob and the browser's native
// DecompressionStream unpack in a few ms, and makes the library take them from `graphvizWasm`.
// A build without the define (the licence scan) leaves the library its own copy.

declare const GRADSCOPE_GRAPHVIZ_WASM: string | undefined;

let binary: Uint8Array | null = null;

/** Uint8Array.fromBase64 where the browser has it (Chromium 140+; VS Code's Electron may not). */
const U8 = Uint8Array as unknown as { fromBase64?: (s: string) => Uint8Array };

function fromBase64(text: string): Uint8Array {
  if (U8.fromBase64) return U8.fromBase64(text);
  const s = atob(text);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

/** Unpacks the embedded WebAssembly; resolves false when the build embedded none. */
export async function unpackGraphvizWasm(): Promise<boolean> {
  if (binary) return true;
  if (typeof GRADSCOPE_GRAPHVIZ_WASM !== 'string') return false;
  const gz = fromBase64(GRADSCOPE_GRAPHVIZ_WASM);
  const stream = new Blob([gz.buffer as ArrayBuffer]).stream().pipeThrough(new DecompressionStream('gzip'));
  binary = new Uint8Array(await new Response(stream).arrayBuffer());
  return true;
}

/** The unpacked bytes, for the patched library (its `wasmBinary`). */
export function graphvizWasm(): Uint8Array {
  if (!binary) throw new Error('Graphviz loaded before its WebAssembly was unpacked');
  return binary;
}
