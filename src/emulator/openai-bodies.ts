import type { EmulatedModel } from './models.js';
import { countTokensOf, digest, embedContentResponse, replyText } from './success-bodies.js';

/**
 * Success bodies of the OpenAI-compatible endpoint (`/v1beta/openai/…`), shaped as the Gemini API
 * returns them: model ids keep the `models/` prefix, ids are opaque strings, usage is counted.
 */

export function openAiModelList(models: readonly EmulatedModel[]): Record<string, unknown> {
  return { object: 'list', data: models.map(openAiModel) };
}

export function openAiModel(model: EmulatedModel): Record<string, unknown> {
  return { id: `models/${model.id}`, object: 'model', created: 0, owned_by: 'google' };
}

export function chatCompletion(
  model: string,
  promptText: string,
  created: number,
  text?: string,
): Record<string, unknown> {
  const reply = text ?? replyText(model, promptText);
  const prompt = countTokensOf(promptText);
  const completion = countTokensOf(reply);
  return {
    choices: [{ finish_reason: 'stop', index: 0, message: { content: reply, role: 'assistant' } }],
    created,
    id: digest(`chat\n${model}\n${promptText}`, 22),
    model,
    object: 'chat.completion',
    usage: { completion_tokens: completion, prompt_tokens: prompt, total_tokens: prompt + completion },
  };
}

/**
 * Server-sent `chat.completion.chunk` events, ending with `[DONE]` like OpenAI's stream. With
 * `stream_options.include_usage`, a last chunk with empty `choices` carries the usage, as OpenAI documents.
 */
export function chatCompletionChunks(
  model: string,
  promptText: string,
  created: number,
  options: { text?: string | undefined; includeUsage?: boolean } = {},
): string[] {
  const reply = options.text ?? replyText(model, promptText);
  const id = digest(`chat\n${model}\n${promptText}`, 22);
  const half = Math.floor(reply.length / 2);
  const pieces = [reply.slice(0, half), reply.slice(half)];
  const events = pieces.map((content, i) => ({
    choices: [
      {
        delta: { content, role: 'assistant' },
        ...(i === pieces.length - 1 ? { finish_reason: 'stop' } : {}),
        index: 0,
      },
    ],
    created,
    id,
    model,
    object: 'chat.completion.chunk',
  }));
  const chunks: Record<string, unknown>[] = [...events];
  if (options.includeUsage === true) {
    const prompt = countTokensOf(promptText);
    const completion = countTokensOf(reply);
    chunks.push({
      choices: [],
      created,
      id,
      model,
      object: 'chat.completion.chunk',
      usage: { completion_tokens: completion, prompt_tokens: prompt, total_tokens: prompt + completion },
    });
  }
  return [...chunks.map((e) => JSON.stringify(e)), '[DONE]'];
}

/**
 * `/v1beta/openai/embeddings`: OpenAI's list of embeddings, one per input, in input order. With
 * `encoding_format: "base64"` (openai-node asks for it by default and decodes it) each vector is the
 * base64 of its little-endian float32 bytes.
 */
export function openAiEmbeddings(
  model: string,
  texts: readonly string[],
  dimensions: number,
  base64 = false,
): Record<string, unknown> {
  const tokens = texts.reduce((sum, t) => sum + countTokensOf(t), 0);
  return {
    object: 'list',
    data: texts.map((t, index) => ({
      object: 'embedding',
      index,
      embedding: encode(
        (embedContentResponse(t, dimensions)['embedding'] as { values: number[] }).values,
        base64,
      ),
    })),
    model,
    usage: { prompt_tokens: tokens, total_tokens: tokens },
  };
}

function encode(values: number[], base64: boolean): number[] | string {
  return base64 ? Buffer.from(new Float32Array(values).buffer).toString('base64') : values;
}
