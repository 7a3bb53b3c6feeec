import { createHash } from 'node:crypto';

/**
 * Successful answers with the real REST shapes (GenerateContentResponse: candidates, usageMetadata,
 * modelVersion, responseId; CountTokensResponse; EmbedContentResponse) and deterministic content:
 * the same request always gets the same text, ids and vectors, so tests can compare exactly.
 * The emulator promises faithful shapes and failures, not model output.
 */

export interface GenerateRequestSummary {
  /** All text parts of the request's contents, joined. */
  promptText: string;
}

/** Roughly what Gemini's tokenizer gives for English text (≈4 characters a token), at least 1. */
export function countTokensOf(text: string): number {
  return Math.max(1, Math.ceil(text.length / 4));
}

export function digest(text: string, length: number): string {
  return createHash('sha256').update(text).digest('base64url').slice(0, length);
}

/** The deterministic reply text for a prompt. */
export function replyText(model: string, promptText: string): string {
  const quoted = promptText.length > 200 ? `${promptText.slice(0, 200)}…` : promptText;
  return `Hello from the Gemini API emulator (${model}). You said: "${quoted}"`;
}

/** Collects the text parts of a GenerateContentRequest-like body; tolerates any shape. */
export function promptTextOf(body: unknown): string {
  const texts: string[] = [];
  const visit = (value: unknown, depth: number): void => {
    if (depth > 8 || value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      for (const item of value) visit(item, depth + 1);
      return;
    }
    const record = value as Record<string, unknown>;
    if (typeof record['text'] === 'string') texts.push(record['text']);
    // `generateContentRequest`: the legacy SDK's countTokens body wraps the whole request
    for (const key of ['contents', 'parts', 'content', 'messages', 'generateContentRequest'])
      visit(record[key], depth + 1);
    if (typeof record['content'] === 'string') texts.push(record['content']);
  };
  visit(body, 0);
  return texts.join('\n');
}

function usage(promptText: string, reply: string): Record<string, unknown> {
  const prompt = countTokensOf(promptText);
  const candidates = countTokensOf(reply);
  return {
    promptTokenCount: prompt,
    candidatesTokenCount: candidates,
    totalTokenCount: prompt + candidates,
    promptTokensDetails: [{ modality: 'TEXT', tokenCount: prompt }],
  };
}

/** What a reply carries instead of the default text: JSON-mode text, or a forced function call. */
export interface ReplyContent {
  text?: string;
  functionCall?: { name: string; args: unknown };
}

export function generateContentResponse(
  model: string,
  promptText: string,
  content: ReplyContent = {},
): Record<string, unknown> {
  const reply = content.text ?? replyText(model, promptText);
  const parts =
    content.functionCall === undefined ? [{ text: reply }] : [{ functionCall: content.functionCall }];
  return {
    candidates: [{ content: { parts, role: 'model' }, finishReason: 'STOP', index: 0 }],
    usageMetadata: usage(promptText, reply),
    modelVersion: model,
    responseId: digest(`${model}\n${promptText}`, 22),
  };
}

/**
 * The chunks of a streamed answer: the reply split in three, each chunk a full
 * GenerateContentResponse; only the last carries finishReason (as the real stream does).
 */
export function streamChunks(
  model: string,
  promptText: string,
  content: ReplyContent = {},
): Record<string, unknown>[] {
  if (content.functionCall !== undefined) return [generateContentResponse(model, promptText, content)];
  const reply = content.text ?? replyText(model, promptText);
  const cut1 = Math.floor(reply.length / 3);
  const cut2 = Math.floor((2 * reply.length) / 3);
  const pieces = [reply.slice(0, cut1), reply.slice(cut1, cut2), reply.slice(cut2)];
  const responseId = digest(`${model}\n${promptText}`, 22);
  return pieces.map((text, i) => ({
    candidates: [
      {
        content: { parts: [{ text }], role: 'model' },
        ...(i === pieces.length - 1 ? { finishReason: 'STOP' } : {}),
        index: 0,
      },
    ],
    usageMetadata: usage(promptText, pieces.slice(0, i + 1).join('')),
    modelVersion: model,
    responseId,
  }));
}

export function countTokensResponse(promptText: string): Record<string, unknown> {
  const total = countTokensOf(promptText);
  return { totalTokens: total, promptTokensDetails: [{ modality: 'TEXT', tokenCount: total }] };
}

/** A unit-length vector derived from the text; `dimensions` defaults to gemini-embedding-001's 3072. */
export function embedContentResponse(text: string, dimensions = 3072): Record<string, unknown> {
  const values: number[] = [];
  let block = createHash('sha256').update(text).digest();
  let sumSquares = 0;
  for (let i = 0; i < dimensions; i++) {
    if (i > 0 && i % 32 === 0) block = createHash('sha256').update(block).digest();
    const v = (block[i % 32]! - 127.5) / 127.5;
    values.push(v);
    sumSquares += v * v;
  }
  const norm = Math.sqrt(sumSquares) || 1;
  return { embedding: { values: values.map((v) => Math.round((v / norm) * 1e6) / 1e6) } };
}
