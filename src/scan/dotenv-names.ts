/** Names of dotenv files, and the templates that are meant to be committed. Pure. */
const TEMPLATE_SUFFIX = /\.(?:example|sample|template|dist|defaults|schema|tmpl|tpl)$/i;

export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** `.env` itself. */
export function isPlainDotenv(path: string): boolean {
  return baseName(path) === '.env';
}

/** `.env` or `.env.local`, `.env.production`…, but not `.env.example` and other templates. */
export function isDotenvFile(path: string): boolean {
  const name = baseName(path);
  return (name === '.env' || name.startsWith('.env.')) && !TEMPLATE_SUFFIX.test(name);
}
