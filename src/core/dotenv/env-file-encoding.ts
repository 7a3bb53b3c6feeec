import { Buffer } from 'node:buffer';

/**
 * How a `.env` file's bytes are encoded, as far as the loaders care. Every loader we model
 * (dotenv, Node's `--env-file`, gemini-cli) reads UTF-8 only, so anything else parses to nothing.
 */
export type EnvFileEncoding = 'utf8' | 'utf8-bom' | 'utf16le' | 'utf16be' | 'binary';

export interface DecodedEnvFile {
  encoding: EnvFileEncoding;
  /** The text the loaders see: UTF-8 decoding with the BOM KEPT (Buffer#toString does not strip it). */
  text: string;
  /** Line breaks include `\r\n` or a lone `\r`. */
  crlf: boolean;
}

/** Share of NUL bytes above which a file without a BOM is taken for UTF-16 (ASCII text in UTF-16 is ~50% NULs). */
const UTF16_NUL_SHARE = 0.3;

export function detectEnvFileEncoding(bytes: Uint8Array): EnvFileEncoding {
  const [b0, b1, b2] = bytes;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return 'utf8-bom';
  if (b0 === 0xff && b1 === 0xfe) return 'utf16le';
  if (b0 === 0xfe && b1 === 0xff) return 'utf16be';
  let evenNuls = 0;
  let oddNuls = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0) {
      if (i % 2 === 0) evenNuls++;
      else oddNuls++;
    }
  }
  const half = bytes.length / 2;
  const enough = evenNuls + oddNuls >= 4;
  // PowerShell without a BOM (rare) still gives a NUL in every other byte: `K\0E\0Y\0` is LE.
  if (enough && oddNuls / half > UTF16_NUL_SHARE && evenNuls < oddNuls / 4) return 'utf16le';
  if (enough && evenNuls / half > UTF16_NUL_SHARE && oddNuls < evenNuls / 4) return 'utf16be';
  if (evenNuls + oddNuls > 0 || !isValidUtf8(bytes)) return 'binary';
  return 'utf8';
}

export function decodeEnvFile(bytes: Uint8Array): DecodedEnvFile {
  const encoding = detectEnvFileEncoding(bytes);
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  return { encoding, text, crlf: text.includes('\r') };
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}
