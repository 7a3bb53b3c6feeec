/**
 * Which API a request path belongs to. Paths follow generativelanguage.googleapis.com
 * (`/{v1beta|v1}/models…`), its OpenAI-compatible layer (`/v1beta/openai/…`), and the two Vertex AI
 * forms a misconfigured client produces (`/{v1|v1beta1}/projects/P/locations/L/publishers/google/models/M:verb`
 * and the express form `/{v1|v1beta1}/publishers/google/models/M:verb`), which @google/genai builds
 * when `vertexai: true` (it reads GOOGLE_VERTEX_BASE_URL then).
 */
export type Route =
  | { api: 'native'; version: string; action: 'listModels' }
  | { api: 'native'; version: string; action: 'getModel'; model: string }
  | {
      api: 'native';
      version: string;
      action: NativeCallAction;
      model: string;
    }
  | { api: 'openai'; action: 'listModels' }
  | { api: 'openai'; action: 'getModel'; model: string }
  | { api: 'openai'; action: 'chatCompletions' | 'embeddings' }
  | { api: 'vertex'; express: boolean; model: string; verb: string }
  | { api: 'admin'; action: 'health' | 'requests' | 'reset' };

const NATIVE_MODELS = /^\/(v1beta|v1)\/models\/?$/;
const NATIVE_MODEL = /^\/(v1beta|v1)\/models\/([^/:]+)$/;
const NATIVE_CALL = /^\/(v1beta|v1)\/models\/([^/:]+):([A-Za-z]+)$/;
const OPENAI_MODEL = /^\/v1beta\/openai\/models\/(.+)$/;
const VERTEX_PROJECT =
  /^\/(v1|v1beta1)\/projects\/[^/]+\/locations\/[^/]+\/publishers\/google\/models\/([^/:]+):([A-Za-z]+)$/;
const VERTEX_EXPRESS = /^\/(v1|v1beta1)\/publishers\/google\/models\/([^/:]+):([A-Za-z]+)$/;

export type NativeCallAction =
  | 'generateContent'
  | 'streamGenerateContent'
  | 'countTokens'
  | 'embedContent'
  | 'batchEmbedContents';

const NATIVE_VERBS: ReadonlySet<string> = new Set<NativeCallAction>([
  'generateContent',
  'streamGenerateContent',
  'countTokens',
  'embedContent',
  'batchEmbedContents',
]);

export function matchRoute(method: string, path: string): Route | undefined {
  if (path.startsWith('/_emulator/')) {
    const action = path.slice('/_emulator/'.length);
    if (method === 'GET' && (action === 'health' || action === 'requests')) return { api: 'admin', action };
    if (method === 'POST' && action === 'reset') return { api: 'admin', action };
    return undefined;
  }
  if (method === 'GET') {
    let m = NATIVE_MODELS.exec(path);
    if (m) return { api: 'native', version: m[1]!, action: 'listModels' };
    m = NATIVE_MODEL.exec(path);
    if (m) return { api: 'native', version: m[1]!, action: 'getModel', model: safeDecode(m[2]!) };
    if (path === '/v1beta/openai/models' || path === '/v1beta/openai/models/') {
      return { api: 'openai', action: 'listModels' };
    }
    m = OPENAI_MODEL.exec(path);
    if (m) return { api: 'openai', action: 'getModel', model: safeDecode(m[1]!) };
    return undefined;
  }
  if (method !== 'POST') return undefined;
  if (path === '/v1beta/openai/chat/completions') return { api: 'openai', action: 'chatCompletions' };
  if (path === '/v1beta/openai/embeddings') return { api: 'openai', action: 'embeddings' };
  let m = NATIVE_CALL.exec(path);
  if (m && NATIVE_VERBS.has(m[3]!)) {
    return {
      api: 'native',
      version: m[1]!,
      action: m[3] as NativeCallAction,
      model: safeDecode(m[2]!),
    };
  }
  m = VERTEX_PROJECT.exec(path);
  if (m) return { api: 'vertex', express: false, model: m[2]!, verb: m[3]! };
  m = VERTEX_EXPRESS.exec(path);
  if (m) return { api: 'vertex', express: true, model: m[2]!, verb: m[3]! };
  return undefined;
}

/** The RPC name Google puts in ErrorInfo metadata for a route (`GenerativeService.GenerateContent`…). */
export function rpcOf(route: Route): string {
  switch (route.api) {
    case 'native':
      if (route.action === 'listModels') return 'ModelService.ListModels';
      if (route.action === 'getModel') return 'ModelService.GetModel';
      return `GenerativeService.${route.action[0]!.toUpperCase()}${route.action.slice(1)}`;
    case 'openai':
      if (route.action === 'chatCompletions') return 'GenerativeService.ChatCompletions';
      return route.action === 'embeddings' ? 'GenerativeService.Embeddings' : 'ModelService.ListModels';
    case 'vertex':
      return `PredictionService.${route.verb[0]!.toUpperCase()}${route.verb.slice(1)}`;
    case 'admin':
      return 'Emulator';
  }
}

/** The REST method word Google's 404 text names ("…is not supported for generateContent"). */
export function verbOf(route: Route): string {
  switch (route.api) {
    case 'native':
      return route.action;
    case 'openai':
      if (route.action === 'chatCompletions') return 'generateContent';
      return route.action === 'embeddings' ? 'embedContent' : route.action;
    case 'vertex':
      return route.verb;
    case 'admin':
      return 'admin';
  }
}

/** decodeURIComponent that gives the raw text back instead of throwing on a bad escape. */
function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
