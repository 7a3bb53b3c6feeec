import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { containerEnv, interpolationLookup } from '../../src/core/project/compose-env.js';
import { composeServices, mergeComposeOverride } from '../../src/core/project/compose-services.js';
import { parseComposeYaml } from '../../src/io/compose-yaml.js';

/**
 * Docker Compose's env_file / environment / interpolation rules, checked against the examples the
 * Compose documentation gives, with the result it states (test/fixtures/compose-docs/examples.json
 * quotes each with its URL). This is the DOCUMENTED behaviour, not a run of the real tool: docker
 * is not installed where these tests run. Not covered, because the doctor does not model them:
 * `docker compose run -e` and the image's own `ENV` (envvars-precedence results 4 to 7 and 12 to 15).
 */
interface DocCase {
  doc: string;
  quote: string;
  compose: string;
  override?: string;
  files: Record<string, string>;
  shell: Record<string, string>;
  expect: Record<string, string | null>;
  unset?: string[];
  errors?: boolean;
}

const FIXTURE = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  'fixtures',
  'compose-docs',
  'examples.json',
);
const { cases } = JSON.parse(readFileSync(FIXTURE, 'utf8')) as { cases: DocCase[] };
const DIR = '/project';

describe('Docker Compose container environment: the documentation examples', () => {
  test('the fixture quotes at least 15 documented examples', () => {
    assert.ok(cases.length >= 15);
  });
  for (const c of cases) {
    test(`${c.doc}: ${c.quote.slice(0, 90)}`, () => {
      const parsed = parseComposeYaml(c.compose);
      assert.equal(parsed.error, null);
      const override = c.override === undefined ? null : parseComposeYaml(c.override).doc;
      const [service] = composeServices(
        override === null ? parsed.doc : mergeComposeOverride(parsed.doc, override),
      );
      assert.ok(service);
      const { lookup } = interpolationLookup(c.shell, c.files['.env'] ?? null, posix.join(DIR, '.env'));
      const env = containerEnv(service, posix.join(DIR, 'compose.yaml'), lookup, (path) => {
        const abs = posix.resolve(DIR, path);
        return { abs, text: c.files[posix.relative(DIR, abs)] ?? null };
      });
      for (const [name, value] of Object.entries(c.expect))
        assert.equal(env.vars.get(name)?.value ?? null, value, `${name} (${c.quote})`);
      assert.equal(env.errors.length > 0, c.errors === true, `errors: ${env.errors.join('; ')}`);
      if (c.unset) assert.deepEqual([...env.unset].sort(), [...c.unset].sort());
      // Nothing reaches the container unless the service names it.
      if (Object.keys(c.expect).length > 0)
        for (const name of env.vars.keys())
          assert.ok(name in c.expect, `${name} is not in the documented result`);
    });
  }
});
