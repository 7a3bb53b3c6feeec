import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { type RunningEmulator, startEmulator } from '../../src/emulator/server.js';
import { leakAuthKey, leakStandardKey } from '../scan/_repo.js';
import { BUILT_CLI } from '../support/built-cli.js';
import { assertNoLeak } from '../support/leak-check.js';

/**
 * `gemini-key-doctor mcp` as an agent sees it: the SDK's own Client over StdioClientTransport,
 * spawning the built CLI (npm test builds first). Canary keys are planted in a .env file, in a
 * source file, in git history and in pasted error text; no 12-character run of them may come
 * back in any tool result or on the server's stderr.
 */
const BIN = BUILT_CLI;
// Key-shaped and random, without the FAKE marker: the scanner must treat them as real leaks.
const canaryEnv = leakStandardKey();
const canarySource = leakAuthKey();
const canaryHistory = leakStandardKey();
const canaryPasted = leakStandardKey();
const CANARIES = [canaryEnv, canarySource, canaryHistory, canaryPasted];

let root: string;
let emulator: RunningEmulator;
let client: Client;
let serverStderr = '';
const everyAnswer: string[] = [];

function git(cwd: string, ...args: string[]): void {
  execFileSync('git', ['-c', 'user.email=t@example.invalid', '-c', 'user.name=t', ...args], {
    cwd,
    stdio: 'ignore',
  });
}

async function call(name: string, args: Record<string, unknown>) {
  const result = (await client.callTool({ name, arguments: args })) as {
    isError?: boolean;
    content: Array<{ type: string; text?: string }>;
    structuredContent?: Record<string, unknown>;
  };
  everyAnswer.push(JSON.stringify(result));
  return result;
}

before(async () => {
  root = await mkdtemp(join(tmpdir(), 'gkd-mcp-'));
  // The project: a .env holding a key, a source file holding another, and one in history only.
  await writeFile(join(root, '.env'), `GEMINI_API_KEY=${canaryEnv}\n`);
  await writeFile(join(root, '.gitignore'), '.env\n');
  await mkdir(join(root, 'src'));
  await writeFile(join(root, 'src', 'config.ts'), `export const apiKey = '${canarySource}';\n`);
  git(root, 'init', '-q');
  await writeFile(join(root, 'old.ts'), `const key = "${canaryHistory}";\n`);
  git(root, 'add', '-A');
  git(root, 'commit', '-qm', 'add');
  git(root, 'rm', '-q', 'old.ts');
  git(root, 'commit', '-qm', 'remove');
  emulator = await startEmulator({ port: 0 });
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [BIN, 'mcp', '--cwd', root],
    cwd: root,
    env: {
      PATH: process.env['PATH'] ?? '',
      HOME: root,
      METADATA_SERVER_DETECTION: 'none',
      GOOGLE_GEMINI_BASE_URL: emulator.url,
    },
    stderr: 'pipe',
  });
  transport.stderr?.on('data', (chunk: Buffer) => {
    serverStderr += chunk.toString();
  });
  client = new Client({ name: 'gkd-test', version: '1.0.0' });
  await client.connect(transport);
});

after(async () => {
  await client?.close();
  await emulator?.close();
  await rm(root, { recursive: true, force: true });
});

