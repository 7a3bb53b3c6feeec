import { invalidArgument, invalidJson, modelNotFound, type RequestEcho } from './error-answers.js';
import { forcedFunctionCall, jsonModeText, openAiJsonModeText } from './json-mode.js';
import { bareModelId, type EmulatedModel, modelResource } from './models.js';
import {
  chatCompletion,
  chatCompletionChunks,
  openAiEmbeddings,
  openAiModel,
  openAiModelList,
} from './openai-bodies.js';
import { type Reply, replyOf } from './reply.js';
import type { NativeCallAction, Route } from './routes.js';
import {
  countTokensResponse,
  embedContentResponse,
  generateContentResponse,
  promptTextOf,
  type ReplyContent,
  streamChunks,
} from './success-bodies.js';

export interface SuccessInput {
  route: Exclude<Route, { api: 'admin' } | { api: 'vertex' }>;
  url: URL;
  rawBody: string;
  models: readonly EmulatedModel[];
  ctx: RequestEcho;
  now: () => number;
}

const DEFAULT_PAGE_SIZE = 50;
const MAX_PAGE_SIZE = 1000;

/** The answer an accepted key gets: validation errors Google would give, else the success body. */
export function successReply(input: SuccessInput): Reply {
  const { route } = input;
  if (route.api === 'openai') return openAiReply(input, route);
  switch (route.action) {
    case 'listModels':
      return listModels(input);
    case 'getModel': {
      const model = findModel(input.models, route.model);
      return model
        ? { kind: 'json', status: 200, body: modelResource(model) }
        : replyOf(modelNotFound({ ...input.ctx, model: bareModelId(route.model) }), false);
    }
    default: {
      const wrap = route.action === 'streamGenerateContent' && input.url.searchParams.get('alt') !== 'sse';
      const model = findModel(input.models, route.model);
      const verb =
        route.action === 'streamGenerateContent'
          ? 'generateContent'
          : route.action === 'batchEmbedContents'
            ? 'embedContent'
            : route.action;
      if (!model?.supportedGenerationMethods.includes(verb)) {
        return replyOf(modelNotFound({ ...input.ctx, model: bareModelId(route.model) }), wrap);
      }
      const parsed = parseJsonBody(input.rawBody);
      if (!parsed.ok) return replyOf(invalidJson(parsed.detail), wrap);
      return nativeCall(route.action, model.id, parsed.value, input.url, wrap);
    }
  }
}

function nativeCall(action: NativeCallAction, model: string, body: unknown, url: URL, wrap: boolean): Reply {
  const record = (body ?? {}) as Record<string, unknown>;
  const prompt = promptTextOf(body);
  switch (action) {
    case 'countTokens':
      return { kind: 'json', status: 200, body: countTokensResponse(prompt) };
    case 'embedContent': {
      if (record['content'] === undefined) {
        return replyOf(invalidArgument('* EmbedContentRequest.content: content is not specified\n'), false);
      }
      return { kind: 'json', status: 200, body: embedContentResponse(prompt, dimensionsOf(record)) };
    }
    case 'batchEmbedContents': {
      const requests = record['requests'];
      if (!Array.isArray(requests) || requests.length === 0) {
        return replyOf(
          invalidArgument('* BatchEmbedContentsRequest.requests: requests is not specified\n'),
          false,
        );
      }
      const embeddings = requests.map((r: unknown) => {
        const one = (r ?? {}) as Record<string, unknown>;
        return embedContentResponse(promptTextOf(one['content']), dimensionsOf(one))['embedding'];
      });
      return { kind: 'json', status: 200, body: { embeddings } };
    }
    case 'generateContent':
    case 'streamGenerateContent': {
      if (!Array.isArray(record['contents']) || record['contents'].length === 0) {
        return replyOf(
          invalidArgument('* GenerateContentRequest.contents: contents is not specified\n'),
          wrap,
        );
      }
      const content = replyContentOf(record);
      if (action === 'generateContent') {
        return { kind: 'json', status: 200, body: generateContentResponse(model, prompt, content) };
      }
      const chunks = streamChunks(model, prompt, content);
      if (url.searchParams.get('alt') === 'sse') {
        return { kind: 'sse', events: chunks.map((c) => JSON.stringify(c)), separator: '\r\n\r\n' };
      }
      return { kind: 'json', status: 200, body: chunks };
    }
  }
}

/** JSON mode or a forced function call changes what the reply carries; anything else gets the default text. */
function replyContentOf(request: Record<string, unknown>): ReplyContent {
  const functionCall = forcedFunctionCall(request);
  if (functionCall !== undefined) return { functionCall };
  const text = jsonModeText(request);
  return text === undefined ? {} : { text };
}

function dimensionsOf(request: Record<string, unknown>): number {
  const dims = request['outputDimensionality'];
  return typeof dims === 'number' && Number.isInteger(dims) && dims > 0 && dims <= 3072 ? dims : 3072;
}

