import type { ClientId } from '../core/project-snapshot.js';

/** How each SDK takes a key in code, reading it from `variable`: what a fix step shows for that client. */
export function clientCode(client: string, variable: string): string | undefined {
  const code: Partial<Record<ClientId, string>> = {
    '@google/genai': `new GoogleGenAI({ apiKey: process.env.${variable} })`,
    'google-genai': `genai.Client(api_key=os.environ["${variable}"])`,
    '@ai-sdk/google': `createGoogleGenerativeAI({ apiKey: process.env.${variable} })`,
    '@langchain/google-genai': `new ChatGoogleGenerativeAI({ model: "gemini-2.5-flash", apiKey: process.env.${variable} })`,
  };
  return code[client as ClientId];
}
