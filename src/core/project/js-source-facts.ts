import {
  type CallKey,
  type ClientCall,
  isKeyVariableName,
  type KeyRead,
  type LoaderCall,
  lineAt,
  lineStartsOf,
  MODEL_ID_PATTERN,
  MODEL_IN_URL,
  type ModelRef,
  type ReadVia,
  type SourceFacts,
} from './source-facts.js';

/**
 * An ESTree node as oxc-parser (or any ESTree parser) gives it: offsets, a type, and children.
 * Typed loosely on purpose: the reader looks at a handful of node shapes and must survive the rest.
 */
export interface AstNode {
  type: string;
  start: number;
  end: number;
  [field: string]: unknown;
}

const SVELTEKIT_ENV_MODULES = new Set<ReadVia>([
  '$env/static/private',
  '$env/static/public',
  '$env/dynamic/private',
  '$env/dynamic/public',
]);

/** Constructors and factories whose key argument the reader follows (package docs and sources). */
const CONSTRUCTORS: Record<string, { client: ClientCall['client']; key: 'first' | 'apiKey' }> = {
  // @google/genai: new GoogleGenAI({ apiKey }) (googleapis/js-genai src/node/node_client.ts)
  GoogleGenAI: { client: '@google/genai', key: 'apiKey' },
  // @google/generative-ai (legacy): new GoogleGenerativeAI(apiKey) (src/gen-ai.ts)
  GoogleGenerativeAI: { client: '@google/generative-ai', key: 'first' },
  GoogleAIFileManager: { client: '@google/generative-ai', key: 'first' },
  // @ai-sdk/google: createGoogleGenerativeAI({ apiKey }) (packages/google/src/google-provider.ts)
  createGoogleGenerativeAI: { client: '@ai-sdk/google', key: 'apiKey' },
  // @langchain/google-genai: new ChatGoogleGenerativeAI({ apiKey }) (libs/langchain-google-genai/src/chat_models.ts)
  ChatGoogleGenerativeAI: { client: '@langchain/google-genai', key: 'apiKey' },
  GoogleGenerativeAIEmbeddings: { client: '@langchain/google-genai', key: 'apiKey' },
  // openai: new OpenAI({ apiKey, baseURL }) counts only with a Gemini base URL (checked below)
  OpenAI: { client: 'openai', key: 'apiKey' },
};

/** Modules whose import marks a file as talking to Gemini (for the default `google` instance). */
const AI_SDK_MODULE = '@ai-sdk/google';

/**
 * The key reads, client calls, model ids and `.env` loaders in one JS/TS file's syntax tree.
 * A variable read is linked to a client call when the call's key argument is that read, or an
 * identifier bound to it (`const k = process.env.X ?? ''; new GoogleGenAI({ apiKey: k })`),
 * through `||`, `??`, `!`, `as`, and template literals holding nothing else.
 */
export function jsSourceFacts(file: string, text: string, program: AstNode): SourceFacts {
  const reader = new JsFileReader(file, text);
  const nodes: AstNode[] = [];
  walkAst(program, (node) => nodes.push(node));
  // Two passes: bindings and imports first, so a function above a module-level `const` still links.
  for (const node of nodes) reader.firstPass(node);
  for (const node of nodes) reader.secondPass(node);
  return reader.facts();
}

/** One file's reading: what it found so far, and the names it has bound to env reads. */
class JsFileReader {
  private readonly lines: number[];
  private readonly reads: KeyRead[] = [];
  private readonly calls: ClientCall[] = [];
  private readonly models: ModelRef[] = [];
  private readonly loaders: LoaderCall[] = [];
  /** identifier → the env read it was bound to (module- and function-level `const`/`let`, merged). */
  private readonly bindings = new Map<string, KeyRead>();
  /** Local names imported from SvelteKit's $env modules, or the `env` object of the dynamic ones. */
  private readonly svelteNames = new Map<string, ReadVia>();
  private aiSdkDefaultName: string | null = null;
  private importsDotenv = false;
  private readonly pendingOptions: (ClientCall & { at: number })[] = [];
  /** Spans of constructor calls already classified (a Gemini call, or an OpenAI client for another API). */
  private readonly classified: [number, number][] = [];
  private readonly required = new Set<string>();

  constructor(
    private readonly file: string,
    text: string,
  ) {
    this.lines = lineStartsOf(text);
  }

