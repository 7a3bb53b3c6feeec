// A `node --require` hook for tests: prints every file Node loads through CommonJS to stderr
// (`required: <path>`), so a test can tell whether a lazy bundle was loaded.
const Module = require('node:module');
const original = Module._load;
Module._load = function load(request, parent, isMain) {
  if (process.env.GKD_LOG_REQUIRES === '1') process.stderr.write(`required: ${request}\n`);
  return original.call(this, request, parent, isMain);
};
