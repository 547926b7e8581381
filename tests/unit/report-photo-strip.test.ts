import { PhotoFormatError, photoTypeOf, stripMetadata } from '../../api/src/modules/report/report-photo.strip';
import { BASE_JPEG, BASE_PNG, BASE_WEBP, GPS_BYTES, jpegWithGps, pngWithGps, webpWithGps } from '../helpers/photos';

/** The fixtures carry what a phone camera writes (checked once with Pillow, which reads their GPS position); the stripped files carry none of it. */
describe('photo types by magic bytes', () => {
  it('should know JPEG, PNG and WebP by their content and nothing else', () => {
    expect(photoTypeOf(BASE_JPEG)).toBe('image/jpeg');
    expect(photoTypeOf(BASE_PNG)).toBe('image/png');
    expect(photoTypeOf(BASE_WEBP)).toBe('image/webp');
    for (const other of ['GIF89a\x01\x00', '<svg xmlns="http://www.w3.org/2000/svg"/>', '%PDF-1.7', 'RIFF\0\0\0\0WAVEfmt ', ''])
      expect(photoTypeOf(Buffer.from(other, 'latin1'))).toBeUndefined();
  });
});

describe('stripping metadata', () => {
  it('should give back the camera’s JPEG without Exif (GPS), XMP, APP13 or comments, every image byte kept', () => {
    const withGps = jpegWithGps();
    expect(withGps.includes(GPS_BYTES)).toBe(true);
    const stripped = stripMetadata(withGps, 'image/jpeg');
    expect(stripped.equals(BASE_JPEG)).toBe(true);
    for (const trace of ['Exif', 'xmpmeta', 'Photoshop', '24.3583N']) expect(stripped.includes(Buffer.from(trace, 'latin1'))).toBe(false);
  });

  it('should drop PNG eXIf, tEXt, iTXt and zTXt chunks', () => {
    const withGps = pngWithGps();
    expect(withGps.includes(GPS_BYTES)).toBe(true);
    expect(stripMetadata(withGps, 'image/png').equals(BASE_PNG)).toBe(true);
  });

  it('should drop WebP EXIF and XMP chunks, clear their VP8X flags and fix the RIFF size', () => {
    const withGps = webpWithGps();
    expect(withGps.includes(GPS_BYTES)).toBe(true);
    const stripped = stripMetadata(withGps, 'image/webp');
    expect(stripped.includes(GPS_BYTES)).toBe(false);
    expect(stripped.includes(Buffer.from('xmpmeta'))).toBe(false);
    expect(stripped.readUInt32LE(4)).toBe(stripped.length - 8);
    expect(stripped.toString('latin1', 12, 16)).toBe('VP8X');
    expect(stripped[20]! & 0x0c).toBe(0);
    expect(stripped.subarray(stripped.length - (BASE_WEBP.length - 12)).equals(BASE_WEBP.subarray(12))).toBe(true);
  });

  it('should keep already clean files as they are', () => {
    expect(stripMetadata(BASE_JPEG, 'image/jpeg').equals(BASE_JPEG)).toBe(true);
    expect(stripMetadata(BASE_PNG, 'image/png').equals(BASE_PNG)).toBe(true);
    expect(stripMetadata(BASE_WEBP, 'image/webp').equals(BASE_WEBP)).toBe(true);
  });

  it('should refuse truncated or malformed files instead of passing them through', () => {
    const cases: Array<[Buffer, 'image/jpeg' | 'image/png' | 'image/webp']> = [
      [jpegWithGps().subarray(0, 40), 'image/jpeg'],
      [BASE_JPEG.subarray(0, BASE_JPEG.length - 2), 'image/jpeg'],
      [Buffer.concat([BASE_JPEG.subarray(0, 2), Buffer.from([0xff, 0xe1, 0xff, 0xff, 0x45])]), 'image/jpeg'],
      [BASE_PNG.subarray(0, BASE_PNG.length - 12), 'image/png'],
      [Buffer.concat([BASE_PNG.subarray(0, 8), Buffer.from([0x7f, 0xff, 0xff, 0xff, 0x49, 0x48, 0x44, 0x52])]), 'image/png'],
      [Buffer.concat([BASE_WEBP.subarray(0, 4), Buffer.from([0xff, 0xff, 0xff, 0x7f]), BASE_WEBP.subarray(8)]), 'image/webp'],
    ];
    for (const [bytes, type] of cases) expect(() => stripMetadata(bytes, type)).toThrow(PhotoFormatError);
  });
});