  facts(): SourceFacts {
    const calls = [...this.calls];
    for (const { at: offset, ...option } of this.pendingOptions)
      if (!this.classified.some(([start, end]) => offset >= start && offset < end)) calls.push(option);
    const { file, models, loaders } = this;
    return {
      file,
      language: 'js',
      reads: dedupeReads(this.reads),
      calls,
      models,
      loaders,
      required: [...this.required],
    };
  }

  private at(node: AstNode): number {
    return lineAt(this.lines, node.start);
  }

  private envRead(node: AstNode): KeyRead | null {
    const read = directEnvRead(node, this.svelteNames);
    return read ? { file: this.file, line: this.at(node), ...read } : null;
  }

  /** The env read an expression's value comes from, when it is one. */
  private keyOf(node: AstNode | undefined): KeyRead | null {
    if (!node) return null;
    const direct = this.envRead(node);
    if (direct) return direct;
    switch (node.type) {
      case 'Identifier':
        return this.bindings.get(node['name'] as string) ?? null;
      case 'LogicalExpression':
        return this.keyOf(node['left'] as AstNode) ?? this.keyOf(node['right'] as AstNode);
      case 'TSNonNullExpression':
      case 'TSAsExpression':
      case 'TSSatisfiesExpression':
      case 'TSTypeAssertion':
      case 'ParenthesizedExpression':
      case 'ChainExpression':
        return this.keyOf(node['expression'] as AstNode);
      case 'TemplateLiteral': {
        const expressions = node['expressions'] as AstNode[];
        const quasis = node['quasis'] as AstNode[];
        const literal = quasis.map((q) => (q['value'] as { cooked?: string }).cooked ?? '').join('');
        return expressions.length === 1 && literal.trim() === '' ? this.keyOf(expressions[0]) : null;
      }
      case 'CallExpression': {
        // String(process.env.X), (process.env.X).trim()
        const callee = node['callee'] as AstNode;
        if (callee.type === 'Identifier' && callee['name'] === 'String')
          return this.keyOf((node['arguments'] as AstNode[])[0]);
        if (callee.type === 'MemberExpression' && propertyName(callee) === 'trim')
          return this.keyOf(callee['object'] as AstNode);
        return null;
      }
      default:
        return null;
    }
  }

  private callKey(node: AstNode | undefined): CallKey {
    if (node === undefined) return { kind: 'default' };
    const read = this.keyOf(node);
    if (read) {
      const right = node.type === 'LogicalExpression' ? (node['right'] as AstNode) : null;
      return right?.type === 'Literal' && typeof right['value'] === 'string'
        ? { kind: 'variable', read, orLiteral: right['value'] as string }
        : { kind: 'variable', read };
    }
    if (
      node.type === 'Literal' ||
      (node.type === 'TemplateLiteral' && (node['expressions'] as []).length === 0)
    )
      return { kind: 'literal' };
    return { kind: 'unknown' };
  }

  /** Imports, bindings and dotenv requires: what the second pass links calls to. */
  firstPass(node: AstNode): void {
    if (node.type === 'ImportDeclaration') this.onImport(node);
    else if (node.type === 'VariableDeclarator') this.onDeclarator(node);
    else if (node.type === 'CallExpression' && isRequireOf(node, 'dotenv')) this.importsDotenv = true;
  }

  private onImport(node: AstNode): void {
    const source = (node['source'] as AstNode)['value'] as string;
    if (SVELTEKIT_ENV_MODULES.has(source as ReadVia)) {
      for (const spec of node['specifiers'] as AstNode[]) {
        const local = (spec['local'] as AstNode)['name'] as string;
        const imported = spec['imported'] as AstNode | undefined;
        const name = imported ? ((imported['name'] ?? imported['value']) as string) : local;
        this.svelteNames.set(local, source as ReadVia);
        if (source.startsWith('$env/static/') && isKeyVariableName(name)) {
          const read: KeyRead = {
            file: this.file,
            line: this.at(node),
            variable: name,
            via: source as ReadVia,
          };
          this.reads.push(read);
          this.bindings.set(local, read);
        }
      }
    }
    if (source === AI_SDK_MODULE) {
      for (const spec of node['specifiers'] as AstNode[]) {
        const imported = spec['imported'] as AstNode | undefined;
        if (spec.type === 'ImportSpecifier' && imported?.['name'] === 'google')
          this.aiSdkDefaultName = (spec['local'] as AstNode)['name'] as string;
      }
    }
    if (source === 'dotenv') this.importsDotenv = true;
    if (source === 'dotenv/config')
      this.loaders.push({ file: this.file, line: this.at(node), loader: 'dotenv', override: false });
    if (source === 'dotenv-flow/config')
      this.loaders.push({ file: this.file, line: this.at(node), loader: 'dotenv-flow', override: false });
  }

