// The library's public API, name by name. Internal modules (files starting with `_`) are never re-exported.

export { CATALOG, getCause } from './catalog/catalog.js';
export type { CauseId } from './catalog/cause-id.js';
export { CAUSE_IDS, isCauseId } from './catalog/cause-id.js';
export type { RenderedCause } from './catalog/render-cause.js';
export { renderCause } from './catalog/render-cause.js';
export type { CauseCategory, CauseEntry, CauseLink, Evidence, Severity } from './catalog/types.js';
export type { CliIo, CliResult, Env, ExitCode } from './cli/context.js';
export { run } from './cli/run.js';
export type { ClientOptions, GeminiClient, GenerateResult } from './client/client.js';
export { createClient } from './client/client.js';
export { GeminiRequestError } from './client/gemini-request-error.js';
export type { ClassifyContext, Confidence, Diagnosis } from './core/classify.js';
export { classify, classifyHttpResponse } from './core/classify.js';
export type { EnvFileEncoding } from './core/dotenv/env-file-encoding.js';
export type { EnvAssignment, QuoteStyle } from './core/dotenv/env-file-lines.js';
export type { EnvParser, ParsedEnvFile } from './core/dotenv/parse-env-file.js';
export { parseEnvFile } from './core/dotenv/parse-env-file.js';
export { parseErrorText } from './core/error-parse/parse-error.js';
export type { EndpointHints, ParsedError, QuotaViolation } from './core/error-parse/parsed-error.js';
export type { CheckStatus, Finding } from './core/finding.js';
export type { DetectedKey, DetectOptions } from './core/key-detect/detect.js';
export { detectKeys } from './core/key-detect/detect.js';
export type { KeyContext } from './core/key-detect/detect-context.js';
export type { KeyKind, MaskedKey } from './core/key-material.js';
export { describeKey, fingerprintOf, keyKindOf, maskKey, maskKeysInText } from './core/key-material.js';
export { lintEnvironment } from './core/lint/lint-environment.js';
export type { CharacterSighting } from './core/lint/lint-key.js';
export { lintKey } from './core/lint/lint-key.js';
export type {
  ClientId,
  ClientResolution,
  FileSnapshot,
  KeyCandidate,
  KeySource,
  ProjectSnapshot,
} from './core/project-snapshot.js';
export { CLIENT_IDS } from './core/project-snapshot.js';
export { candidateEnvFilePaths } from './core/resolution/candidate-env-file-paths.js';
export { collectKeyCandidates } from './core/resolution/collect-key-candidates.js';
export { resolveClients } from './core/resolution/resolve-clients.js';
export { SecretKey } from './core/secret-key.js';
export type { DiagnoseOptions } from './doctor/diagnose.js';
export { diagnose } from './doctor/diagnose.js';
export type { ProbeKeyOptions, ProbeOutcome } from './doctor/probe-key.js';
export { probeKey } from './doctor/probe-key.js';
export type { RenderOptions, ReportFormat } from './doctor/render/render-report.js';
export { renderReport } from './doctor/render/render-report.js';
export type { DoctorReport, ReportClient, ReportKey } from './doctor/report.js';
export type { MagicKey } from './emulator/magic-keys.js';
export {
  isMagicKey,
  MAGIC_KEY_PATTERN,
  MAGIC_KEYS,
  magicKeyFor,
  workingMagicKey,
} from './emulator/magic-keys.js';
export type { EmulatedModel } from './emulator/models.js';
export { EMULATED_MODELS } from './emulator/models.js';
export type { ScenarioId } from './emulator/scenarios.js';
export { SCENARIO_IDS } from './emulator/scenarios.js';
export type { EmulatorOptions, EmulatorRequestLog, RunningEmulator } from './emulator/server.js';
export { SCENARIO_HEADER, startEmulator } from './emulator/server.js';
export type { ExplainResult } from './explain/explain.js';
export { explain } from './explain/explain.js';
export type { MissingBody } from './explain/missing-body.js';
export type { HookInstallResult } from './io/git-hooks.js';
export { parseBaseline, renderBaseline } from './scan/baseline.js';
/** Installs the pre-commit hook that runs `scan --staged` (same signature as before the hook script moved out of io/). */
export { installScanHook as installPreCommitHook } from './scan/hook-script.js';
export { renderScanJson } from './scan/render/json.js';
export { renderSarif } from './scan/render/sarif.js';
export { renderScanText } from './scan/render/text.js';
export { SCAN_RULES, type ScanRule } from './scan/rules.js';
export { ScanInputError, type ScanRunOptions, scan, scanPaths } from './scan/scan.js';
export type * from './scan/types.js';
