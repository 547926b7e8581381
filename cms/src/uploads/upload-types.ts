import { open } from 'node:fs/promises';
import path from 'node:path';
import { errors } from '@strapi/utils';

/**
 * The media library takes images, PDFs, office documents and MP4 video, and nothing a browser
 * could run (HTML, SVG, JavaScript, XML): Strapi serves uploads from the admin's own origin.
 * A file is accepted when its extension is listed AND its first bytes are that format's
 * signature, so an HTML page renamed .png or sent as image/png is still refused. The declared
 * MIME type is ignored: the client chooses it.
 *
 * Hand-written signatures rather than the `file-type` package Strapi depends on: that package
 * is ESM-only, which this CommonJS build cannot load on every Node 20, and a signature per
 * allowed format is all the check needs.
 */
/** [offset, bytes] pairs that must all match. */
type Signature = Array<[number, number[]]>;

interface UploadType {
  mime: string;
  /** Shown in the browser (images, video); everything else is served as a download. */
  inline: boolean;
  /** The content must match one of these. */
  signatures: Signature[];
}

const bytes = (text: string) => [...Buffer.from(text, 'latin1')];
const ZIP: Signature = [[0, bytes('PK\x03\x04')]]; // docx, xlsx, pptx, odt, ods, odp
const OLE: Signature = [[0, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]]]; // doc, xls, ppt

const inline = (mime: string, ...signatures: Signature[]): UploadType => ({ mime, inline: true, signatures });
const download = (mime: string, signature: Signature): UploadType => ({ mime, inline: false, signatures: [signature] });

export const UPLOAD_TYPES: Record<string, UploadType> = {
  '.jpg': inline('image/jpeg', [[0, [0xff, 0xd8, 0xff]]]),
  '.jpeg': inline('image/jpeg', [[0, [0xff, 0xd8, 0xff]]]),
  '.png': inline('image/png', [[0, [0x89, ...bytes('PNG\r\n\x1a\n')]]]),
  '.gif': inline('image/gif', [[0, bytes('GIF87a')]], [[0, bytes('GIF89a')]]),
  '.webp': inline('image/webp', [[0, bytes('RIFF')], [8, bytes('WEBP')]]),
  '.avif': inline('image/avif', [[4, bytes('ftypavif')]], [[4, bytes('ftypavis')]]),
  '.mp4': inline('video/mp4', [[4, bytes('ftyp')]]),
  '.pdf': download('application/pdf', [[0, bytes('%PDF-')]]),
  '.docx': download('application/vnd.openxmlformats-officedocument.wordprocessingml.document', ZIP),
  '.xlsx': download('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', ZIP),
  '.pptx': download('application/vnd.openxmlformats-officedocument.presentationml.presentation', ZIP),
  '.odt': download('application/vnd.oasis.opendocument.text', ZIP),
  '.ods': download('application/vnd.oasis.opendocument.spreadsheet', ZIP),
  '.odp': download('application/vnd.oasis.opendocument.presentation', ZIP),
  '.doc': download('application/msword', OLE),
  '.xls': download('application/vnd.ms-excel', OLE),
  '.ppt': download('application/vnd.ms-powerpoint', OLE),
};

const ALLOWED_LIST = '图片(JPEG、PNG、GIF、WebP、AVIF)、MP4 视频、PDF 和 Office 文档(Word、Excel、PowerPoint、OpenDocument)';
const ALLOWED_LIST_EN = 'images (JPEG, PNG, GIF, WebP, AVIF), MP4 video, PDF and office documents (Word, Excel, PowerPoint, OpenDocument)';

/** The listed type of a stored or requested file name, if any. */
export function uploadTypeOf(fileName: string): UploadType | undefined {
  return UPLOAD_TYPES[path.extname(fileName).toLowerCase()];
}

/** Throws a ValidationError (400, in Chinese and English) unless the file is a listed type by name and by content. */
export async function refuseUnlistedUpload(file: { filepath: string; originalFilename?: string | null }): Promise<void> {
  const name = file.originalFilename ?? '';
  const type = uploadTypeOf(name);
  if (!type) {
    throw new errors.ValidationError(
      `不允许上传此类文件:${name}。只能上传${ALLOWED_LIST}。 ` +
        `This type of file cannot be uploaded: ${name}. Allowed: ${ALLOWED_LIST_EN}.`,
    );
  }
  const head = await firstBytes(file.filepath, 16);
  const matches = type.signatures.some((signature) => signature.every(([offset, expected]) => expected.every((byte, i) => head[offset + i] === byte)));
  if (!matches) {
    throw new errors.ValidationError(
      `文件内容与扩展名不符:${name} 不是真正的 ${path.extname(name).slice(1).toUpperCase()} 文件。 ` +
        `The content of ${name} is not a ${path.extname(name).slice(1).toUpperCase()} file, whatever its name says.`,
    );
  }
}

async function firstBytes(filePath: string, count: number): Promise<Buffer> {
  const handle = await open(filePath, 'r');
  try {
    const buffer = Buffer.alloc(count);
    const { bytesRead } = await handle.read(buffer, 0, count, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}
