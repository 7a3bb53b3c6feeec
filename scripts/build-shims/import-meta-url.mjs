// Injected by scripts/build.mjs into a CommonJS bundle that reads `import.meta.url` (which CommonJS
// lacks): the bundle file's own URL, so `new URL('./x', import.meta.url)` finds files beside it.
export const importMetaUrl = require('node:url').pathToFileURL(__filename).href;
