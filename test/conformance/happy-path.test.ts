import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { workingMagicKey } from '../../src/emulator/magic-keys.js';
import { type RunningEmulator, startEmulator } from '../../src/emulator/server.js';
import { clientsFor, PROMPT } from './clients.js';

/**
 * Every real client's happy path against the emulator: generate, stream, countTokens, embed and JSON
 * mode work as an app uses them, and answer what the client's own types expect.
 */
let emulator: RunningEmulator;
before(async () => {
  emulator = await startEmulator({ retryDelaySeconds: 0.01 });
});
after(async () => {
  await emulator.close();
});

const key = workingMagicKey('auth');
describe('happy paths of the real clients', () => {
  for (const client of clientsFor('http://placeholder.invalid')) {
    const name = `${client.client} ${client.version}`;
    const live = () =>
      clientsFor(emulator.url).find((c) => c.client === client.client && c.version === client.version)!;
    test(`${name}: generate`, async () => {
      assert.match(await live().generate(key), new RegExp(PROMPT));
    });
    test(`${name}: stream adds up to the same reply`, async () => {
      const c = live();
      assert.equal(await c.stream(key), await c.generate(key));
    });
    if (client.countTokens)
      test(`${name}: countTokens counts the prompt`, async () => {
        assert.equal(await live().countTokens!(key), Math.ceil(PROMPT.length / 4));
      });
    if (client.embed)
      test(`${name}: embed gives a unit vector`, async () => {
        const v = await live().embed!(key);
        assert.ok(v.length >= 768);
        assert.ok(Math.abs(Math.hypot(...v) - 1) < 1e-3);
      });
    if (client.json)
      test(`${name}: JSON mode returns an object that matches the schema, the same each time`, async () => {
        const c = live();
        const a = (await c.json!(key)) as Record<string, unknown>;
        assert.equal(typeof a['city'], 'string');
        assert.ok(Number.isInteger(a['population']));
        assert.ok(Array.isArray(a['tags']) && a['tags'].every((t) => typeof t === 'string'));
        assert.deepEqual(await c.json!(key), a);
      });
  }
});
