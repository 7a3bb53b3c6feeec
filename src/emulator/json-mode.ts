/**
 * JSON mode: a request that asks for `responseMimeType: application/json` (with `responseSchema`, an
 * OpenAPI subset with upper-case types, or `responseJsonSchema`, JSON Schema) gets JSON text that
 * matches the schema, the same for the same schema every time. On the OpenAI-compatible route the
 * same comes from `response_format` (`json_schema` or `json_object`). Values are plain placeholders:
 * the emulator promises shapes, not model output.
 */

type Schema = Record<string, unknown>;

const MAX_DEPTH = 12;

/** The reply text a JSON-mode request gets, or undefined when the request is not in JSON mode. */
export function jsonModeText(request: Record<string, unknown>): string | undefined {
  const config = asRecord(request['generationConfig']) ?? {};
  const schema = asRecord(config['responseJsonSchema']) ?? asRecord(config['responseSchema']);
  const mime = config['responseMimeType'];
  if (mime !== 'application/json' && schema === undefined) return undefined;
  return JSON.stringify(
    schema === undefined
      ? { text: 'Hello from the Gemini API emulator.' }
      : sample(schema, schema, 'value', 0),
  );
}

/** The same for an OpenAI-style `response_format`. */
export function openAiJsonModeText(request: Record<string, unknown>): string | undefined {
  const format = asRecord(request['response_format']);
  if (format === undefined) return undefined;
  if (format['type'] === 'json_object')
    return JSON.stringify({ text: 'Hello from the Gemini API emulator.' });
  const schema = asRecord(asRecord(format['json_schema'])?.['schema']);
  if (format['type'] !== 'json_schema' || schema === undefined) return undefined;
  return JSON.stringify(sample(schema, schema, 'value', 0));
}

/** Arguments for a forced function call (`toolConfig` mode ANY): a sample of the declared parameters. */
export function forcedFunctionCall(
  request: Record<string, unknown>,
): { name: string; args: unknown } | undefined {
  const calling = asRecord(asRecord(request['toolConfig'])?.['functionCallingConfig']);
  if (calling?.['mode'] !== 'ANY') return undefined;
  const allowed = Array.isArray(calling['allowedFunctionNames']) ? calling['allowedFunctionNames'] : [];
  const tools = Array.isArray(request['tools']) ? request['tools'] : [];
  const declarations = tools.flatMap((t) => {
    const list = asRecord(t)?.['functionDeclarations'];
    return Array.isArray(list) ? list.map(asRecord).filter((d) => d !== undefined) : [];
  });
  const chosen = declarations.find((d) => allowed.length === 0 || allowed.includes(d['name']));
  if (chosen === undefined || typeof chosen['name'] !== 'string') return undefined;
  const parameters = asRecord(chosen['parametersJsonSchema']) ?? asRecord(chosen['parameters']);
  return {
    name: chosen['name'],
    args: parameters === undefined ? {} : sample(parameters, parameters, 'value', 0),
  };
}

function sample(schema: Schema, root: Schema, name: string, depth: number): unknown {
  if (depth > MAX_DEPTH) return null;
  const resolved = resolveRef(schema, root);
  const choice = firstSchema(resolved['anyOf']) ?? firstSchema(resolved['oneOf']);
  if (choice !== undefined) return sample(choice, root, name, depth + 1);
  const allOf = Array.isArray(resolved['allOf']) ? resolved['allOf'].map(asRecord) : [];
  if (allOf.length > 0)
    return sample(Object.assign({}, ...allOf, { allOf: undefined }), root, name, depth + 1);
  if ('const' in resolved) return resolved['const'];
  if (Array.isArray(resolved['enum']) && resolved['enum'].length > 0) return resolved['enum'][0];
  switch (typeOf(resolved)) {
    case 'object':
      return sampleObject(resolved, root, depth);
    case 'array': {
      const items = asRecord(resolved['items']) ?? {};
      const count = Math.max(1, numberOr(resolved['minItems'], 1));
      return Array.from({ length: Math.min(count, numberOr(resolved['maxItems'], count)) }, () =>
        sample(items, root, name, depth + 1),
      );
    }
    case 'integer':
      return Math.ceil(sampleNumber(resolved));
    case 'number':
      return sampleNumber(resolved);
    case 'boolean':
      return true;
    case 'null':
      return null;
    default:
      return sampleString(resolved, name);
  }
}

function sampleObject(schema: Schema, root: Schema, depth: number): Record<string, unknown> {
  const properties = asRecord(schema['properties']) ?? {};
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(properties)) {
    out[key] = sample(asRecord(value) ?? {}, root, key, depth + 1);
  }
  return out;
}

function sampleNumber(schema: Schema): number {
  const min = numberOr(schema['minimum'], Number.NaN);
  const exclusiveMin = numberOr(schema['exclusiveMinimum'], Number.NaN);
  const max = numberOr(schema['maximum'], Number.NaN);
  let value = !Number.isNaN(min) ? min : !Number.isNaN(exclusiveMin) ? exclusiveMin + 1 : 1;
  if (!Number.isNaN(max) && value > max) value = max;
  return value;
}

function sampleString(schema: Schema, name: string): string {
  const byFormat: Record<string, string> = {
    'date-time': '2026-01-01T00:00:00Z',
    date: '2026-01-01',
    time: '00:00:00',
    email: 'emulator@example.com',
    uri: 'https://example.com/',
    url: 'https://example.com/',
    uuid: '00000000-0000-4000-8000-000000000000',
  };
  let text = byFormat[String(schema['format'])] ?? `emulated ${name}`;
  const min = numberOr(schema['minLength'], 0);
  while (text.length < min) text += '.';
  const max = numberOr(schema['maxLength'], Number.POSITIVE_INFINITY);
  return text.slice(0, max);
}

/** `type` as JSON Schema spells it: OpenAPI's `OBJECT` → `object`; a type list → its first non-null. */
function typeOf(schema: Schema): string {
  const raw = schema['type'];
  const type = Array.isArray(raw) ? (raw.find((t) => t !== 'null' && t !== 'NULL') ?? raw[0]) : raw;
  if (typeof type === 'string') return type.toLowerCase();
  if (schema['properties'] !== undefined) return 'object';
  if (schema['items'] !== undefined) return 'array';
  return 'string';
}

function resolveRef(schema: Schema, root: Schema): Schema {
  const ref = schema['$ref'];
  if (typeof ref !== 'string' || !ref.startsWith('#/')) return schema;
  let node: unknown = root;
  for (const part of ref.slice(2).split('/'))
    node = asRecord(node)?.[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  return asRecord(node) ?? {};
}

function firstSchema(list: unknown): Schema | undefined {
  if (!Array.isArray(list)) return undefined;
  const options = list.map(asRecord).filter((s): s is Schema => s !== undefined);
  return options.find((s) => typeOf(s) !== 'null') ?? options[0];
}

function asRecord(value: unknown): Schema | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Schema) : undefined;
}

function numberOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}
