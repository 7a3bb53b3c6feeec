// Injected by scripts/build.mjs into a CommonJS bundle that reads `import.meta.url` (which CommonJS
// lacks): the bundle file's own URL, so `new URL('./x', import.meta.url)` finds files beside it.
// A getter, worked out on first use: computed at load, it cost every bundle node:url's
// pathToFileURL (~0.3 ms) whether it was read or not, and kept the shim in every module.
export const importMeta = {
  get url() {
    return require('node:url').pathToFileURL(__filename).href;
  },
};
