import { detectRaw, mayContainKey, type RawDetection } from '../core/key-detect/detect.js';
import { decodeText, type SniffedText, sniffEncoding } from '../core/text-encoding.js';

/**
 * The one detection step every source's fragment goes through (work-tree files in any thread,
 * staged and history blobs): UTF-8 bytes are searched as they are; UTF-16 and UTF-32 text is
 * decoded first; a binary file is searched only for UTF-16 key runs.
 */
export interface FragmentDetection extends RawDetection {
  /** Binary: only UTF-16 key runs were looked for. */
  binary: boolean;
}

const NONE: RawDetection = { hits: [], placeholders: 0 };

/**
 * The key prefixes as UTF-16LE and UTF-16BE bytes: a key run inside a binary file (ripgrep finds
 * these). Here, not beside the decoders: building them at load cost every command that decodes text.
 */
const UTF16_PREFIXES: readonly Buffer[] = ['AIza', 'AQ.'].flatMap((prefix) => {
  const little = Buffer.from(prefix, 'utf16le');
  return [little, Buffer.from(little).swap16()];
});

export function detectFragment(
  bytes: Uint8Array,
  path: string,
  sniffed = sniffEncoding(bytes),
): FragmentDetection {
  if (sniffed === null) return { ...detectUtf16Runs(bytes, path), binary: true };
  if (sniffed.encoding === 'utf8') {
    const body = bytes.subarray(sniffed.bom);
    return { ...(mayContainKey(body) ? detectRaw(body, { path }) : NONE), binary: false };
  }
  return { ...detectRaw(decodeText(bytes, sniffed), { path }), binary: false };
}

/** Whether raw bytes of a binary file hold a UTF-16 key prefix (cheap, before decoding). */
export function mayContainUtf16Key(bytes: Uint8Array): boolean {
  const buf = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return UTF16_PREFIXES.some((needle) => buf.indexOf(needle) !== -1);
}

/** Both byte alignments, both byte orders: a binary's UTF-16 strings can start anywhere. */
function detectUtf16Runs(bytes: Uint8Array, path: string): RawDetection {
  if (!mayContainUtf16Key(bytes)) return NONE;
  const out: RawDetection = { hits: [], placeholders: 0 };
  for (const encoding of ['utf16le', 'utf16be'] as const) {
    for (const skip of [0, 1]) {
      const sniffed: SniffedText = { encoding, bom: skip };
      const found = detectRaw(decodeText(bytes, sniffed), { path });
      out.hits.push(...found.hits);
      out.placeholders += found.placeholders;
    }
  }
  return out;
}
