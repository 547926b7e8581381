import { createHash, createHmac } from 'node:crypto';
import type { PhotoStore } from './report-photo.store';

/** An S3-compatible bucket (AWS S3, MinIO, Ceph, OSS in S3 mode), addressed path-style: `<endpoint>/<bucket>/<key>`. */
export interface S3Location {
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Put before every key: `report-photos/`. */
  prefix: string;
}

const sha256Hex = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest();
const encodeSegment = (segment: string) => encodeURIComponent(segment).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

export interface SigningRequest {
  method: string;
  url: URL;
  /** Headers to sign besides host, x-amz-date and x-amz-content-sha256 (lower-case names). */
  headers?: Record<string, string>;
  payloadHash: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  now: Date;
}

/**
 * AWS Signature Version 4 for S3 (the headers to send, Authorization included): small enough to
 * write here rather than take the AWS SDK and its dependency tree for two calls. Query strings
 * are not signed: this store sends none.
 */
export function signS3Request({ method, url, headers = {}, payloadHash, region, accessKeyId, secretAccessKey, now }: SigningRequest): Record<string, string> {
  const amzDate = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
  const day = amzDate.slice(0, 8);
  const all: Record<string, string> = { ...headers, host: url.host, 'x-amz-content-sha256': payloadHash, 'x-amz-date': amzDate };
  const names = Object.keys(all).sort();
  const canonicalRequest = [
    method,
    url.pathname
      .split('/')
      .map((segment) => encodeSegment(decodeURIComponent(segment)))
      .join('/'),
    '',
    ...names.map((name) => `${name}:${all[name]!.trim()}`),
    '',
    names.join(';'),
    payloadHash,
  ].join('\n');
  const scope = `${day}/${region}/s3/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256Hex(canonicalRequest)].join('\n');
  const key = hmac(hmac(hmac(hmac(`AWS4${secretAccessKey}`, day), region), 's3'), 'aws4_request');
  const signature = createHmac('sha256', key).update(stringToSign).digest('hex');
  return { ...all, authorization: `AWS4-HMAC-SHA256 Credential=${accessKeyId}/${scope}, SignedHeaders=${names.join(';')}, Signature=${signature}` };
}

/** Photos in an S3-compatible bucket (PHOTO_S3_* settings): what several API replicas share. */
export class S3PhotoStore implements PhotoStore {
  constructor(private readonly location: S3Location) {}

  private urlOf(key: string): URL {
    const path = [this.location.bucket, ...`${this.location.prefix}${key}`.split('/')].map(encodeSegment).join('/');
    return new URL(`${this.location.endpoint.replace(/\/$/, '')}/${path}`);
  }

  private async send(method: 'GET' | 'PUT', key: string, body?: Buffer): Promise<Response> {
    const url = this.urlOf(key);
    const payloadHash = sha256Hex(body ?? '');
    const headers = signS3Request({ method, url, payloadHash, now: new Date(), ...this.location, headers: body ? { 'content-type': 'application/octet-stream' } : {} });
    delete headers.host;
    return fetch(url, { method, headers, body: body ? new Uint8Array(body) : undefined, signal: AbortSignal.timeout(15_000) });
  }

  async put(key: string, bytes: Buffer): Promise<void> {
    const response = await this.send('PUT', key, bytes);
    if (!response.ok) throw new Error(`The photo store answered ${response.status} to a PUT.`);
  }

  async get(key: string): Promise<Buffer | null> {
    const response = await this.send('GET', key);
    if (response.status === 404) return null;
    if (!response.ok) throw new Error(`The photo store answered ${response.status} to a GET.`);
    return Buffer.from(await response.arrayBuffer());
  }
}
