/**
 * Credentials that are not Gemini API keys but end up in GEMINI_API_KEY. Prefixes are the issuers'
 * documented or widely scanned ones (gitleaks/trufflehog rules); descriptions show only the prefix.
 */
interface CredentialShape {
  test: (value: string) => boolean;
  kind: string;
}

const SHAPES: CredentialShape[] = [
  {
    test: (v) => v.startsWith('auth_tokens/'),
    kind: 'an ephemeral token (auth_tokens/…), which only the Live API accepts',
  },
  { test: (v) => v.startsWith('sk-ant-'), kind: 'an Anthropic API key (sk-ant-…)' },
  { test: (v) => v.startsWith('sk-proj-'), kind: 'an OpenAI project API key (sk-proj-…)' },
  { test: (v) => v.startsWith('sk-or-'), kind: 'an OpenRouter API key (sk-or-…)' },
  { test: (v) => /^sk-[A-Za-z0-9_-]{16,}/.test(v), kind: 'an OpenAI-style secret key (sk-…)' },
  { test: (v) => v.startsWith('ya29.'), kind: 'a Google OAuth access token (ya29.…)' },
  { test: (v) => v.startsWith('1//'), kind: 'a Google OAuth refresh token (1//…)' },
  { test: (v) => v.startsWith('GOCSPX-'), kind: 'a Google OAuth client secret (GOCSPX-…)' },
  {
    test: (v) => /\.apps\.googleusercontent\.com$/.test(v),
    kind: 'a Google OAuth client ID (….apps.googleusercontent.com)',
  },
  {
    test: (v) => /^eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\./.test(v) || /^eyJ[A-Za-z0-9_-]{20,}$/.test(v),
    kind: 'a JWT (eyJ…)',
  },
  {
    test: (v) => /^\s*\{[\s\S]*"type"\s*:\s*"service_account"/.test(v) || /"private_key"\s*:/.test(v),
    kind: 'the contents of a service-account JSON key file',
  },
  { test: (v) => /^\s*[{[]/.test(v) && /[}\]]\s*$/.test(v), kind: 'a JSON document' },
  { test: (v) => v.includes('-----BEGIN'), kind: 'a PEM private key or certificate' },
  {
    test: (v) => /\.json$/i.test(v),
    kind: 'a path to a JSON file (probably a service-account key: that belongs in GOOGLE_APPLICATION_CREDENTIALS)',
  },
  { test: (v) => /^(~?\/|[A-Za-z]:[\\/]|\.{1,2}[\\/])/.test(v), kind: 'a file path' },
  { test: (v) => /^https?:\/\//i.test(v), kind: 'a URL' },
  {
    test: (v) => /^(ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{20,}/.test(v) || v.startsWith('github_pat_'),
    kind: 'a GitHub token',
  },
  { test: (v) => /^xox[abposr]-/.test(v), kind: 'a Slack token' },
  { test: (v) => /^(AKIA|ASIA)[A-Z0-9]{16}$/.test(v), kind: 'an AWS access key ID' },
  { test: (v) => /^hf_[A-Za-z0-9]{20,}/.test(v), kind: 'a Hugging Face token (hf_…)' },
  { test: (v) => /^gsk_[A-Za-z0-9]{20,}/.test(v), kind: 'a Groq API key (gsk_…)' },
  { test: (v) => /^xai-[A-Za-z0-9]{20,}/.test(v), kind: 'an xAI API key (xai-…)' },
  { test: (v) => /^r8_[A-Za-z0-9]{20,}/.test(v), kind: 'a Replicate token (r8_…)' },
  { test: (v) => /^pplx-[A-Za-z0-9]{20,}/.test(v), kind: 'a Perplexity API key (pplx-…)' },
];

/** What other credential this value is, or null. Call with the value stripped of quotes and blanks. */
export function otherCredentialKind(value: string): string | null {
  if (value.startsWith('AIza') || value.startsWith('AQ.')) return null;
  for (const shape of SHAPES) if (shape.test(value)) return shape.kind;
  return null;
}