  private onDeclarator(node: AstNode): void {
    const id = node['id'] as AstNode;
    const init = node['init'] as AstNode | null;
    if (!init) return;
    if (id.type === 'Identifier') {
      const read = this.keyOf(init);
      if (read) this.bindings.set(id['name'] as string, read);
    } else if (id.type === 'ObjectPattern' && isEnvObject(init)) {
      // const { GEMINI_API_KEY: key = '' } = process.env
      for (const prop of id['properties'] as AstNode[]) {
        if (prop.type !== 'Property') continue;
        const name = propertyKeyName(prop);
        let value = prop['value'] as AstNode;
        if (value.type === 'AssignmentPattern') value = value['left'] as AstNode;
        if (name === null || value.type !== 'Identifier') continue;
        const read: KeyRead = { file: this.file, line: this.at(prop), variable: name, via: envVia(init) };
        if (isKeyVariableName(name)) this.reads.push(read);
        this.bindings.set(value['name'] as string, read);
      }
    }
  }

  /** Env reads, client calls, key headers and URLs, model ids and required-variable guards. */
  secondPass(node: AstNode): void {
    switch (node.type) {
      case 'MemberExpression':
      case 'CallExpression': {
        const read = this.envRead(node);
        if (read && isKeyVariableName(read.variable)) this.reads.push(read);
        if (node.type === 'CallExpression') this.onCall(node);
        return;
      }
      case 'NewExpression':
        this.onCall(node);
        return;
      case 'Property':
        this.onProperty(node);
        return;
      case 'TemplateLiteral':
      case 'BinaryExpression':
        this.onKeyInUrl(node);
        return;
      case 'Literal': {
        if (typeof node['value'] !== 'string') return;
        const value = node['value'] as string;
        const match = MODEL_ID_PATTERN.exec(value) ?? MODEL_IN_URL.exec(value);
        if (match) this.models.push({ file: this.file, line: this.at(node), id: match[1]! });
        return;
      }
      case 'TemplateElement': {
        const cooked = (node['value'] as { cooked?: string }).cooked ?? '';
        const match = MODEL_IN_URL.exec(cooked);
        if (match) this.models.push({ file: this.file, line: this.at(node), id: match[1]! });
        return;
      }
      case 'IfStatement': {
        // if (!process.env.X) throw … / return …: the app stops without X.
        // Also `X === undefined`, `typeof X !== 'string'`, `X == null`.
        const read = guardedRead(node['test'] as AstNode, (n) => this.keyOf(n));
        if (read && stops(node['consequent'] as AstNode)) this.required.add(read.variable);
        return;
      }
      default:
        return;
    }
  }

  private onProperty(node: AstNode): void {
    const name = propertyKeyName(node) ?? '';
    // fetch/axios: headers: { 'x-goog-api-key': key }
    if (/^x-goog-api-key$/i.test(name)) {
      this.calls.push({
        file: this.file,
        line: this.at(node),
        client: 'fetch',
        key: this.callKey(node['value'] as AstNode),
      });
    } else if (/^api_?key$/i.test(name)) {
      // { apiKey: process.env.X } handed to a wrapper (a provider component, a config object):
      // linked to the project's Gemini client later, unless a known call already took it.
      const read = this.keyOf(node['value'] as AstNode);
      if (read)
        this.pendingOptions.push({
          file: this.file,
          line: this.at(node),
          at: node.start,
          client: null,
          key: { kind: 'variable', read },
        });
    }
  }

  /** A `?key=` in a Gemini URL: `…googleapis.com/…?key=${key}` or `'…?key=' + key`. */
  private onKeyInUrl(node: AstNode): void {
    if (node.type === 'TemplateLiteral') {
      const quasis = (node['quasis'] as AstNode[]).map(
        (q) => (q['value'] as { cooked?: string }).cooked ?? '',
      );
      if (!quasis.some((q) => q.includes('generativelanguage.googleapis.com'))) return;
      const expressions = node['expressions'] as AstNode[];
      quasis.forEach((q, i) => {
        if (/[?&]key=$/.test(q) && expressions[i])
          this.calls.push({
            file: this.file,
            line: this.at(node),
            client: 'fetch',
            key: this.callKey(expressions[i]),
          });
      });
      return;
    }
    const left = node['left'] as AstNode;
    if (node['operator'] === '+' && left.type === 'Literal' && typeof left['value'] === 'string') {
      const value = left['value'] as string;
      if (value.includes('generativelanguage.googleapis.com') && /[?&]key=$/.test(value))
        this.calls.push({
          file: this.file,
          line: this.at(node),
          client: 'fetch',
          key: this.callKey(node['right'] as AstNode),
        });
    }
  }

