// .npz archives (np.savez / np.savez_compressed): re-exported from the .npy and zip codecs.
export { readNpz, writeNpz, readNpy, writeNpy } from './npy';
