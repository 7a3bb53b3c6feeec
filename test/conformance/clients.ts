import { readFileSync } from 'node:fs';
import { createGoogleGenerativeAI } from '@ai-sdk/google';
import { GoogleGenAI } from '@google/genai';
import { GoogleGenAI as GoogleGenAIV1 } from '@google/genai-v1';
import { GoogleGenerativeAI, SchemaType } from '@google/generative-ai';
import { HumanMessage } from '@langchain/core/messages';
import { ChatGoogleGenerativeAI, GoogleGenerativeAIEmbeddings } from '@langchain/google-genai';
import {
  ChatGoogleGenerativeAI as ChatGoogleGenerativeAI22,
  GoogleGenerativeAIEmbeddings as GoogleGenerativeAIEmbeddings22,
} from '@langchain/google-genai-2.2';
import { embed, generateObject, generateText, jsonSchema, streamText } from 'ai';
import OpenAI from 'openai';
import { z } from 'zod';

/**
 * The real clients, unmodified, each pointed at the emulator through its documented base-URL option,
 * with the same five operations an app uses. Tests and `scripts/conformance-matrix.ts` share this list.
 * Google clients that may look for default credentials run with METADATA_SERVER_DETECTION=none.
 */
process.env['METADATA_SERVER_DETECTION'] = 'none';

export interface ClientUnderTest {
  client: string;
  version: string;
  /** Which API the client calls: native REST, or the OpenAI-compatible route. */
  route: 'native' | 'openai';
  generate(key: string): Promise<string>;
  stream(key: string): Promise<string>;
  countTokens?(key: string): Promise<number>;
  embed?(key: string): Promise<number[]>;
  /** JSON mode with a schema of { city: string, population: integer, tags: string[] }. */
  json?(key: string): Promise<unknown>;
}

export const MODEL = 'gemini-2.5-flash';
export const EMBEDDING_MODEL = 'gemini-embedding-001';
export const PROMPT = 'Hello from the conformance test';

/** The installed version, from node_modules (several packages do not export their package.json). */
function versionOf(pkg: string): string {
  const path = new URL(`../../node_modules/${pkg}/package.json`, import.meta.url);
  return (JSON.parse(readFileSync(path, 'utf8')) as { version: string }).version;
}

/** The structured output every client asks for, in each client's own schema language. */
export const CITY_JSON_SCHEMA = {
  type: 'object',
  properties: {
    city: { type: 'string' },
    population: { type: 'integer', minimum: 0 },
    tags: { type: 'array', items: { type: 'string' } },
  },
  required: ['city', 'population', 'tags'],
} as const;
const CityZod = z.object({ city: z.string(), population: z.number().int(), tags: z.array(z.string()) });

function genaiClient(
  Ctor: typeof GoogleGenAI | typeof GoogleGenAIV1,
  pkg: string,
  base: string,
): ClientUnderTest {
  const ai = (key: string) => new Ctor({ apiKey: key, httpOptions: { baseUrl: base } }) as GoogleGenAI;
  return {
    client: '@google/genai',
    version: versionOf(pkg),
    route: 'native',
    generate: async (key) =>
      (await ai(key).models.generateContent({ model: MODEL, contents: PROMPT })).text ?? '',
    stream: async (key) => {
      let text = '';
      for await (const c of await ai(key).models.generateContentStream({ model: MODEL, contents: PROMPT }))
        text += c.text ?? '';
      return text;
    },
    countTokens: async (key) =>
      (await ai(key).models.countTokens({ model: MODEL, contents: PROMPT })).totalTokens ?? 0,
    embed: async (key) =>
      (await ai(key).models.embedContent({ model: EMBEDDING_MODEL, contents: PROMPT })).embeddings?.[0]
        ?.values ?? [],
    json: async (key) => {
      const r = await ai(key).models.generateContent({
        model: MODEL,
        contents: PROMPT,
        config: { responseMimeType: 'application/json', responseJsonSchema: CITY_JSON_SCHEMA },
      });
      return JSON.parse(r.text ?? '');
    },
  };
}

function legacyClient(base: string): ClientUnderTest {
  const model = (key: string, name = MODEL) =>
    new GoogleGenerativeAI(key).getGenerativeModel({ model: name }, { baseUrl: base });
  return {
    client: '@google/generative-ai',
    version: versionOf('@google/generative-ai'),
    route: 'native',
    generate: async (key) => (await model(key).generateContent(PROMPT)).response.text(),
    stream: async (key) => {
      let text = '';
      for await (const c of (await model(key).generateContentStream(PROMPT)).stream) text += c.text();
      return text;
    },
    countTokens: async (key) => (await model(key).countTokens(PROMPT)).totalTokens,
    embed: async (key) => (await model(key, EMBEDDING_MODEL).embedContent(PROMPT)).embedding.values,
    json: async (key) => {
      const m = new GoogleGenerativeAI(key).getGenerativeModel(
        {
          model: MODEL,
          generationConfig: {
            responseMimeType: 'application/json',
            responseSchema: {
              type: SchemaType.OBJECT,
              properties: {
                city: { type: SchemaType.STRING },
                population: { type: SchemaType.INTEGER },
                tags: { type: SchemaType.ARRAY, items: { type: SchemaType.STRING } },
              },
              required: ['city', 'population', 'tags'],
            },
          },
        },
        { baseUrl: base },
      );
      return JSON.parse((await m.generateContent(PROMPT)).response.text());
    },
  };
}