  private onCall(node: AstNode): void {
    const callee = node['callee'] as AstNode;
    const args = node['arguments'] as AstNode[];
    const name =
      callee.type === 'Identifier'
        ? (callee['name'] as string)
        : callee.type === 'MemberExpression'
          ? propertyName(callee)
          : null;
    if (name === null) return;
    if (node.type === 'CallExpression' && name === 'config' && isDotenvCallee(callee, this.importsDotenv)) {
      const options = args[0];
      this.loaders.push({
        file: this.file,
        line: this.at(node),
        loader: 'dotenv',
        override: options ? literalProperty(options, 'override') === true : false,
        ...(options && typeof literalProperty(options, 'path') === 'string'
          ? { path: literalProperty(options, 'path') as string }
          : {}),
      });
      return;
    }
    if (this.aiSdkDefaultName !== null && callee.type === 'Identifier' && name === this.aiSdkDefaultName) {
      // the default `google` instance: google('gemini-2.5-flash') reads GOOGLE_GENERATIVE_AI_API_KEY itself
      this.calls.push({
        file: this.file,
        line: this.at(node),
        client: '@ai-sdk/google',
        key: { kind: 'default' },
      });
      return;
    }
    if (Object.hasOwn(CONSTRUCTORS, name)) this.onConstructor(node, CONSTRUCTORS[name]!, args[0]);
  }

  private onConstructor(
    node: AstNode,
    known: (typeof CONSTRUCTORS)[string],
    first: AstNode | undefined,
  ): void {
    this.classified.push([node.start, node.end]);
    if (known.client === 'openai') {
      const base = first ? literalProperty(first, 'baseURL') : undefined;
      if (typeof base !== 'string' || !/generativelanguage\.googleapis\.com/.test(base)) return;
    }
    const call = { file: this.file, line: this.at(node), client: known.client };
    if (known.key === 'first') {
      // The legacy SDK has no env lookup: no argument sends the string "undefined".
      this.calls.push({ ...call, key: first ? this.callKey(first) : { kind: 'unknown' } });
      return;
    }
    if (first === undefined || first.type !== 'ObjectExpression') {
      this.calls.push({ ...call, key: first === undefined ? { kind: 'default' } : { kind: 'unknown' } });
      return;
    }
    const properties = first['properties'] as AstNode[];
    const apiKey = properties.find((p) => p.type === 'Property' && propertyKeyName(p) === 'apiKey');
    const spread = properties.some((p) => p.type === 'SpreadElement');
    this.calls.push({
      ...call,
      key: apiKey
        ? this.callKey(apiKey['value'] as AstNode)
        : spread
          ? { kind: 'unknown' }
          : { kind: 'default' },
    });
  }
}

/** `process.env.X`, `process.env['X']`, `import.meta.env.X`, `Bun.env.X`, `Deno.env.get('X')`, SvelteKit `env.X`. */
function directEnvRead(
  node: AstNode,
  svelteNames: ReadonlyMap<string, ReadVia>,
): { variable: string; via: ReadVia } | null {
  if (node.type === 'MemberExpression') {
    const object = node['object'] as AstNode;
    const name = propertyName(node);
    if (name === null) return null;
    if (isEnvObject(object)) return { variable: name, via: envVia(object) };
    if (
      object.type === 'Identifier' &&
      svelteNames.get(object['name'] as string)?.startsWith('$env/dynamic/')
    )
      return { variable: name, via: svelteNames.get(object['name'] as string)! };
    return null;
  }
  if (node.type === 'CallExpression') {
    const callee = node['callee'] as AstNode;
    const arg = (node['arguments'] as AstNode[])[0];
    if (
      callee.type === 'MemberExpression' &&
      propertyName(callee) === 'get' &&
      isMember(callee['object'] as AstNode, 'Deno', 'env') &&
      arg?.type === 'Literal' &&
      typeof arg['value'] === 'string'
    )
      return { variable: arg['value'] as string, via: 'Deno.env' };
  }
  return null;
}

