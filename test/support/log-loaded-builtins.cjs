// A `node --require` hook for tests: at exit, prints the Node built-in modules the process loaded
// (`builtins: net,stream,…`) to stderr, so a test can tell whether a costly one was needed.
process.on('exit', () => {
  const names = process.moduleLoadList
    .filter((entry) => entry.startsWith('NativeModule '))
    .map((entry) => entry.slice('NativeModule '.length));
  process.stderr.write(`builtins: ${names.join(',')}\n`);
});
