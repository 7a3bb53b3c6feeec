// Facts about the sources worked out at build time, which the bundles carry as constants so that a
// fresh process does not work them out first:
//  - __GKD_REGEX_LITERALS__: the text (src/core/required-literal.ts) that every regular expression
//    in the files that gate their patterns with mayMatch (~200 sources) cannot match without,
//    literals and those built from templates alike;
//  - __GKD_VISIBLE_FORMS__: what a reader sees (src/core/visible-text.ts) for each non-ASCII
//    character the CLI's own texts use (…, —, →): outputs are masked on their way out, and folding
//    one of them needs the confusables table, ~4 ms to load, for characters that fold to themselves.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import ts from 'typescript';

/** The folders whose texts the CLI prints (the catalog, the renderers). */
const OUTPUT_TEXTS = [
  'src/catalog',
  'src/doctor/render',
  'src/cli',
  'src/explain',
  'src/core/key-path-flowchart.ts',
];

export async function visibleForms(root) {
  const { visibleText } = await loadModule(root, 'src/core/visible-text.ts');
  const chars = new Set();
  for (const path of OUTPUT_TEXTS) {
    const full = join(root, path);
    const files = statSync(full).isDirectory()
      ? readdirSync(full, { recursive: true })
          .filter((f) => f.endsWith('.ts'))
          .map((f) => join(full, f))
      : [full];
    for (const file of files)
      for (const ch of readFileSync(file, 'utf8')) if (ch.codePointAt(0) > 0x7f) chars.add(ch);
  }
  return Object.fromEntries([...chars].sort().map((ch) => [ch, visibleText(ch).text]));
}

/** The files whose patterns go through mayMatch. */
const GATED = [
  'src/catalog/matchers.ts',
  'src/core/error-parse/extract-fields.ts',
  'src/core/error-parse/status-only-surfaces.ts',
];

export async function regexLiterals(root) {
  const { requiredText, literalKey } = await loadModule(root, 'src/core/required-literal.ts');
  const table = {};
  const add = (re) => {
    table[literalKey(re)] = requiredText(re) ?? null;
  };
  for (const file of GATED) {
    const source = ts.createSourceFile(file, readFileSync(join(root, file), 'utf8'), ts.ScriptTarget.Latest);
    const visit = (node) => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        // `/body/flags`: the body of a literal is what RegExp's constructor takes
        const end = node.text.lastIndexOf('/');
        add(new RegExp(node.text.slice(1, end), node.text.slice(end + 1)));
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  // Patterns built from templates (`new RegExp(\`${Q}status${Q}…\`)`) exist only once the module
  // has run: each file is loaded with RegExp's constructor watched, and what it builds is added.
  const RealRegExp = globalThis.RegExp;
  const built = [];
  globalThis.RegExp = new Proxy(RealRegExp, {
    construct(target, args, newTarget) {
      const re = Reflect.construct(target, args, newTarget);
      built.push(re);
      return re;
    },
  });
  try {
    for (const file of GATED) await loadModule(root, file);
  } finally {
    globalThis.RegExp = RealRegExp;
  }
  for (const re of built) add(re);
  return table;
}

/** A source module, bundled in memory and imported (this script runs without tsx). */
async function loadModule(root, path) {
  const built = await build({
    entryPoints: [join(root, path)],
    bundle: true,
    format: 'esm',
    platform: 'node',
    write: false,
    logLevel: 'warning',
  });
  const code = built.outputFiles[0].text;
  return import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
}
