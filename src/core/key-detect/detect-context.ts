/**
 * What surrounds a key: the variable, field or parameter it is assigned to, and whether it sits
 * in a Firebase config (public by design, yet a Gemini credential when the key is unrestricted
 * and the Generative Language API is enabled on the project). Pure text heuristics.
 */
export interface KeyContext {
  /** `GEMINI_API_KEY`, `apiKey`, `google_api_key` (Android string), `key` (URL parameter)… */
  variable?: string;
  /** A Firebase web config (`apiKey` next to `authDomain`/`projectId`) or google-services.json. */
  firebase: boolean;
}

const NAME = String.raw`[A-Za-z_$][\w$.\-]*`;

/** Patterns over the text right before the key, most specific first; group 1 is the name. */
const ASSIGNMENT_PATTERNS: RegExp[] = [
  // <string name="google_api_key">KEY</string>
  new RegExp(String.raw`<string\s+name\s*=\s*["'](${NAME})["'][^>]*>\s*$`),
  // <meta-data android:name="com.google.android.geo.API_KEY" android:value="KEY"
  new RegExp(String.raw`android:name\s*=\s*["'](${NAME})["']\s+android:value\s*=\s*["']$`),
  // XML element <apiKey>KEY</apiKey>
  new RegExp(String.raw`<(${NAME})(?:\s[^>]*)?>\s*$`),
  // ?key=KEY&…  and form bodies
  new RegExp(`[?&;](${NAME})=$`),
  // setProperty("NAME", "KEY"), os.environ.setdefault('NAME', 'KEY'), headers.set('x-goog-api-key', KEY)
  new RegExp(String.raw`\(\s*["'](${NAME})["']\s*,\s*["'\x60]?$`),
  // NAME = "KEY", NAME: 'KEY', "NAME": "KEY", NAME := KEY, NAME => 'KEY', export NAME=KEY, NAME ?= KEY
  new RegExp(String.raw`["'\x60]?(${NAME})["'\x60]?\]?\s*(?:::?=|:::=|\?=|\.=|=>|==|=|:)\s*["'\x60]?$`),
  // --api-key KEY, --key=KEY
  /(--[\w-]+)[=\s]\s*["']?$/,
];

const FIREBASE_NEIGHBOURS =
  /authDomain|firebaseapp\.com|messagingSenderId|storageBucket|firebase_url|mobilesdk_app_id/;
const FIREBASE_KEY_FIELDS = /^(?:apiKey|api_key|current_key|FIREBASE_API_KEY|\w*FIREBASE\w*API_KEY)$/i;

export function describeContext(before: string, after: string, path?: string): KeyContext {
  const variable = variableBefore(before);
  return {
    ...(variable !== undefined ? { variable } : {}),
    firebase: isFirebase(before, after, variable, path),
  };
}

function variableBefore(before: string): string | undefined {
  // Unescape what JSON-in-a-string and notebook sources add before a key: \" \' and a trailing \n.
  const tail = before
    .slice(-240)
    .replace(/\\[nrt]$/, '')
    .replace(/\\u[0-9a-fA-F]{4}$/, '=')
    .replace(/%([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)))
    .replace(/\\(["'])/g, '$1');
  for (const pattern of ASSIGNMENT_PATTERNS) {
    const match = pattern.exec(tail);
    if (match?.[1]) return match[1].replace(/^\$/, '').slice(0, 80);
  }
  return undefined;
}

function isFirebase(before: string, after: string, variable: string | undefined, path?: string): boolean {
  const fieldOk = variable === undefined || FIREBASE_KEY_FIELDS.test(variable);
  if (!fieldOk) return false;
  if (path !== undefined && /(?:^|\/)google-services\.json$/.test(path)) return true;
  const window = before.slice(-400) + after.slice(0, 400);
  return FIREBASE_NEIGHBOURS.test(window);
}
