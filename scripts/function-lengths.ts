/**
 * Lists the longest functions under src/ (declarations, methods, arrows and function expressions),
 * by lines from their first to their last line. `npx tsx scripts/function-lengths.ts [N] [DIR]`.
 * Nested functions are counted on their own and inside their parent.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import ts from 'typescript';

const limit = Number(process.argv[2] ?? 15);
const root = process.argv[3] ?? join(import.meta.dirname, '..', 'src');

interface Measured {
  where: string;
  name: string;
  lines: number;
}

function nameOf(node: ts.Node): string {
  if ((ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node)) && node.name)
    return node.name.getText();
  const parent = node.parent;
  if (parent && ts.isVariableDeclaration(parent)) return parent.name.getText();
  if (parent && ts.isPropertyAssignment(parent)) return parent.name.getText();
  return '(anonymous)';
}

const measured: Measured[] = [];
for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
  const path = join(entry.parentPath, entry.name);
  const source = ts.createSourceFile(path, await readFile(path, 'utf8'), ts.ScriptTarget.Latest, true);
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const start = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      measured.push({
        where: `${relative(root, path)}:${start + 1}`,
        name: nameOf(node),
        lines: end - start + 1,
      });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
}
measured.sort((a, b) => b.lines - a.lines);
for (const m of measured.slice(0, limit))
  process.stdout.write(`${String(m.lines).padStart(4)}  ${m.name}  ${m.where}\n`);
