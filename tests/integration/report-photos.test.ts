import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MAX_PHOTO_BYTES, MAX_PHOTOS_PER_REPORT } from '../../api/src/http/report-photos.router';
import { BASE_JPEG, BASE_PNG, GPS_BYTES, jpegWithGps, pngWithGps } from '../helpers/photos';
import { dataOf, REPORT_CENTRE, RPT, submitReport } from '../helpers/reports';
import { signIn, STAFF } from '../helpers/staff';
import { createTestApp, type TestApp } from '../helpers/test-app';

/** Photos of reports over HTTP: checked by content and size before they cost anything, stripped of GPS, and served only to those who may see the report. */
let api: TestApp;
let staff: Record<string, string>;
let dataDir: string;
beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'report-photos-'));
  api = await createTestApp({ env: { DATA_DIR: dataDir, ORDER_SUBMISSIONS_PER_ADDRESS_PER_HOUR: '1000000', ORDER_SUBMISSIONS_PER_CONTACT_PER_DAY: '1000000' } });
  staff = await signIn(api, STAFF.gaolongtan);
});
afterAll(async () => {
  await api.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const upload = (reportId: string, token: string | undefined, body: Buffer, contentType = 'image/jpeg') =>
  fetch(`${api.url}/reports/${reportId}/photos`, {
    method: 'POST',
    headers: { 'content-type': contentType, ...(token ? { 'x-report-token': token } : {}) },
    body: new Uint8Array(body),
  });
const photo = (id: string, headers: Record<string, string> = {}) => fetch(`${api.url}/reports/photos/${id}`, { headers });
const storedFiles = () => readdirSync(path.join(dataDir, 'report-photos')).filter((name) => !name.endsWith('.part'));
const photoCount = async (reportId: string) =>
  ((await api.app.orm.em.getConnection().execute(`select count(*)::int as count from report_photo where report_id = ?`, [reportId])) as Array<{ count: number }>)[0]!.count;

describe('uploading a photo', () => {
  it('should store a JPEG and a PNG without their GPS position, whatever content type the client claims', async () => {
    const report = await submitReport(api);
    const jpeg = await upload(report.id, report.token, jpegWithGps(), 'application/octet-stream');
    expect(jpeg.status).toBe(201);
    const saved = await jpeg.json();
    expect(saved).toMatchObject({ contentType: 'image/jpeg', byteSize: BASE_JPEG.length });
    const stored = readFileSync(path.join(dataDir, 'report-photos', saved.id));
    expect(stored.includes(GPS_BYTES)).toBe(false);
    expect(stored.includes(Buffer.from('Exif'))).toBe(false);
    expect(stored.equals(BASE_JPEG)).toBe(true);
    const png = await (await upload(report.id, report.token, pngWithGps(), 'image/jpeg')).json();
    expect(png.contentType).toBe('image/png');
    expect(readFileSync(path.join(dataDir, 'report-photos', png.id)).equals(BASE_PNG)).toBe(true);
    const resident = dataOf(await api.gql(RPT.byToken, { token: report.token })).reportByToken;
    expect(resident.photos.map((entry: { id: string }) => entry.id)).toEqual([saved.id, png.id]);
  });

  it('should refuse what is not a JPEG, PNG or WebP by its magic bytes, storing nothing', async () => {
    const report = await submitReport(api);
    const files = storedFiles().length;
    for (const body of [
      Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1'),
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
      Buffer.alloc(0),
    ]) {
      const answer = await upload(report.id, report.token, body, 'image/jpeg');
      expect(answer.status).toBe(415);
      expect((await answer.json()).errors[0].extensions.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    }
    const broken = await upload(report.id, report.token, jpegWithGps().subarray(0, 60));
    expect(broken.status).toBe(400);
    expect(await photoCount(report.id)).toBe(0);
    expect(storedFiles()).toHaveLength(files);
  });

  it('should refuse an oversized photo from its Content-Length, before reading the body', async () => {
    const report = await submitReport(api);
    const { port } = new URL(api.url);
    // Only the head and 1 KB are ever sent: the answer must come without the other 6 MB.
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const request = http.request(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: `/reports/${report.id}/photos`,
          headers: { 'content-type': 'image/jpeg', 'content-length': MAX_PHOTO_BYTES + 1, 'x-report-token': report.token },
        },
        (response) => {
          let body = '';
          response.on('data', (chunk: Buffer) => (body += chunk.toString()));
          response.on('end', () => {
            request.destroy();
            resolve({ status: response.statusCode!, body });
          });
        },
      );
      request.on('error', reject);
      request.write(Buffer.alloc(1024, 0xff));
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
    // Without a Content-Length (chunked), reading stops at the limit.
    const chunked = await fetch(`${api.url}/reports/${report.id}/photos`, {
      method: 'POST',
      headers: { 'x-report-token': report.token },
      body: new ReadableStream({
        start(controller) {
          controller.enqueue(new Uint8Array(Buffer.concat([BASE_JPEG.subarray(0, 2), Buffer.alloc(MAX_PHOTO_BYTES)])));
          controller.close();
        },
      }),
      duplex: 'half',
    } as RequestInit);
    expect(chunked.status).toBe(413);
    expect(await photoCount(report.id)).toBe(0);
  });

  it('should answer 404 without the report’s token, and refuse more than the maximum number of photos', async () => {
    const report = await submitReport(api);
    const other = await submitReport(api);
    expect((await upload(report.id, undefined, BASE_JPEG)).status).toBe(404);
    expect((await upload(report.id, other.token, BASE_JPEG)).status).toBe(404);
    expect((await upload('no-such-report', report.token, BASE_JPEG)).status).toBe(404);
    for (let n = 0; n < MAX_PHOTOS_PER_REPORT; n += 1) expect((await upload(report.id, report.token, BASE_JPEG)).status).toBe(201);
    const extra = await upload(report.id, report.token, BASE_JPEG);
    expect(extra.status).toBe(409);
    expect(await photoCount(report.id)).toBe(MAX_PHOTOS_PER_REPORT);
  });
});

describe('serving photos', () => {
  it('should never serve a private kind’s photo to the public (404, like a photo that does not exist); its reporter and the centre’s staff get it', async () => {
    const report = await submitReport(api, { kind: 'DISPUTE' });
    const { id } = await (await upload(report.id, report.token, jpegWithGps())).json();
    dataOf(await api.gql(RPT.accept, { input: { reportId: report.id, caseMode: 'TRACKED' } }, staff));
    const missing = await photo('no-such-photo');
    const refused = await photo(id);
    expect(refused.status).toBe(404);
    expect(await refused.text()).toBe(await missing.text());
    expect((await photo(id, await signIn(api, STAFF.chengjiang))).status).toBe(404);
    expect((await photo(id, { 'x-report-token': (await submitReport(api)).token })).status).toBe(404);
    for (const headers of [{ 'x-report-token': report.token }, staff]) {
      const served = await photo(id, headers);
      expect(served.status).toBe(200);
      expect(served.headers.get('content-type')).toBe('image/jpeg');
      expect(served.headers.get('x-content-type-options')).toBe('nosniff');
      expect(served.headers.get('cache-control')).toBe('private, no-store');
      expect(Buffer.from(await served.arrayBuffer()).equals(BASE_JPEG)).toBe(true);
    }
    const staffList = dataOf(await api.gql(RPT.list, { filter: { centreCode: REPORT_CENTRE, kind: ['DISPUTE'] }, first: 100 }, staff)).reports.edges;
    expect(staffList.find((edge: { node: { id: string } }) => edge.node.id === report.id).node.photos).toHaveLength(1);
  });

  it('should serve a public kind’s photo to anyone once the report is listed, and not while it is pending or hidden', async () => {
    const report = await submitReport(api, { kind: 'HAZARD' });
    const { id } = await (await upload(report.id, report.token, jpegWithGps())).json();
    expect((await photo(id)).status).toBe(404);
    dataOf(await api.gql(RPT.accept, { input: { reportId: report.id, caseMode: 'TRACKED' } }, staff));
    const served = await photo(id);
    expect(served.status).toBe(200);
    expect(served.headers.get('cache-control')).toBe('public, max-age=300');
    expect(served.headers.get('x-content-type-options')).toBe('nosniff');
    const listed = dataOf(await api.gql(RPT.publicList, { centreCode: REPORT_CENTRE, first: 100 })).publicReports.edges.find(
      (edge: { node: { id: string } }) => edge.node.id === report.id,
    );
    expect(listed.node.photos).toEqual([expect.objectContaining({ id, contentType: 'image/jpeg', url: expect.stringContaining(`/reports/photos/${id}`) })]);
    dataOf(await api.gql(RPT.advance, { input: { reportId: report.id, action: 'HIDE', reason: '含他人面部' } }, staff));
    expect((await photo(id)).status).toBe(404);
    expect((await photo(id, { 'x-report-token': report.token })).status).toBe(200);
  });
});
