import { createHash } from 'node:crypto';
import { loadConfig } from '../../api/src/config';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { S3PhotoStore, signS3Request } from '../../api/src/modules/report/report-photo.s3';

describe('S3 request signing (Signature Version 4)', () => {
  it('should sign AWS’s documented GET Object example to its published signature', () => {
    const headers = signS3Request({
      method: 'GET',
      url: new URL('https://examplebucket.s3.amazonaws.com/test.txt'),
      headers: { range: 'bytes=0-9' },
      payloadHash: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      region: 'us-east-1',
      accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
      secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      now: new Date('2013-05-24T00:00:00Z'),
    });
    expect(headers.authorization).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
    );
  });
});

describe('the S3 photo store', () => {
  const location = { bucket: 'star-centres', region: 'cn-southwest-1', accessKeyId: 'TESTKEY', secretAccessKey: 'test-secret', prefix: 'report-photos/' };
  const objects = new Map<string, Buffer>();
  let server: http.Server;
  let endpoint: string;

  beforeAll(async () => {
    // A bucket that checks each request's signature as S3 would (recomputed from what arrived) and keeps bodies by path.
    server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const body = Buffer.concat(chunks);
        const url = new URL(req.url!, `http://${req.headers.host}`);
        const payloadHash = createHash('sha256').update(body).digest('hex');
        const expected = signS3Request({
          method: req.method!,
          url,
          headers: req.headers['content-type'] ? { 'content-type': req.headers['content-type'] } : {},
          payloadHash,
          now: new Date(String(req.headers['x-amz-date']).replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, '$1-$2-$3T$4:$5:$6Z')),
          ...location,
        });
        if (req.headers['x-amz-content-sha256'] !== payloadHash || req.headers.authorization !== expected.authorization) {
          res.writeHead(403).end();
        } else if (req.method === 'PUT') {
          objects.set(url.pathname, body);
          res.writeHead(200).end();
        } else {
          const stored = objects.get(url.pathname);
          if (stored) res.writeHead(200).end(stored);
          else res.writeHead(404).end();
        }
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('should put and get photos under its prefix, signed, and answer null for a missing key', async () => {
    const store = new S3PhotoStore({ ...location, endpoint });
    const bytes = Buffer.from([0xff, 0xd8, 0xff, 0xd9]);
    await store.put('0b1c2d3e-photo', bytes);
    expect([...objects.keys()]).toEqual(['/star-centres/report-photos/0b1c2d3e-photo']);
    expect((await store.get('0b1c2d3e-photo'))!.equals(bytes)).toBe(true);
    expect(await store.get('no-such-photo')).toBeNull();
    await expect(new S3PhotoStore({ ...location, endpoint, secretAccessKey: 'wrong' }).put('x-photo-id', bytes)).rejects.toThrow('403');
  });
});

describe('PHOTO_S3_ settings', () => {
  it('should be all or none, and stay off by default', () => {
    expect(loadConfig({}).photoS3).toBeUndefined();
    expect(() => loadConfig({ PHOTO_S3_ENDPOINT: 'https://s3.example.com', PHOTO_S3_BUCKET: 'photos' })).toThrow('PHOTO_S3_ACCESS_KEY_ID, PHOTO_S3_SECRET_ACCESS_KEY');
    const full = { PHOTO_S3_ENDPOINT: 'https://s3.example.com', PHOTO_S3_BUCKET: 'photos', PHOTO_S3_ACCESS_KEY_ID: 'AK', PHOTO_S3_SECRET_ACCESS_KEY: 'SK' };
    expect(loadConfig(full).photoS3).toEqual({
      endpoint: 'https://s3.example.com',
      bucket: 'photos',
      region: 'us-east-1',
      accessKeyId: 'AK',
      secretAccessKey: 'SK',
      prefix: 'report-photos/',
    });
  });
});
