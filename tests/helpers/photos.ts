/**
 * Image fixtures made in the tests: tiny real images (2×2, encoded once by Pillow and kept here
 * as base64), and the metadata a phone camera adds to them: an Exif block with a GPS position,
 * XMP, comments and text chunks.
 */
export const BASE_JPEG = Buffer.from(
  '/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDABALDA4MChAODQ4SERATGCgaGBYWGDEjJR0oOjM9PDkzODdASFxOQERXRTc4UG1RV19iZ2hnPk1xeXBkeFxlZ2P/2wBDARESEhgVGC8aGi9jQjhCY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2P/wAARCAACAAIDASIAAhEBAxEB/8QAHwAAAQUBAQEBAQEAAAAAAAAAAAECAwQFBgcICQoL/8QAtRAAAgEDAwIEAwUFBAQAAAF9AQIDAAQRBRIhMUEGE1FhByJxFDKBkaEII0KxwRVS0fAkM2JyggkKFhcYGRolJicoKSo0NTY3ODk6Q0RFRkdISUpTVFVWV1hZWmNkZWZnaGlqc3R1dnd4eXqDhIWGh4iJipKTlJWWl5iZmqKjpKWmp6ipqrKztLW2t7i5usLDxMXGx8jJytLT1NXW19jZ2uHi4+Tl5ufo6erx8vP09fb3+Pn6/8QAHwEAAwEBAQEBAQEBAQAAAAAAAAECAwQFBgcICQoL/8QAtREAAgECBAQDBAcFBAQAAQJ3AAECAxEEBSExBhJBUQdhcRMiMoEIFEKRobHBCSMzUvAVYnLRChYkNOEl8RcYGRomJygpKjU2Nzg5OkNERUZHSElKU1RVVldYWVpjZGVmZ2hpanN0dXZ3eHl6goOEhYaHiImKkpOUlZaXmJmaoqOkpaanqKmqsrO0tba3uLm6wsPExcbHyMnK0tPU1dbX2Nna4uPk5ebn6Onq8vP09fb3+Pn6/9oADAMBAAIRAxEAPwDHooorhPqD/9k=',
  'base64',
);
export const BASE_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGM8ISfHwMDAxMDAwMDAAAANBAEIfXHKZgAAAABJRU5ErkJggg==', 'base64');
/** A lossless (VP8L) 2×2 WebP, the simple format: no VP8X header yet. */
export const BASE_WEBP = Buffer.from('UklGRh4AAABXRUJQVlA4TBEAAAAvAUAAAAdQjyLXo/+BiOh/AAA=', 'base64');

/** 玉溪 (24°21′30″N 102°32′45″E) as GPS rationals: what must not survive. */
const LATITUDE = [24, 1, 21, 1, 3000, 100];
const LONGITUDE = [102, 1, 32, 1, 4500, 100];

/** A big-endian TIFF block as in a camera's Exif: IFD0 points to a GPS IFD with latitude and longitude. */
export function gpsTiff(): Buffer {
  const tiff = Buffer.alloc(128);
  tiff.write('MM', 0, 'latin1');
  tiff.writeUInt16BE(42, 2);
  tiff.writeUInt32BE(8, 4);
  tiff.writeUInt16BE(1, 8); // IFD0: one entry
  tiff.writeUInt16BE(0x8825, 10); // GPSInfo
  tiff.writeUInt16BE(4, 12);
  tiff.writeUInt32BE(1, 14);
  tiff.writeUInt32BE(26, 18); // the GPS IFD's offset
  tiff.writeUInt32BE(0, 22);
  tiff.writeUInt16BE(4, 26); // GPS IFD: four entries
  const entry = (index: number, tag: number, type: number, count: number, value: number | string) => {
    const at = 28 + index * 12;
    tiff.writeUInt16BE(tag, at);
    tiff.writeUInt16BE(type, at + 2);
    tiff.writeUInt32BE(count, at + 4);
    if (typeof value === 'string') tiff.write(value, at + 8, 'latin1');
    else tiff.writeUInt32BE(value, at + 8);
  };
  entry(0, 1, 2, 2, 'N\0');
  entry(1, 2, 5, 3, 80);
  entry(2, 3, 2, 2, 'E\0');
  entry(3, 4, 5, 3, 104);
  tiff.writeUInt32BE(0, 76);
  LATITUDE.forEach((value, index) => tiff.writeUInt32BE(value, 80 + index * 4));
  LONGITUDE.forEach((value, index) => tiff.writeUInt32BE(value, 104 + index * 4));
  return tiff;
}

