import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { explain } from '../../../src/explain/explain.js';

// One Google error body, damaged the ways forums, terminals, loggers and wrappers damage it. Each copy must
// still yield the cause and the structured evidence (status, reason, project).
const BODY = `{
  "error": {
    "code": 403,
    "message": "Permission denied: Consumer 'projects/77' has been suspended.",
    "status": "PERMISSION_DENIED",
    "details": [
      {
        "@type": "type.googleapis.com/google.rpc.ErrorInfo",
        "reason": "CONSUMER_SUSPENDED",
        "domain": "googleapis.com",
        "metadata": {
          "service": "generativelanguage.googleapis.com",
          "consumer": "projects/77"
        }
      }
    ]
  }
}`;

const DAMAGED: Record<string, string> = {
  'markdown quote prefixes': BODY.split('\n')
    .map((l) => `> ${l}`)
    .join('\n'),
  'HTML entities': BODY.replace(/"/g, '&quot;'),
  CRLF: BODY.replace(/\n/g, '\r\n'),
  'JSON inside a JSON string': JSON.stringify(BODY),
  'JSON inside a JSON string inside a JSON string': JSON.stringify(JSON.stringify(BODY)),
  'literal \\n for line breaks': BODY.replace(/\n/g, '\\n'),
  'escaped twice by hand (\\\\n and \\")': BODY.replace(/\n/g, '\\\\n').replace(/"/g, '\\"'),
  'curly quotes': BODY.replace(/"([^"]*)"/g, '“$1”'),
  'a lost quote mark': BODY.replace('"reason": "', '"reason": '),
  'one line': BODY.replace(/\s+/g, ' '),
  'inside a log line': `2026-01-01T00:00:00Z ERROR [llm] request failed: ${BODY.replace(/\n/g, ' ')} (attempt 3/3)`,
  'log prefixes on every line': BODY.split('\n')
    .map((l) => `[worker-1] ${l}`)
    .join('\n'),
  'box borders (gemini-cli)': BODY.split('\n')
    .map((l) => `│ ${l.padEnd(90)} │`)
    .join('\n'),
  'single-quoted (Python repr)': BODY.replace(/"/g, "'"),
};

describe('damaged pastes keep their cause and evidence', () => {
  for (const [damage, text] of Object.entries(DAMAGED)) {
    it(damage, () => {
      const r = explain(text);
      assert.equal(r.cause, 'consumer_suspended');
      assert.equal(r.evidence.httpStatus, 403);
      assert.equal(r.evidence.reason, 'CONSUMER_SUSPENDED');
      assert.equal(r.evidence.project, '77');
    });
  }

  it('truncated mid-body: cause, status and reason survive', () => {
    const r = explain(BODY.slice(0, 300));
    assert.equal(r.cause, 'consumer_suspended');
    assert.equal(r.evidence.reason, 'CONSUMER_SUSPENDED');
  });

  it('an SDK exception line with only the message still names the cause and the project', () => {
    const r = explain(
      "com.google.ai.client.generativeai.type.ServerException: Permission denied: Consumer 'projects/77' has been suspended.",
    );
    assert.equal(r.cause, 'consumer_suspended');
    assert.equal(r.evidence.project, '77');
  });
});
