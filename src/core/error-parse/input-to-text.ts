import { MAX_INPUT_CHARS } from './normalize-text.js';

/**
 * Turns whatever a user holds (a string, an Error, an SDK error, a parsed body, a Buffer) into
 * JSON-ish text the parser reads. Errors are recognised by shape, not `instanceof`: @google/genai's
 * `ApiError` is `{ name, status, message }` whatever copy of the package made it. Wrapper fields
 * (`cause`, `response`, `error`, `body`…) are walked too. Total: cycles, throwing getters, revoked
 * proxies, deep nesting and huge values are all survived, with bounded work.
 */
const MAX_DEPTH = 12;
const MAX_NODES = 5000;
const MAX_KEYS_PER_OBJECT = 200;

/** Fields of Error-like objects worth reading even when they are not enumerable. */
const ERROR_FIELDS = [
  'name',
  'status',
  'statusCode',
  'statusText',
  'code',
  'errno',
  'syscall',
  'hostname',
  'message',
  'reason',
  'details',
  'errorDetails',
  'error',
  'body',
  'responseBody',
  'data',
  'response',
  'cause',
  'errors',
  'url',
] as const;

export function inputToText(input: unknown): string {
  if (typeof input === 'string')
    return input.length > MAX_INPUT_CHARS ? input.slice(0, MAX_INPUT_CHARS) : input;
  const state = { nodes: 0, chars: 0, seen: new Set<object>() };
  try {
    return serialize(input, 0, state);
  } catch {
    return '';
  }
}

interface WalkState {
  nodes: number;
  chars: number;
  seen: Set<object>;
}

function safeGet(obj: object, key: string): unknown {
  try {
    return (obj as Record<string, unknown>)[key];
  } catch {
    return undefined;
  }
}

function quote(text: string, state: WalkState): string {
  const room = Math.max(0, MAX_INPUT_CHARS - state.chars);
  const cut = text.length > room ? text.slice(0, room) : text;
  state.chars += cut.length;
  return JSON.stringify(cut);
}

function serialize(value: unknown, depth: number, state: WalkState): string {
  state.nodes++;
  if (state.nodes > MAX_NODES || state.chars >= MAX_INPUT_CHARS) return 'null';
  switch (typeof value) {
    case 'string':
      return quote(value, state);
    case 'number':
      return Number.isFinite(value) ? String(value) : 'null';
    case 'boolean':
      return String(value);
    case 'bigint':
      return String(value);
    case 'undefined':
    case 'function':
    case 'symbol':
      return 'null';
  }
  if (value === null || typeof value !== 'object') return 'null';
  if (depth >= MAX_DEPTH || state.seen.has(value)) return 'null';
  state.seen.add(value);
  try {
    if (value instanceof Uint8Array) {
      return quote(new TextDecoder().decode(value.subarray(0, MAX_INPUT_CHARS)), state);
    }
    if (Array.isArray(value)) {
      const items: string[] = [];
      const length = Math.min(value.length, MAX_KEYS_PER_OBJECT);
      for (let i = 0; i < length; i++) items.push(serialize(safeGet(value, String(i)), depth + 1, state));
      return `[${items.join(',')}]`;
    }
    const keys = new Set<string>();
    for (const key of ERROR_FIELDS) {
      if (safeGet(value, key) !== undefined) keys.add(key);
    }
    let own: string[] = [];
    try {
      own = Object.keys(value);
    } catch {
      own = [];
    }
    for (const key of own.slice(0, MAX_KEYS_PER_OBJECT)) {
      if (key !== 'stack') keys.add(key);
    }
    const members: string[] = [];
    for (const key of keys) {
      const v = safeGet(value, key);
      if (v === undefined || typeof v === 'function') continue;
      members.push(`${quote(key, state)}:${serialize(v, depth + 1, state)}`);
    }
    return `{${members.join(',')}}`;
  } catch {
    return 'null';
  } finally {
    state.seen.delete(value);
  }
}
