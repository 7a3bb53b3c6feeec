import { createHash } from 'node:crypto';
import type { Log, ReportingDescriptor, Result } from 'sarif';
import { renderCause } from '../../catalog/render-cause.js';
import { SCAN_RULES } from '../rules.js';
import type { ScanFinding, ScanResult } from '../types.js';

export interface SarifOptions {
  toolVersion?: string;
}

const RULE_IDS = Object.keys(SCAN_RULES) as Array<keyof typeof SCAN_RULES>;

/**
 * SARIF 2.1.0 for GitHub code scanning: one run, every rule listed once (a stable index),
 * repo-relative URIs under %SRCROOT%, 1-based regions, and `partialFingerprints` built from the
 * rule, key fingerprint and file so an alert survives lines moving. Never holds a key: messages
 * carry the masked form, and there is no snippet.
 */
export function renderSarif(result: ScanResult, options: SarifOptions = {}): string {
  const log: Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'gemini-key-doctor',
            informationUri: 'https://www.npmjs.com/package/gemini-key-doctor',
            ...(options.toolVersion
              ? { version: options.toolVersion, semanticVersion: options.toolVersion }
              : {}),
            rules: RULE_IDS.map(ruleDescriptor),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: toFileUri(result.root) } },
        results: result.findings.map(sarifResult),
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function ruleDescriptor(id: keyof typeof SCAN_RULES): ReportingDescriptor {
  const rule = SCAN_RULES[id];
  const cause = rule.cause ? renderCause(rule.cause) : undefined;
  const helpLines = [
    rule.fullDescription,
    ...(cause ? ['', 'How to fix:', ...cause.fix.map((f) => `- ${f}`)] : []),
  ];
  return {
    id: rule.id,
    name: rule.name,
    shortDescription: { text: rule.shortDescription },
    fullDescription: { text: rule.fullDescription },
    help: { text: helpLines.join('\n'), markdown: helpLines.join('\n') },
    ...(cause?.links[0] ? { helpUri: cause.links[0].url } : {}),
    defaultConfiguration: { level: rule.severity },
    properties: {
      tags: ['security', 'secret', ...(rule.cause ? [`cause:${rule.cause}`] : [])],
      // GitHub code scanning sorts alerts by this (0.0–10.0).
      'security-severity': rule.severity === 'error' ? '8.0' : rule.severity === 'warning' ? '5.0' : '1.0',
      precision: rule.id === 'test-key' ? 'medium' : 'high',
    },
  };
}

function sarifResult(finding: ScanFinding): Result {
  const ruleIndex = RULE_IDS.indexOf(finding.rule);
  const parts = [finding.title];
  if (finding.masked) parts.push(`Key ${finding.masked} (fingerprint ${finding.fingerprint})`);
  if (finding.variable) parts.push(`assigned to ${finding.variable}`);
  if (finding.commit) parts.push(`added in commit ${finding.commit.slice(0, 12)}`);
  if (finding.verification) {
    parts.push(
      `verified: ${finding.verification.verdict}${finding.verification.cause ? ` (${finding.verification.cause})` : ''}`,
    );
  }
  const identity = [finding.rule, finding.fingerprint ?? '', finding.file, finding.commit ?? ''].join('\0');
  return {
    ruleId: finding.rule,
    ruleIndex,
    level: finding.severity,
    message: { text: `${parts.join('. ')}.` },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: encodeUriPath(finding.file), uriBaseId: '%SRCROOT%' },
          region: {
            startLine: finding.line ?? 1,
            ...(finding.column !== undefined ? { startColumn: finding.column } : {}),
          },
        },
      },
    ],
    partialFingerprints: {
      'geminiKeyDoctor/v1': createHash('sha256').update(identity).digest('hex').slice(0, 32),
    },
    ...(finding.baselined
      ? { suppressions: [{ kind: 'external', justification: 'accepted in the baseline' }] }
      : {}),
    properties: {
      kind: finding.kind,
      source: finding.source,
      ...(finding.fingerprint ? { keyFingerprint: finding.fingerprint, maskedKey: finding.masked } : {}),
      ...(finding.commit ? { commit: finding.commit } : {}),
      ...(finding.verification ? { verification: finding.verification.verdict } : {}),
    },
  };
}

function encodeUriPath(path: string): string {
  return path
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}

function toFileUri(folder: string): string {
  const withSlash = folder.endsWith('/') ? folder : `${folder}/`;
  return `file://${encodeUriPath(withSlash)}`;
}