/** The GPS latitude's bytes, to look for in a file. */
export const GPS_BYTES = gpsTiff().subarray(80, 104);
const XMP = Buffer.from('<x:xmpmeta xmlns:x="adobe:ns:meta/"><exif:GPSLatitude>24,21.5N</exif:GPSLatitude></x:xmpmeta>', 'latin1');

function jpegSegment(marker: number, payload: Buffer): Buffer {
  const head = Buffer.from([0xff, marker, 0, 0]);
  head.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([head, payload]);
}

/** The JPEG with what a phone adds after JFIF: Exif (GPS), XMP, an APP13 and a comment. */
export function jpegWithGps(base = BASE_JPEG): Buffer {
  const jfifEnd = 4 + base.readUInt16BE(4);
  return Buffer.concat([
    base.subarray(0, jfifEnd),
    jpegSegment(0xe1, Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), gpsTiff()])),
    jpegSegment(0xe1, Buffer.concat([Buffer.from('http://ns.adobe.com/xap/1.0/\0', 'latin1'), XMP])),
    jpegSegment(0xed, Buffer.from('Photoshop 3.0\0GPS', 'latin1')),
    jpegSegment(0xfe, Buffer.from('taken at 24.3583N 102.5458E', 'latin1')),
    base.subarray(jfifEnd),
  ]);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** The PNG with eXIf (GPS), tEXt, iTXt (XMP) and zTXt chunks after IHDR. */
export function pngWithGps(base = BASE_PNG): Buffer {
  const ihdrEnd = 8 + 12 + base.readUInt32BE(8);
  return Buffer.concat([
    base.subarray(0, ihdrEnd),
    pngChunk('eXIf', gpsTiff()),
    pngChunk('tEXt', Buffer.from('Comment\0taken at 24.3583N 102.5458E', 'latin1')),
    pngChunk('iTXt', Buffer.concat([Buffer.from('XML:com.adobe.xmp\0\0\0\0\0', 'latin1'), XMP])),
    pngChunk('zTXt', Buffer.from('Location\0\0x', 'latin1')),
    base.subarray(ihdrEnd),
  ]);
}

function riffChunk(fourcc: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.write(fourcc, 0, 'latin1');
  head.writeUInt32LE(data.length, 4);
  return Buffer.concat([head, data, data.length % 2 ? Buffer.alloc(1) : Buffer.alloc(0)]);
}

/** The WebP in the extended format (VP8X, flags EXIF and XMP set) with EXIF (GPS) and XMP chunks. */
export function webpWithGps(base = BASE_WEBP): Buffer {
  const vp8x = Buffer.alloc(10);
  vp8x[0] = 0x08 | 0x04;
  vp8x.writeUIntLE(2 - 1, 4, 3); // canvas width − 1
  vp8x.writeUIntLE(2 - 1, 7, 3);
  const body = Buffer.concat([riffChunk('VP8X', vp8x), base.subarray(12), riffChunk('EXIF', gpsTiff()), riffChunk('XMP ', XMP)]);
  const header = Buffer.alloc(12);
  header.write('RIFF', 0, 'latin1');
  header.writeUInt32LE(body.length + 4, 4);
  header.write('WEBP', 8, 'latin1');
  return Buffer.concat([header, body]);
}
