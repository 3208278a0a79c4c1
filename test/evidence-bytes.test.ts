// Issue #17: evidence judged by its structure beyond the magic number (server/security/evidence-bytes.ts).
import { deflateSync } from 'node:zlib';
import { cleanFileName, withTypeExtension } from '../domain/files';
import { judgeEvidence } from '../server/security/evidence-bytes';
import { jpegOf, pdfOf, pngOf } from './support/images';

const verdict = (b: Uint8Array) => judgeEvidence(b);

it('accepts well-formed PNG, JPEG and PDF files and reads the images\' size from IHDR / SOF', () => {
  expect(verdict(pngOf(7, 3))).toEqual({ ok: true, type: 'image/png', width: 7, height: 3 });
  expect(verdict(jpegOf(640, 480))).toEqual({ ok: true, type: 'image/jpeg', width: 640, height: 480 });
  expect(verdict(pdfOf())).toEqual({ ok: true, type: 'application/pdf' });
});

it('refuses a PNG with a wrong CRC, a zero or absurd size, or no IEND', () => {
  const crc = pngOf();
  crc[29] ^= 0xff; // inside IHDR's CRC
  expect(verdict(crc).ok).toBe(false);
  expect(verdict(pngOf(0, 1)).ok).toBe(false);
  expect(verdict(pngOf(40_000, 1)).ok).toBe(false);
  expect(verdict(pngOf().subarray(0, pngOf().length - 12)).ok).toBe(false);
});

it('refuses a JPEG without a frame header before its scan, or with a segment running past the end', () => {
  const noFrame = Buffer.from([0xff, 0xd8, 0xff, 0xda, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3f, 0x00, 0xff, 0xd9]);
  expect(verdict(noFrame).ok).toBe(false);
  expect(verdict(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x40, 0x00, 0x01])).ok).toBe(false);
  expect(verdict(jpegOf(0, 10)).ok).toBe(false);
});

it('refuses a PDF hiding a script in a compressed object stream, an encrypted one, and a stream that is not Flate', () => {
  const hidden = deflateSync(Buffer.from('1 0 << /S /JavaScript /JS (app.alert(1)) >>', 'latin1'));
  const objStm = Buffer.concat([
    Buffer.from(`%PDF-1.7\n5 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length ${hidden.length} >>\nstream\n`, 'latin1'),
    hidden,
    Buffer.from('\nendstream\nendobj\n%%EOF\n', 'latin1'),
  ]);
  expect(verdict(objStm)).toMatchObject({ ok: false, problem: expect.stringContaining('脚本') });
  const harmless = deflateSync(Buffer.from('1 0 << /Type /Font /Subtype /Type1 >>', 'latin1'));
  const fine = Buffer.concat([Buffer.from(`%PDF-1.7\n5 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode >>\nstream\n`, 'latin1'), harmless, Buffer.from('\nendstream\nendobj\n', 'latin1')]);
  expect(verdict(fine).ok).toBe(true);
  expect(verdict(pdfOf('/Encrypt 9 0 R')).ok).toBe(false);
  expect(verdict(Buffer.from('%PDF-1.7\n5 0 obj\n<< /Type /ObjStm /Filter /ASCIIHexDecode >>\nstream\n2F4A53\nendstream\n', 'latin1')).ok).toBe(false);
});

it('cleans stored names and forces the extension of the judged type', () => {
  expect(cleanFileName('a\r\nb.png')).toBe('ab.png');
  expect(cleanFileName('../../x/../y.pdf')).toBe('y.pdf');
  expect(cleanFileName('..')).toBe('evidence');
  expect(cleanFileName('c:\\temp\\报告.pdf')).toBe('报告.pdf');
  expect(withTypeExtension('invoice.html', 'image/png')).toBe('invoice.png');
  expect(withTypeExtension('照片', 'image/jpeg')).toBe('照片.jpg');
  expect([...withTypeExtension('长'.repeat(200), 'application/pdf')].length).toBe(80);
});
