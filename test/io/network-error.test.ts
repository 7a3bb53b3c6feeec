import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { classifyNetworkError } from '../../src/io/network-error.js';

/** undici rejects fetch with TypeError('fetch failed') whose cause carries the system/TLS code. */
function fetchFailed(cause: object): TypeError {
  return new TypeError('fetch failed', { cause });
}
const context = {
  timedOut: false,
  timeoutMs: 1000,
  url: new URL('https://generativelanguage.googleapis.com/v1beta/models'),
};

describe('classifyNetworkError', () => {
  const cases: [string, object, string][] = [
    ['ENOTFOUND', Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' }), 'network_dns'],
    ['EAI_AGAIN', Object.assign(new Error('getaddrinfo EAI_AGAIN'), { code: 'EAI_AGAIN' }), 'network_dns'],
    [
      'ECONNREFUSED',
      Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
      'network_connect',
    ],
    ['ECONNRESET', Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }), 'network_connect'],
    [
      'UND_ERR_CONNECT_TIMEOUT',
      Object.assign(new Error('Connect Timeout'), { code: 'UND_ERR_CONNECT_TIMEOUT' }),
      'network_timeout',
    ],
    [
      'CERT_HAS_EXPIRED',
      Object.assign(new Error('certificate has expired'), { code: 'CERT_HAS_EXPIRED' }),
      'network_tls',
    ],
    [
      'happy-eyeballs AggregateError',
      Object.assign(
        new AggregateError([Object.assign(new Error('x'), { code: 'ECONNREFUSED' })], 'all failed'),
        {},
      ),
      'network_connect',
    ],
  ];
  for (const [name, cause, expected] of cases) {
    test(`${name} → ${expected}`, () => {
      assert.equal(classifyNetworkError(fetchFailed(cause), context).cause, expected);
    });
  }

  test('an intercepting proxy certificate is network_tls with interceptedTls', () => {
    for (const code of ['SELF_SIGNED_CERT_IN_CHAIN', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY']) {
      const failure = classifyNetworkError(fetchFailed(Object.assign(new Error(code), { code })), context);
      assert.equal(failure.cause, 'network_tls');
      assert.equal(failure.interceptedTls, true);
    }
  });

  test('a TimeoutError from AbortSignal.timeout is network_timeout', () => {
    const error = new DOMException('The operation was aborted due to timeout', 'TimeoutError');
    assert.equal(classifyNetworkError(error, context).cause, 'network_timeout');
  });

  test('never throws on odd values', () => {
    for (const odd of [null, undefined, 42, 'boom', {}, { code: 7 }, Object.create(null)]) {
      assert.ok(classifyNetworkError(odd, context).cause.startsWith('network_'));
    }
  });
});
