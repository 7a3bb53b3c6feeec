import { CATALOG } from './catalog.js';
import { type CauseId, isCauseId } from './cause-id.js';
import { fillTemplate, type TemplateValues } from './template.js';
import type { CauseCategory, CauseLink, Evidence, Severity } from './types.js';

/** A catalog entry with its templates filled from evidence: ready to print or serialise. */
export interface RenderedCause {
  id: CauseId;
  category: CauseCategory;
  severity: Severity;
  title: string;
  detail: string;
  fix: string[];
  links: CauseLink[];
}

/** How a fix names the kind of key that was sent (`keyKind` evidence). */
const KEY_KIND_NAMES: Readonly<Record<string, string>> = {
  standard: 'a standard key (`AIza…`)',
  auth: 'an auth key (`AQ.…`)',
  ephemeral: 'an ephemeral token (`auth_tokens/…`)',
};

/** Longest value inserted into a template; a pasted 10 MB body must not become a 10 MB fix step. */
const MAX_VALUE_LENGTH = 2000;

/** Turns one evidence value into template text, or undefined when it has nothing to show. */
function textOf(value: unknown): string | undefined {
  let text: string | undefined;
  if (typeof value === 'string') text = value;
  else if (typeof value === 'number' && Number.isFinite(value)) text = String(value);
  else if (typeof value === 'boolean') text = String(value);
  else if (Array.isArray(value)) {
    const parts = value.filter((item): item is string => typeof item === 'string' && item.trim() !== '');
    text = parts.length > 0 ? parts.join(', ') : undefined;
  }
  if (text === undefined || text.trim() === '') return undefined;
  return text.length > MAX_VALUE_LENGTH ? `${text.slice(0, MAX_VALUE_LENGTH)}…` : text;
}

/** Reads a property without trusting the object: a throwing getter or a Proxy counts as absent. */
function readProperty(source: unknown, name: string): unknown {
  try {
    return (source as Record<string, unknown>)[name];
  } catch {
    return undefined;
  }
}

function ownKeys(source: unknown): string[] {
  try {
    return typeof source === 'object' && source !== null ? Object.keys(source) : [];
  } catch {
    return [];
  }
}

/** Replaces lone surrogates (which make `encodeURIComponent` throw) with U+FFFD. */
function wellFormed(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/** `projects/123` (as in ErrorInfo metadata `consumer`) reads better, and links better, as `123`. */
function projectOf(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const bare = raw.replace(/^projects\//, '');
  return bare.trim() === '' ? undefined : bare;
}

/** Evidence as template values, plus values derived from it (console links scoped to the project). */
function valuesFrom(evidence: unknown): TemplateValues {
  const values: Record<string, string> = Object.create(null);
  for (const name of ownKeys(evidence)) {
    const text = textOf(readProperty(evidence, name));
    if (text !== undefined) values[name] = text;
  }
  const project = projectOf(values['project']);
  if (project === undefined) delete values['project'];
  else values['project'] = project;
  const projectQuery = project === undefined ? '' : `?project=${encodeURIComponent(wellFormed(project))}`;
  const service = /^[a-z0-9.-]+\.googleapis\.com$/.test(values['service'] ?? '')
    ? (values['service'] as string)
    : 'generativelanguage.googleapis.com';
  values['enableUrl'] =
    values['activationUrl'] ?? `https://console.cloud.google.com/apis/library/${service}${projectQuery}`;
  values['credentialsUrl'] = `https://console.cloud.google.com/apis/credentials${projectQuery}`;
  // What Google's answer itself showed (status, RPC status, reason), so prose never claims more.
  const answered = [values['httpStatus'], values['rpcStatus']].filter((v) => v !== undefined).join(' ');
  const reason = values['reason'] === undefined ? '' : `${answered === '' ? '' : ' '}(${values['reason']})`;
  if (answered !== '' || reason !== '') values['answered'] = `${answered}${reason}`;
  const kind = values['keyKind'];
  if (kind !== undefined && Object.hasOwn(KEY_KIND_NAMES, kind))
    values['keyKindName'] = KEY_KIND_NAMES[kind] as string;
  return values;
}

/**
 * Fills a cause's title, explanation and fix steps from evidence. Pure and total: any evidence
 * (missing, partial, odd types, hostile getters) gives readable text with no `{…}` left; an id the
 * catalog does not know renders as `unknown`.
 */
export function renderCause(id: CauseId, evidence: Evidence = {}): RenderedCause {
  const entry = CATALOG[isCauseId(id) ? id : 'unknown'];
  const values = valuesFrom(evidence);
  return {
    id: entry.id,
    category: entry.category,
    severity: entry.severity,
    title: fillTemplate(entry.title, values),
    detail: fillTemplate(entry.explanation, values),
    fix: entry.fix.map((step) => fillTemplate(step, values)).filter((step) => step.trim() !== ''),
    links: entry.links.map((link) => ({ title: link.title, url: link.url })),
  };
}
