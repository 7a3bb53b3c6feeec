import type { EmulatedModel } from './models.js';
import { countTokensOf, digest, replyText } from './success-bodies.js';

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

export function chatCompletion(model: string, promptText: string, created: number): Record<string, unknown> {
  const reply = replyText(model, promptText);
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

/** Server-sent `chat.completion.chunk` events, ending with `[DONE]` like OpenAI's stream. */
export function chatCompletionChunks(model: string, promptText: string, created: number): string[] {
  const reply = replyText(model, promptText);
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
  return [...events.map((e) => JSON.stringify(e)), '[DONE]'];
}
