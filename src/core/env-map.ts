/** A process environment as the product reads it: a snapshot, never `process.env` itself. */
export type EnvMap = Readonly<Record<string, string | undefined>>;
