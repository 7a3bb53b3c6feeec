/** The modelled "clients" that load .env files into the environment rather than send a key. */
export const ENV_LOADERS: ReadonlySet<string> = new Set(['dotenv', 'node --env-file']);

export function isEnvLoader(client: string): boolean {
  return ENV_LOADERS.has(client);
}