describe('gemini-key-doctor mcp (SDK client over stdio)', () => {
  test('initialize: the server names itself with the package version', async () => {
    const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '../../package.json'), 'utf8')) as {
      version: string;
    };
    assert.deepEqual(client.getServerVersion(), { name: 'gemini-key-doctor', version: pkg.version });
  });

  test('tools/list: the four tools, each with input and output schemas and a when-to-call description', async () => {
    const { tools } = await client.listTools();
    assert.deepEqual(tools.map((t) => t.name).sort(), [
      'diagnose',
      'explain_error',
      'list_magic_keys',
      'scan_for_leaked_keys',
    ]);
    for (const tool of tools) {
      assert.equal(tool.inputSchema.type, 'object', tool.name);
      assert.equal(tool.outputSchema?.type, 'object', tool.name);
      assert.match(tool.description ?? '', /^Call this /, tool.name);
    }
    const explainTool = tools.find((t) => t.name === 'explain_error')!;
    assert.deepEqual(explainTool.inputSchema.required, ['text']);
    const diagnoseTool = tools.find((t) => t.name === 'diagnose')!;
    assert.deepEqual(Object.keys(diagnoseTool.inputSchema.properties ?? {}).sort(), [
      'cwd',
      'model',
      'offline',
    ]);
    const scanTool = tools.find((t) => t.name === 'scan_for_leaked_keys')!;
    assert.deepEqual(Object.keys(scanTool.inputSchema.properties ?? {}).sort(), [
      'history',
      'path',
      'staged',
    ]);
  });

  test('explain_error: a pasted 400 → key_invalid with fix steps, the pasted key masked', async () => {
    const text = `ApiError: {"error":{"code":400,"message":"API key not valid. Please pass a valid API key.","status":"INVALID_ARGUMENT","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"API_KEY_INVALID","domain":"googleapis.com"}]}} key=${canaryPasted}`;
    const result = await call('explain_error', { text });
    assert.equal(result.isError, undefined);
    const out = result.structuredContent as {
      cause: string;
      fix: string[];
      evidence: { maskedKey?: string };
    };
    assert.equal(out.cause, 'key_invalid');
    assert.ok(out.fix.length > 0);
    assert.equal(JSON.parse(result.content[0]!.text!).cause, 'key_invalid');
  });

  test('diagnose: offline by default — the .env key found, masked, and nothing sent', async () => {
    emulator.reset();
    const result = await call('diagnose', {});
    assert.equal(result.isError, undefined, result.content[0]?.text);
    const report = result.structuredContent as {
      keys: Array<{ source: string; masked: string; fingerprint: string }>;
      findings: Array<{ check: string; status: string }>;
    };
    const fromEnvFile = report.keys.find((k) => k.source.includes('.env'));
    assert.ok(fromEnvFile, JSON.stringify(report.keys));
    assert.equal(fromEnvFile.masked, `AIza…${canaryEnv.slice(-4)}`);
    const probes = report.findings.filter((f) => f.check.startsWith('probe.') && f.status !== 'skip');
    assert.deepEqual(probes, [], 'no probe offline');
    assert.equal(emulator.requests.length, 0, 'offline diagnose sent a request');
  });

  test('diagnose offline:false probes the emulator; a magic key from list_magic_keys gets its cause', async () => {
    const listed = await call('list_magic_keys', {});
    const keys = (
      listed.structuredContent as { keys: Array<{ key: string; cause: string | null; http: number }> }
    ).keys;
    assert.ok(keys.length >= 10);
    const leaked = keys.find((k) => k.cause === 'key_leaked');
    assert.ok(leaked && leaked.http === 403, JSON.stringify(leaked));
    const project = join(root, 'leaky');
    await mkdir(project);
    await writeFile(join(project, '.env'), `GEMINI_API_KEY=${leaked.key}\n`);
    emulator.reset();
    const result = await call('diagnose', { cwd: 'leaky', offline: false, model: 'gemini-2.5-flash' });
    assert.equal(result.isError, undefined, result.content[0]?.text);
    const report = result.structuredContent as { findings: Array<{ check: string; cause: string | null }> };
    const probes = report.findings.filter((f) => f.check.startsWith('probe.'));
    assert.ok(
      probes.some((f) => f.cause === 'key_leaked'),
      JSON.stringify(probes),
    );
    assert.ok(emulator.requests.length > 0, 'the live probe reached the emulator');
  });

  test('scan_for_leaked_keys: the source file key, and with history the removed one — masked', async () => {
    const tree = await call('scan_for_leaked_keys', {});
    assert.equal(tree.isError, undefined, tree.content[0]?.text);
    const found = tree.structuredContent as {
      findings: Array<{ file: string; masked?: string; failing: boolean; source: string }>;
    };
    const inSource = found.findings.find((f) => f.file === 'src/config.ts');
    assert.ok(inSource?.failing, JSON.stringify(found.findings));
    assert.equal(inSource.masked, `AQ.…${canarySource.slice(-4)}`);

    const history = await call('scan_for_leaked_keys', { history: true });
    const all = (history.structuredContent as { findings: Array<{ file: string; source: string }> }).findings;
    assert.ok(
      all.some((f) => f.file === 'old.ts' && f.source === 'history'),
      JSON.stringify(all),
    );

    const onePath = await call('scan_for_leaked_keys', { path: 'src' });
    const inPath = (onePath.structuredContent as { findings: Array<{ file: string }> }).findings;
    assert.ok(inPath.length > 0 && inPath.every((f) => f.file.startsWith('src/')), JSON.stringify(inPath));
  });

  test('bad arguments get a tool error, and the server keeps serving', async () => {
    const wrongType = await call('explain_error', { text: 5 });
    assert.equal(wrongType.isError, true);
    const empty = await call('explain_error', { text: '' });
    assert.equal(empty.isError, true);
    const conflicting = await call('scan_for_leaked_keys', { staged: true, history: true });
    assert.equal(conflicting.isError, true);
    assert.match(conflicting.content[0]!.text!, /--staged and --history/);
    const missingFolder = await call('diagnose', { cwd: join(root, 'no-such-folder') });
    assert.equal(missingFolder.isError, true);
    const missingPath = await call('scan_for_leaked_keys', { path: 'no-such-file' });
    assert.ok(missingPath.isError || Array.isArray(missingPath.structuredContent?.['findings']));
    // An unknown tool: a protocol error or a tool error, either way an answer and not a crash.
    const unknown = await call('no_such_tool', {}).catch((error: Error) => ({ isError: true, error }));
    assert.equal(unknown.isError, true);
    const { tools } = await client.listTools();
    assert.equal(tools.length, 4);
  });

  test('no 12-character run of any planted key in any answer or on stderr', () => {
    assert.ok(everyAnswer.length >= 8);
    for (const canary of CANARIES) assertNoLeak(canary, ...everyAnswer, serverStderr);
  });
});
