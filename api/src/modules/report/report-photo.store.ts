import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Where photos' bytes live, by key. The filesystem store under the data folder is the default;
 * an S3-compatible store (same two calls, a bucket and a prefix) is not written yet: a
 * deployment with several API replicas needs one, or a shared volume for DATA_DIR.
 */
export interface PhotoStore {
  put(key: string, bytes: Buffer): Promise<void>;
  /** The bytes, or null when no such key is stored. */
  get(key: string): Promise<Buffer | null>;
}

const KEY_PATTERN = /^[A-Za-z0-9_-]{8,100}$/;

/** Photos as files in `<dataDir>/report-photos/`, written whole (temporary name, then renamed). */
export class FilePhotoStore implements PhotoStore {
  private readonly folder: string;

  constructor(dataDir: string) {
    this.folder = path.resolve(dataDir, 'report-photos');
  }

  private fileOf(key: string): string {
    // Keys are made by the API (record ids); refusing anything else keeps paths inside the folder.
    if (!KEY_PATTERN.test(key)) throw new Error('Invalid photo key');
    return path.join(this.folder, key);
  }

  async put(key: string, bytes: Buffer): Promise<void> {
    const file = this.fileOf(key);
    await mkdir(this.folder, { recursive: true, mode: 0o700 });
    await writeFile(`${file}.part`, bytes, { mode: 0o600 });
    await rename(`${file}.part`, file);
  }

  async get(key: string): Promise<Buffer | null> {
    try {
      return await readFile(this.fileOf(key));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }
}
