/**
 * Which paths a `.dockerignore` keeps out of a build context: Docker's rules (patterns relative
 * to the context, `*` `?` `**`, `!` re-includes, last match wins, a matched folder excludes its
 * contents). Pure.
 */
export function dockerignoreMatcher(text: string): (path: string) => boolean {
  const rules: Array<{ negate: boolean; pattern: RegExp }> = [];
  for (const raw of text.split(/\r?\n/)) {
    let line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const negate = line.startsWith('!');
    if (negate) line = line.slice(1).trim();
    line = line.replace(/^\/+/, '').replace(/\/+$/, '').replace(/^\.\//, '');
    if (line === '' || line === '.') continue;
    rules.push({ negate, pattern: globToRegExp(line) });
  }
  return (path) => {
    let excluded = false;
    for (const rule of rules) if (matchesSelfOrParent(rule.pattern, path)) excluded = !rule.negate;
    return excluded;
  };
}

function matchesSelfOrParent(pattern: RegExp, path: string): boolean {
  if (pattern.test(path)) return true;
  for (let at = path.indexOf('/'); at !== -1; at = path.indexOf('/', at + 1)) {
    if (pattern.test(path.slice(0, at))) return true;
  }
  return false;
}

function globToRegExp(glob: string): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i]!;
    if (char === '*') {
      if (glob[i + 1] === '*') {
        i++;
        if (glob[i + 1] === '/') {
          i++;
          source += '(?:.*/)?';
        } else source += '.*';
      } else source += '[^/]*';
    } else if (char === '?') source += '[^/]';
    else if (char === '\\' && i + 1 < glob.length) source += escapeRegExpChar(glob[++i]!);
    else source += escapeRegExpChar(char);
  }
  return new RegExp(`^${source}$`);
}

function escapeRegExpChar(char: string): string {
  return /[.+^${}()|[\]\\]/.test(char) ? `\\${char}` : char;
}