function isEnvObject(node: AstNode): boolean {
  if (isMember(node, 'process', 'env') || isMember(node, 'Bun', 'env')) return true;
  // import.meta.env
  if (node.type !== 'MemberExpression' || propertyName(node) !== 'env') return false;
  const object = node['object'] as AstNode;
  return object.type === 'MetaProperty';
}

function envVia(node: AstNode): ReadVia {
  if (isMember(node, 'Bun', 'env')) return 'Bun.env';
  return isMember(node, 'process', 'env') ? 'process.env' : 'import.meta.env';
}

function isMember(node: AstNode, object: string, property: string): boolean {
  if (node.type !== 'MemberExpression') return false;
  const o = node['object'] as AstNode;
  return o.type === 'Identifier' && o['name'] === object && propertyName(node) === property;
}

/** The property of `a.b` or `a['b']`, or null when computed from something else. */
function propertyName(node: AstNode): string | null {
  const property = node['property'] as AstNode;
  if (!node['computed'] && property.type === 'Identifier') return property['name'] as string;
  if (node['computed'] && property.type === 'Literal' && typeof property['value'] === 'string')
    return property['value'] as string;
  return null;
}

function propertyKeyName(node: AstNode): string | null {
  const key = node['key'] as AstNode;
  if (key.type === 'Identifier' && !node['computed']) return key['name'] as string;
  if (key.type === 'Literal' && typeof key['value'] === 'string') return key['value'] as string;
  return null;
}

/** A literal-valued property of an object expression (`{ override: true, path: '.env.local' }`). */
function literalProperty(node: AstNode, name: string): unknown {
  if (node.type !== 'ObjectExpression') return undefined;
  const prop = (node['properties'] as AstNode[]).find(
    (p) => p.type === 'Property' && propertyKeyName(p) === name,
  );
  const value = prop?.['value'] as AstNode | undefined;
  return value?.type === 'Literal' ? value['value'] : undefined;
}

function isDotenvCallee(callee: AstNode, importsDotenv: boolean): boolean {
  if (callee.type === 'Identifier') return importsDotenv; // import { config } from 'dotenv'
  const object = callee['object'] as AstNode;
  if (object.type === 'Identifier') return importsDotenv && /dotenv/i.test(object['name'] as string);
  return isRequireOf(object, 'dotenv'); // require('dotenv').config()
}

function isRequireOf(node: AstNode, module: string): boolean {
  if (node.type !== 'CallExpression') return false;
  const callee = node['callee'] as AstNode;
  const arg = (node['arguments'] as AstNode[])[0];
  return callee.type === 'Identifier' && callee['name'] === 'require' && arg?.['value'] === module;
}

/** The env read an `if` test checks for absence, when it is one. */
function guardedRead(test: AstNode, keyOf: (node: AstNode) => KeyRead | null): KeyRead | null {
  if (test.type === 'UnaryExpression' && test['operator'] === '!') return keyOf(test['argument'] as AstNode);
  if (test.type === 'LogicalExpression') return guardedRead(test['left'] as AstNode, keyOf);
  if (test.type !== 'BinaryExpression' || !['===', '==', '!==', '!='].includes(test['operator'] as string))
    return null;
  const side = (n: AstNode) =>
    n.type === 'UnaryExpression' && n['operator'] === 'typeof' ? keyOf(n['argument'] as AstNode) : keyOf(n);
  return side(test['left'] as AstNode) ?? side(test['right'] as AstNode);
}

/** A branch that throws or returns (directly, or as the first statement of its block). */
function stops(node: AstNode | undefined): boolean {
  if (!node) return false;
  if (node.type === 'ThrowStatement' || node.type === 'ReturnStatement') return true;
  if (node.type === 'BlockStatement') return (node['body'] as AstNode[]).some((s) => stops(s));
  return false;
}

/** Every node in source order (pre-order), iteratively: deep trees cannot overflow the stack. */
function walkAst(root: unknown, visit: (node: AstNode) => void): void {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--) stack.push(node[i]);
      continue;
    }
    if (typeof node !== 'object' || node === null || typeof (node as AstNode).type !== 'string') continue;
    visit(node as AstNode);
    const children: unknown[] = [];
    for (const field in node) {
      if (field === 'parent') continue;
      const child = (node as Record<string, unknown>)[field];
      if (typeof child === 'object' && child !== null) children.push(child);
    }
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
}

function dedupeReads(reads: KeyRead[]): KeyRead[] {
  const seen = new Set<string>();
  return reads.filter((r) => {
    const id = `${r.file}:${r.line}:${r.variable}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}
