import type { ServerResponse } from 'node:http';
import type { FailureAnswer, FaultId } from './scenarios.js';
import { generateContentResponse } from './success-bodies.js';

/** What the emulator writes back, decided before any byte goes out. */
export type Reply =
  | { kind: 'json'; status: number; body: unknown }
  | { kind: 'sse'; events: string[]; separator: '\r\n\r\n' | '\n\n' }
  | { kind: 'text'; status: number; contentType: string; text: string }
  | { kind: 'fault'; fault: FaultId };

/**
 * Turns a scenario's answer into a reply. (@google/genai 2.32.0 `throwErrorIfNotOK` puts a JSON
 * body verbatim into ApiError.message, and wraps a non-JSON one as { error: { message, code,
 * status: statusText } }, so content types matter as much as bodies.) Error bodies go out as Google sends them: a plain object
 * on native routes, wrapped in a one-element JSON array on the OpenAI-compatible layer and on the
 * JSON-array form of streamGenerateContent (fixtures continue-8516, ak26-openclaude-749).
 */
export function replyOf(answer: FailureAnswer, wrapInArray: boolean): Reply {
  switch (answer.kind) {
    case 'error':
      return { kind: 'json', status: answer.status, body: wrapInArray ? [answer.body] : answer.body };
    case 'html':
      return {
        kind: 'text',
        status: answer.status,
        contentType: 'text/html; charset=UTF-8',
        text: answer.html,
      };
    case 'fault':
      return { kind: 'fault', fault: answer.fault };
  }
}

/** Headers Google's front end puts on every answer (content type aside). */
const GOOGLE_HEADERS: Record<string, string> = {
  vary: 'Origin, X-Origin, Referer',
  server: 'scaffolding on HTTPServer2',
  'x-xss-protection': '0',
  'x-frame-options': 'SAMEORIGIN',
  'x-content-type-options': 'nosniff',
};

export const HUGE_BODY_BYTES = 10 * 1024 * 1024;

/** Writes a reply. Resolves when the last byte is handed to the socket (or the fault is done). */
export async function writeReply(res: ServerResponse, reply: Reply): Promise<void> {
  switch (reply.kind) {
    case 'json': {
      const text = JSON.stringify(reply.body, null, 2);
      res.writeHead(reply.status, {
        ...GOOGLE_HEADERS,
        'content-type': 'application/json; charset=UTF-8',
        'content-length': Buffer.byteLength(text),
      });
      res.end(text);
      return;
    }
    case 'text':
      res.writeHead(reply.status, {
        'content-type': reply.contentType,
        'content-length': Buffer.byteLength(reply.text),
      });
      res.end(reply.text);
      return;
    case 'sse': {
      res.writeHead(200, {
        ...GOOGLE_HEADERS,
        'content-type': 'text/event-stream',
        'transfer-encoding': 'chunked',
      });
      for (const event of reply.events) res.write(`data: ${event}${reply.separator}`);
      res.end();
      return;
    }
    case 'fault':
      return writeFault(res, reply.fault);
  }
}

async function writeFault(res: ServerResponse, fault: FaultId): Promise<void> {
  switch (fault) {
    case 'connection_reset':
      // A TCP RST, as a middlebox or a crashed upstream gives: the client sees ECONNRESET.
      res.socket?.resetAndDestroy();
      return;
    case 'hang':
      // Nothing is written; the server closes the socket when the client gives up or on close().
      return;
    case 'truncated_body': {
      const text = JSON.stringify(generateContentResponse('gemini-2.5-flash', 'truncated'), null, 2);
      res.writeHead(200, {
        ...GOOGLE_HEADERS,
        'content-type': 'application/json; charset=UTF-8',
        'content-length': Buffer.byteLength(text),
        connection: 'close',
      });
      res.write(text.slice(0, Math.floor(text.length / 2)));
      await new Promise((resolve) => setImmediate(resolve));
      res.socket?.destroy();
      return;
    }
    case 'huge_body':
      return writeHugeBody(res);
  }
}

async function writeHugeBody(res: ServerResponse): Promise<void> {
  const head = '<html><head><title>502 Bad Gateway</title></head><body><pre>\n';
  const tail = '\n</pre></body></html>\n';
  const line = `${'upstream connect error or disconnect/reset before headers. '.repeat(16)}\n`;
  const chunk = line.repeat(Math.ceil(65536 / line.length)).slice(0, 65536);
  // `connection: close`: a client that stops reading must not get this socket back from its pool
  res.writeHead(502, {
    'content-type': 'text/html; charset=UTF-8',
    'content-length': HUGE_BODY_BYTES,
    connection: 'close',
  });
  let left = HUGE_BODY_BYTES - head.length - tail.length;
  if (!res.write(head)) await drained(res);
  while (left > 0 && !res.destroyed) {
    const piece = left >= chunk.length ? chunk : chunk.slice(0, left);
    left -= piece.length;
    if (!res.write(piece)) await drained(res);
  }
  res.end(tail);
}

function drained(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.once('drain', done);
    res.once('close', done);
  });
}
