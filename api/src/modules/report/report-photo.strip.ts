/**
 * Photo checks and metadata stripping for residents' reports, written here rather than taken
 * from npm: the maintained pure-JS packages read EXIF (exifr, exif-reader) or rewrite it for JPEG
 * only (piexifjs, unmaintained since 2019); none strips PNG and WebP, and the native ones
 * (sharp) need install scripts this project does not allow. Each format is a list of chunks, so
 * stripping is copying the chunks that are not metadata. Anything malformed is refused, never
 * passed through: a file we cannot parse is a file we cannot vouch for.
 */

export type PhotoType = 'image/jpeg' | 'image/png' | 'image/webp';

export class PhotoFormatError extends Error {}

/** The type by magic bytes (what the client claims is ignored): JPEG, PNG or WebP, else undefined. */
export function photoTypeOf(bytes: Buffer): PhotoType | undefined {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return 'image/png';
  if (bytes.length >= 12 && bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WEBP') return 'image/webp';
  return undefined;
}

/** The photo without metadata (EXIF and its GPS position, XMP, comments, text chunks). */
export function stripMetadata(bytes: Buffer, type: PhotoType): Buffer {
  if (type === 'image/jpeg') return stripJpeg(bytes);
  if (type === 'image/png') return stripPng(bytes);
  return stripWebp(bytes);
}

const fail = (what: string): never => {
  throw new PhotoFormatError(what);
};

/**
 * JPEG: markers and length-prefixed segments. Dropped: APP1 (Exif, XMP) and every other APPn but
 * APP0 (JFIF) and APP14 (Adobe: colour transform, needed to decode), and COM. Scan data runs until
 * the next marker that is not a stuffed 0xFF00 or a restart marker.
 */
function stripJpeg(bytes: Buffer): Buffer {
  const kept: Buffer[] = [bytes.subarray(0, 2)];
  let at = 2;
  while (at < bytes.length) {
    if (bytes[at] !== 0xff) fail('JPEG: expected a marker');
    let markerAt = at;
    while (bytes[markerAt + 1] === 0xff) markerAt += 1; // fill bytes
    const marker = bytes[markerAt + 1] ?? fail('JPEG: truncated marker');
    if (marker === 0xd9) return Buffer.concat([...kept, Buffer.from([0xff, 0xd9])]);
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      kept.push(Buffer.from([0xff, marker]));
      at = markerAt + 2;
      continue;
    }
    if (markerAt + 4 > bytes.length) fail('JPEG: truncated segment');
    const end = markerAt + 2 + bytes.readUInt16BE(markerAt + 2);
    if (end > bytes.length || end < markerAt + 4) fail('JPEG: segment overruns the file');
    const segment = bytes.subarray(markerAt, end);
    const isApp = marker >= 0xe0 && marker <= 0xef;
    const label = segment.toString('latin1', 4, 9);
    const keep = marker === 0xfe ? false : !isApp || (marker === 0xe0 && (label === 'JFIF\0' || label === 'JFXX\0')) || (marker === 0xee && label.startsWith('Adobe'));
    if (keep) kept.push(segment);
    at = end;
    if (marker === 0xda) {
      // Entropy-coded data: copied as it is, up to the next real marker.
      let scan = at;
      while (scan + 1 < bytes.length && !(bytes[scan] === 0xff && bytes[scan + 1] !== 0x00 && !(bytes[scan + 1]! >= 0xd0 && bytes[scan + 1]! <= 0xd7))) scan += 1;
      if (scan + 1 >= bytes.length) fail('JPEG: scan data without an end');
      kept.push(bytes.subarray(at, scan));
      at = scan;
    }
  }
  return fail('JPEG: no end-of-image marker');
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** PNG chunks that carry metadata: EXIF, text (may hold anything, GPS included) and the modification time. */
const PNG_METADATA = new Set(['eXIf', 'tEXt', 'iTXt', 'zTXt', 'tIME']);

function stripPng(bytes: Buffer): Buffer {
  const kept: Buffer[] = [PNG_SIGNATURE];
  let at = 8;
  while (at + 12 <= bytes.length) {
    const end = at + 12 + bytes.readUInt32BE(at);
    if (end > bytes.length) fail('PNG: chunk overruns the file');
    const type = bytes.toString('latin1', at + 4, at + 8);
    if (!PNG_METADATA.has(type)) kept.push(bytes.subarray(at, end));
    at = end;
    if (type === 'IEND') return Buffer.concat(kept);
  }
  return fail('PNG: no IEND chunk');
}

/** WebP (RIFF): drops the EXIF and XMP chunks and clears their flags in VP8X; the RIFF size is rewritten. */
function stripWebp(bytes: Buffer): Buffer {
  const riffEnd = 8 + bytes.readUInt32LE(4);
  if (riffEnd > bytes.length) fail('WebP: RIFF size overruns the file');
  const kept: Buffer[] = [];
  let at = 12;
  while (at + 8 <= riffEnd) {
    const size = bytes.readUInt32LE(at + 4);
    const end = at + 8 + size + (size % 2);
    if (end > riffEnd) fail('WebP: chunk overruns the file');
    const fourcc = bytes.toString('latin1', at, at + 4);
    if (fourcc === 'VP8X') {
      const chunk = Buffer.from(bytes.subarray(at, end));
      chunk[8] = chunk[8]! & ~0x0c; // EXIF (0x08) and XMP (0x04) flags
      kept.push(chunk);
    } else if (fourcc !== 'EXIF' && fourcc !== 'XMP ') {
      kept.push(bytes.subarray(at, end));
    }
    at = end;
  }
  if (at !== riffEnd) fail('WebP: trailing bytes in the RIFF container');
  const body = Buffer.concat(kept);
  const header = Buffer.alloc(12);
  header.write('RIFF', 0, 'latin1');
  header.writeUInt32LE(body.length + 4, 4);
  header.write('WEBP', 8, 'latin1');
  return Buffer.concat([header, body]);
}
