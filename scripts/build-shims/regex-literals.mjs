// The required literals (src/core/required-literal.ts) of every regular expression literal in the
// files that gate their patterns with mayMatch, worked out at build time: the bundles carry them
// as __GKD_REGEX_LITERALS__, so a fresh process does not scan ~200 pattern sources first.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import ts from 'typescript';

/** The files whose patterns go through mayMatch. */
const GATED = ['src/catalog/matchers.ts', 'src/core/error-parse/extract-fields.ts'];

export async function regexLiterals(root) {
  const { requiredLiterals, literalKey } = await loadRequiredLiteral(root);
  const table = {};
  for (const file of GATED) {
    const source = ts.createSourceFile(file, readFileSync(join(root, file), 'utf8'), ts.ScriptTarget.Latest);
    const visit = (node) => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const re = (0, eval)(node.text);
        table[literalKey(re)] = requiredLiterals(re) ?? null;
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return table;
}

async function loadRequiredLiteral(root) {
  const built = await build({
    entryPoints: [join(root, 'src/core/required-literal.ts')],
    bundle: true,
    format: 'esm',
    platform: 'node',
    write: false,
    logLevel: 'warning',
  });
  const code = built.outputFiles[0].text;
  return import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
}