function aiSdkClient(base: string): ClientUnderTest {
  const google = (key: string) => createGoogleGenerativeAI({ apiKey: key, baseURL: `${base}/v1beta` });
  return {
    client: '@ai-sdk/google',
    version: `${versionOf('@ai-sdk/google')} (ai ${versionOf('ai')})`,
    route: 'native',
    generate: async (key) =>
      (await generateText({ model: google(key)(MODEL), prompt: PROMPT, maxRetries: 0 })).text,
    stream: async (key) => {
      let failure: unknown;
      const result = streamText({
        model: google(key)(MODEL),
        prompt: PROMPT,
        maxRetries: 0,
        onError: ({ error }) => {
          failure = error;
        },
      });
      let text = '';
      for await (const part of result.textStream) text += part;
      if (failure !== undefined) throw failure;
      return text;
    },
    embed: async (key) =>
      (await embed({ model: google(key).textEmbeddingModel(EMBEDDING_MODEL), value: PROMPT, maxRetries: 0 }))
        .embedding,
    json: async (key) =>
      (
        await generateObject({
          model: google(key)(MODEL),
          schema: jsonSchema(CITY_JSON_SCHEMA),
          prompt: PROMPT,
          maxRetries: 0,
        })
      ).object,
  };
}

function langchainClient(
  Chat: typeof ChatGoogleGenerativeAI | typeof ChatGoogleGenerativeAI22,
  Embeddings: typeof GoogleGenerativeAIEmbeddings | typeof GoogleGenerativeAIEmbeddings22,
  pkg: string,
  base: string,
): ClientUnderTest {
  const chat = (key: string) =>
    new Chat({ apiKey: key, model: MODEL, baseUrl: base, maxRetries: 0 }) as ChatGoogleGenerativeAI;
  const text = (content: unknown) => (typeof content === 'string' ? content : JSON.stringify(content));
  return {
    client: '@langchain/google-genai',
    version: versionOf(pkg),
    route: 'native',
    generate: async (key) => text((await chat(key).invoke([new HumanMessage(PROMPT)])).content),
    stream: async (key) => {
      let out = '';
      for await (const c of await chat(key).stream([new HumanMessage(PROMPT)])) out += text(c.content);
      return out;
    },
    embed: async (key) =>
      new Embeddings({ apiKey: key, model: EMBEDDING_MODEL, baseUrl: base }).embedQuery(PROMPT),
    json: async (key) =>
      chat(key)
        .withStructuredOutput(CityZod)
        .invoke([new HumanMessage(PROMPT)]),
  };
}

function openAiClient(base: string): ClientUnderTest {
  const openai = (key: string) =>
    new OpenAI({ apiKey: key, baseURL: `${base}/v1beta/openai/`, maxRetries: 0 });
  return {
    client: 'openai',
    version: versionOf('openai'),
    route: 'openai',
    generate: async (key) =>
      (
        await openai(key).chat.completions.create({
          model: MODEL,
          messages: [{ role: 'user', content: PROMPT }],
        })
      ).choices[0]?.message.content ?? '',
    stream: async (key) => {
      let text = '';
      const stream = await openai(key).chat.completions.create({
        model: MODEL,
        messages: [{ role: 'user', content: PROMPT }],
        stream: true,
        stream_options: { include_usage: true },
      });
      for await (const c of stream) text += c.choices[0]?.delta.content ?? '';
      return text;
    },
    embed: async (key) =>
      (await openai(key).embeddings.create({ model: EMBEDDING_MODEL, input: PROMPT })).data[0]?.embedding ??
      [],
    json: async (key) => {
      const r = await openai(key).chat.completions.create({
        model: MODEL,
        messages: [{ role: 'user', content: PROMPT }],
        response_format: { type: 'json_schema', json_schema: { name: 'city', schema: CITY_JSON_SCHEMA } },
      });
      return JSON.parse(r.choices[0]?.message.content ?? '');
    },
  };
}

/** Every client under test, pointed at an emulator's base URL. */
export function clientsFor(base: string): ClientUnderTest[] {
  return [
    genaiClient(GoogleGenAI, '@google/genai', base),
    genaiClient(GoogleGenAIV1, '@google/genai-v1', base),
    legacyClient(base),
    aiSdkClient(base),
    langchainClient(ChatGoogleGenerativeAI, GoogleGenerativeAIEmbeddings, '@langchain/google-genai', base),
    langchainClient(
      ChatGoogleGenerativeAI22,
      GoogleGenerativeAIEmbeddings22,
      '@langchain/google-genai-2.2',
      base,
    ),
    openAiClient(base),
  ];
}
