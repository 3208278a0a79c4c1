// Evidence judged by its bytes, beyond the magic number (issue #17): a file whose first bytes say
// PNG, JPEG or PDF must also be one. A PNG is walked chunk by chunk (IHDR first with a sane width,
// height, depth and colour type; every chunk's CRC; nothing after IEND); a JPEG segment by segment
// up to the scan, with a frame header (SOFn) giving its size; a PDF must not carry active or
// embedded content (/JavaScript, /JS, /Launch, /EmbeddedFile(s), /RichMedia — hex-escaped names and
// compressed object streams included) and must not be encrypted (its objects could not be read).
// A "PNG-headed HTML" or a PDF with a script is refused at upload (local host) and again when
// task.complete names the file (both deployments). Pure Node (zlib), no dependency.
import { inflateSync } from 'node:zlib';
import { sniffEvidenceType, type EvidenceType } from '../../domain';

export type EvidenceVerdict = { ok: true; type: EvidenceType; width?: number; height?: number } | { ok: false; problem: string };

/** The largest side of an image we accept (a phone photo is at most ~10,000 pixels a side). */
export const MAX_IMAGE_SIDE = 30_000;

const NOT_EVIDENCE = '只能上传 JPG、PNG 图片或 PDF 文件';
const bad = (problem: string): EvidenceVerdict => ({ ok: false, problem });

let crcTable: Uint32Array | null = null;
function crc32(bytes: Uint8Array, from: number, to: number): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n += 1) {
      let c = n;
      for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (let i = from; i < to; i += 1) c = crcTable[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

const u32 = (b: Uint8Array, i: number) => ((b[i] << 24) | (b[i + 1] << 16) | (b[i + 2] << 8) | b[i + 3]) >>> 0;
const u16 = (b: Uint8Array, i: number) => (b[i] << 8) | b[i + 1];

const PNG_DEPTHS: Record<number, readonly number[]> = { 0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16] };

export function checkPng(b: Uint8Array): EvidenceVerdict {
  const broken = bad('PNG 图片已损坏或不是真正的图片');
  let at = 8;
  let first = true;
  let sawData = false;
  let width = 0;
  let height = 0;
  while (at + 12 <= b.length) {
    const len = u32(b, at);
    const typeAt = at + 4;
    const end = typeAt + 4 + len;
    if (len > 0x7fffffff || end + 4 > b.length) return broken;
    const type = String.fromCharCode(b[typeAt], b[typeAt + 1], b[typeAt + 2], b[typeAt + 3]);
    if (!/^[A-Za-z]{4}$/.test(type)) return broken;
    if (crc32(b, typeAt, end) !== u32(b, end)) return broken;
    if (first) {
      if (type !== 'IHDR' || len !== 13) return broken;
      width = u32(b, typeAt + 4);
      height = u32(b, typeAt + 8);
      const [depth, colour, compression, filter, interlace] = [b[typeAt + 12], b[typeAt + 13], b[typeAt + 14], b[typeAt + 15], b[typeAt + 16]];
      if (width < 1 || height < 1 || width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE) return broken;
      if (!PNG_DEPTHS[colour]?.includes(depth) || compression !== 0 || filter !== 0 || interlace > 1) return broken;
      first = false;
    } else if (type === 'IHDR') {
      return broken;
    }
    if (type === 'IDAT') sawData = true;
    at = end + 4;
    // nothing may follow the end: a file that goes on after IEND is something else too
    if (type === 'IEND') return len === 0 && sawData && at === b.length ? { ok: true, type: 'image/png', width, height } : broken;
  }
  return broken;
}

export function checkJpeg(b: Uint8Array): EvidenceVerdict {
  const broken = bad('JPG 图片已损坏或不是真正的图片');
  let at = 2;
  let size: { width: number; height: number } | null = null;
  while (at < b.length) {
    if (b[at] !== 0xff) return broken;
    while (at < b.length && b[at] === 0xff) at += 1; // fill bytes
    if (at >= b.length) return broken;
    const marker = b[at];
    at += 1;
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) continue; // no length
    if (marker === 0xd8 || marker === 0xd9 || marker === 0x00) return broken; // SOI again, EOI before the scan
    if (at + 2 > b.length) return broken;
    const len = u16(b, at);
    if (len < 2 || at + len > b.length) return broken;
    const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrame) {
      if (len < 8) return broken;
      const height = u16(b, at + 3);
      const width = u16(b, at + 5);
      const components = b[at + 7];
      if (width < 1 || height < 1 || width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE || components < 1 || len !== 8 + 3 * components) return broken;
      size = { width, height };
    }
    if (marker === 0xda) return size ? { ok: true, type: 'image/jpeg', ...size } : broken; // the scan: the headers were sound
    at += len;
  }
  return broken;
}