function listModels(input: SuccessInput): Reply {
  const sizeParam = input.url.searchParams.get('pageSize');
  const tokenParam = input.url.searchParams.get('pageToken');
  let pageSize = DEFAULT_PAGE_SIZE;
  if (sizeParam !== null && sizeParam !== '') {
    const n = Number(sizeParam);
    if (!Number.isInteger(n) || n < 0) {
      return replyOf(
        invalidArgument(`Invalid value at 'page_size' (TYPE_INT32), "${sizeParam.slice(0, 40)}"`),
        false,
      );
    }
    pageSize = n === 0 ? DEFAULT_PAGE_SIZE : Math.min(n, MAX_PAGE_SIZE);
  }
  let offset = 0;
  if (tokenParam !== null && tokenParam !== '') {
    const decoded = decodePageToken(tokenParam);
    if (decoded === undefined) return replyOf(invalidArgument('Invalid page token.'), false);
    offset = decoded;
  }
  const page = input.models.slice(offset, offset + pageSize);
  const next = offset + pageSize < input.models.length ? encodePageToken(offset + pageSize) : undefined;
  return {
    kind: 'json',
    status: 200,
    body: { models: page.map(modelResource), ...(next ? { nextPageToken: next } : {}) },
  };
}

function encodePageToken(offset: number): string {
  return Buffer.from(`emulator-offset:${offset}`).toString('base64url');
}

function decodePageToken(token: string): number | undefined {
  const match = /^emulator-offset:(\d{1,6})$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
  return match ? Number(match[1]) : undefined;
}

function openAiReply(input: SuccessInput, route: Extract<Route, { api: 'openai' }>): Reply {
  switch (route.action) {
    case 'listModels':
      return { kind: 'json', status: 200, body: openAiModelList(input.models) };
    case 'getModel': {
      const model = findModel(input.models, route.model);
      return model
        ? { kind: 'json', status: 200, body: openAiModel(model) }
        : replyOf(modelNotFound({ ...input.ctx, model: bareModelId(route.model) }), true);
    }
    case 'chatCompletions': {
      const parsed = parseJsonBody(input.rawBody);
      if (!parsed.ok) return replyOf(invalidJson(parsed.detail), true);
      const body = (parsed.value ?? {}) as Record<string, unknown>;
      const requested = typeof body['model'] === 'string' ? body['model'] : '';
      if (requested === '') return replyOf(invalidArgument('model is not specified'), true);
      const model = findModel(input.models, requested);
      if (!model?.supportedGenerationMethods.includes('generateContent')) {
        return replyOf(modelNotFound({ ...input.ctx, model: bareModelId(requested) }), true);
      }
      const prompt = promptTextOf({ contents: body['messages'] });
      const created = Math.floor(input.now() / 1000);
      const text = openAiJsonModeText(body);
      if (body['stream'] === true) {
        const includeUsage =
          (body['stream_options'] as Record<string, unknown> | undefined)?.['include_usage'] === true;
        return {
          kind: 'sse',
          events: chatCompletionChunks(model.id, prompt, created, { text, includeUsage }),
          separator: '\n\n',
        };
      }
      return { kind: 'json', status: 200, body: chatCompletion(model.id, prompt, created, text) };
    }
    case 'embeddings':
      return openAiEmbeddingsReply(input);
  }
}

/** `/v1beta/openai/embeddings`: `input` is a string or a list of strings; `dimensions` is optional. */
function openAiEmbeddingsReply(input: SuccessInput): Reply {
  const parsed = parseJsonBody(input.rawBody);
  if (!parsed.ok) return replyOf(invalidJson(parsed.detail), true);
  const body = (parsed.value ?? {}) as Record<string, unknown>;
  const requested = typeof body['model'] === 'string' ? body['model'] : '';
  const model = findModel(input.models, requested);
  if (!model?.supportedGenerationMethods.includes('embedContent')) {
    return replyOf(
      modelNotFound({ ...input.ctx, model: bareModelId(requested), verb: 'embedContent' }),
      true,
    );
  }
  const raw = body['input'];
  const texts = typeof raw === 'string' ? [raw] : Array.isArray(raw) ? raw.map((t) => String(t)) : [];
  if (texts.length === 0) return replyOf(invalidArgument('input is not specified'), true);
  return {
    kind: 'json',
    status: 200,
    body: openAiEmbeddings(
      model.id,
      texts,
      dimensionsOf({ outputDimensionality: body['dimensions'] }),
      body['encoding_format'] === 'base64',
    ),
  };
}

function findModel(models: readonly EmulatedModel[], name: string): EmulatedModel | undefined {
  const id = bareModelId(name);
  return models.find((m) => m.id === id);
}

/** JSON.parse with Google's wording for the failure ("Unexpected token." / "Expected a value."). */
export function parseJsonBody(text: string): { ok: true; value: unknown } | { ok: false; detail: string } {
  if (text.trim() === '') return { ok: true, value: {} };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    const snippet = text.slice(0, 40).replace(/[\r\n]+/g, ' ');
    return { ok: false, detail: `Unexpected token.\n${snippet}\n^` };
  }
}
