import iconv from 'iconv-lite';
import type { ImportEncoding } from '../../../shared/contract/memberImport';
import { ImportFileError } from './importFileError';

// A CSV file's bytes → text, as a stream (a 2 GB file is never held whole). The encoding is forced, or
// found: a byte-order mark says it; otherwise the first stretch with a byte above ASCII is tried as UTF-8
// (fatal on a bad sequence) and read as GB18030 (a superset of GBK, what Chinese Excel and old systems
// write) when it is not. ASCII before that is the same in every one of them, so it passes through as is.

const BOMS: readonly [ImportEncoding, readonly number[]][] = [
  ['utf-8', [0xef, 0xbb, 0xbf]],
  ['utf-16le', [0xff, 0xfe]],
  ['utf-16be', [0xfe, 0xff]],
];

function bomEncoding(chunk: Buffer): ImportEncoding | null {
  for (const [encoding, bytes] of BOMS) if (bytes.every((b, i) => chunk[i] === b)) return encoding;
  return null;
}

const ICONV_NAME: Record<ImportEncoding, string> = {
  'utf-8': 'utf8',
  gb18030: 'gb18030',
  'utf-16le': 'utf16le',
  'utf-16be': 'utf16be',
};

type Decoder = ReturnType<typeof iconv.getDecoder>;

function firstNonAscii(chunk: Buffer): number {
  for (let i = 0; i < chunk.length; i += 1) if ((chunk[i] ?? 0) > 0x7f) return i;
  return -1;
}

function isUtf8(bytes: Buffer): boolean {
  try {
    // stream: a character cut at the chunk's end is not an error.
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}

export interface DecodeOptions {
  /** Read the file in this encoding, whatever it looks like (`--encoding`). */
  encoding?: ImportEncoding | undefined;
  /** Told once, when the encoding is known. */
  onEncoding?: (encoding: ImportEncoding) => void;
  /** Bytes read so far (the progress bar). */
  onBytes?: (bytes: number) => void;
}

/**
 * The file's text, chunk by chunk. A NUL byte in the first chunk of a file that is not UTF-16 means it is
 * not text (a spreadsheet, an image, a zip): ImportFileError('binary') before any row is read.
 */
export async function* decodeCsv(source: AsyncIterable<Buffer>, options: DecodeOptions = {}): AsyncGenerator<string> {
  let decoder: Decoder | null = null;
  let bytes = 0;
  let first = true;
  const open = (encoding: ImportEncoding): Decoder => {
    options.onEncoding?.(encoding);
    return iconv.getDecoder(ICONV_NAME[encoding], { stripBOM: true });
  };
  for await (const chunk of source) {
    bytes += chunk.length;
    if (first) {
      first = false;
      const bom = bomEncoding(chunk);
      if (!(bom ?? options.encoding ?? '').startsWith('utf-16') && chunk.includes(0))
        throw new ImportFileError('binary');
      const known = options.encoding ?? bom;
      if (known) decoder = open(known);
    }
    if (decoder === null) {
      const at = firstNonAscii(chunk);
      if (at < 0) {
        yield chunk.toString('latin1');
        options.onBytes?.(bytes);
        continue;
      }
      if (at > 0) yield chunk.toString('latin1', 0, at);
      const rest = chunk.subarray(at);
      decoder = open(isUtf8(rest) ? 'utf-8' : 'gb18030');
      yield decoder.write(rest);
      options.onBytes?.(bytes);
      continue;
    }
    yield decoder.write(chunk);
    options.onBytes?.(bytes);
  }
  if (decoder === null) {
    // Nothing above ASCII (or nothing at all): UTF-8 reads it as it is.
    if (!first) options.onEncoding?.(options.encoding ?? 'utf-8');
    return;
  }
  const tail = decoder.end();
  if (tail) yield tail;
}
