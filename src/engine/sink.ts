// The file access a host grants the engine (save_weights, load_weights, datasets): paths are
// interpreted by the host, which confines them (e.g. to the script's folder).

/** Files the host lets a script read and write. */
export interface FileSink {
  readFile(path: string): Uint8Array;
  writeFile(path: string, data: Uint8Array): void;
  exists(path: string): boolean;
  /** Whether path is a folder (optional: without it, os.path.isdir knows only folders made this run). */
  isDir?(path: string): boolean;
}

/** A sink that refuses everything, for runs without file access. */
export const NO_FILES: FileSink = {
  readFile: (p) => { throw new Error(`no file access in this run (reading ${p})`); },
  writeFile: (p) => { throw new Error(`no file access in this run (writing ${p})`); },
  exists: () => false,
};
