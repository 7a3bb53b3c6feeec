import { z } from 'zod';
import { CAUSE_IDS } from '../catalog/cause-id.js';

/**
 * The MCP tools' output schemas: the CLI's own JSON (schemaVersion 1), described loosely enough
 * that fields added later (the contract extends, never renames) still validate.
 */
const causeId = z.enum(CAUSE_IDS);

export const explainOutput = z.looseObject({
  schemaVersion: z.literal(1),
  cause: causeId,
  title: z.string(),
  detail: z.string(),
  fix: z.array(z.string()),
  evidence: z.record(z.string(), z.unknown()),
  alternatives: z.array(causeId),
  confidence: z.enum(['high', 'medium', 'low']),
});

export const diagnoseOutput = z.looseObject({
  schemaVersion: z.literal(1),
  ok: z.boolean(),
  // DESIGN.md's `verdict` (the one answer first): optional until every doctor build writes it.
  verdict: z
    .looseObject({
      status: z.enum(['ok', 'warn', 'fail', 'unverified']),
      cause: causeId.nullable(),
      title: z.string(),
      summary: z.string(),
    })
    .optional(),
  keys: z.array(
    z.looseObject({
      source: z.string(),
      kind: z.enum(['standard', 'auth', 'unknown']),
      masked: z.string().describe('the prefix and last four characters only, never the key'),
      fingerprint: z.string(),
      usedBy: z.array(z.string()),
    }),
  ),
  findings: z.array(
    z.looseObject({
      check: z.string(),
      status: z.enum(['pass', 'warn', 'fail', 'skip']),
      cause: causeId.nullable().optional(),
      title: z.string(),
    }),
  ),
});

export const scanOutput = z.looseObject({
  schemaVersion: z.literal(1),
  root: z.string(),
  findings: z.array(
    z.looseObject({
      rule: z.string(),
      kind: z.enum(['key', 'firebase-key', 'test-key', 'hygiene']),
      severity: z.enum(['error', 'warning', 'note']),
      title: z.string(),
      file: z.string(),
      masked: z.string().optional().describe('the prefix and last four characters only, never the key'),
      fingerprint: z.string().optional(),
      baselined: z.boolean(),
      failing: z.boolean(),
    }),
  ),
  summary: z.looseObject({ findings: z.number(), failing: z.number() }),
});

export const magicKeysOutput = z.object({
  keys: z.array(
    z.object({
      key: z.string().describe('a fake key that only the local emulator (`gemini-key-doctor emulate`) knows'),
      cause: causeId.nullable(),
      http: z.number(),
      description: z.string(),
    }),
  ),
});