/** Names that make a PDF act (scripts, launching programs) or carry other files. */
const ACTIVE_NAMES = new Set(['JavaScript', 'JS', 'Launch', 'EmbeddedFile', 'EmbeddedFiles', 'RichMedia']);
const FILTERS = new Set(['FlateDecode', 'LZWDecode', 'ASCIIHexDecode', 'ASCII85Decode', 'RunLengthDecode', 'CCITTFaxDecode', 'JBIG2Decode', 'DCTDecode', 'JPXDecode', 'Crypt']);
/** How much of a PDF's compressed object streams we read at most (a bomb is refused, not inflated). */
const INFLATE_BUDGET = 64 * 1024 * 1024;

/** The PDF names in `text` with their #xx escapes decoded (`/J#61vaScript` is /JavaScript). */
function pdfNames(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/\/([^\s/<>[\]()%{}]+)/g)) {
    out.push(m[1].replace(/#([0-9A-Fa-f]{2})/g, (_x, h: string) => String.fromCharCode(Number.parseInt(h, 16))));
  }
  return out;
}

export function checkPdf(b: Uint8Array): EvidenceVerdict {
  const text = Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('latin1');
  if (!/^%PDF-[12]\.[0-9]/.test(text)) return bad('PDF 文件已损坏');
  const refuse = (names: string[]): EvidenceVerdict | null => {
    if (names.some((n) => ACTIVE_NAMES.has(n))) return bad('PDF 文件含有脚本、附件或启动命令，不能作为证明材料，请另存为普通 PDF 后上传');
    if (names.includes('Encrypt')) return bad('PDF 文件已加密，无法检查，请上传未加密的文件');
    return null;
  };
  const outside = refuse(pdfNames(text));
  if (outside) return outside;
  // object streams (PDF 1.5+) keep dictionaries compressed: read those too
  let budget = INFLATE_BUDGET;
  for (const m of text.matchAll(/(?<!end)stream\r?\n/g)) {
    const at = m.index ?? 0;
    // the stream's dictionary: back to its `obj` keyword (bounded)
    const from = Math.max(text.lastIndexOf(' obj', at), at - 4096, 0);
    const dict = pdfNames(text.slice(from, at));
    if (!dict.includes('ObjStm')) continue;
    const filters = dict.filter((n) => FILTERS.has(n));
    if (filters.length === 0) continue; // not compressed: already read with the rest
    if (filters.some((f) => f !== 'FlateDecode')) return bad('PDF 文件的内容无法检查，请另存为普通 PDF 后上传');
    const start = at + m[0].length;
    const end = text.indexOf('endstream', start);
    if (end < 0) return bad('PDF 文件已损坏');
    let inflated: Buffer;
    try {
      inflated = inflateSync(b.subarray(start, end), { maxOutputLength: budget });
    } catch {
      return bad('PDF 文件的内容无法检查，请另存为普通 PDF 后上传');
    }
    budget -= inflated.length;
    const hidden = refuse(pdfNames(inflated.toString('latin1')));
    if (hidden) return hidden;
  }
  return { ok: true, type: 'application/pdf' };
}

/** The type `bytes` really are, checked through their structure, or why they are refused. */
export function judgeEvidence(bytes: Uint8Array): EvidenceVerdict {
  const type = sniffEvidenceType(bytes.subarray(0, 16));
  if (type === 'image/png') return checkPng(bytes);
  if (type === 'image/jpeg') return checkJpeg(bytes);
  if (type === 'application/pdf') return checkPdf(bytes);
  return bad(NOT_EVIDENCE);
}
