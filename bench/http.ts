import http from 'node:http';

/** Node's default limit for a response head (16 KB): fetch and node:http clients refuse a larger one. */
export const NODE_DEFAULT_MAX_HEADER_BYTES = 16 * 1024;

export interface Answer {
  status: number;
  body: Buffer;
  /** Bytes of the status line and headers as sent: a large Surrogate-Key shows here. */
  headBytes: number;
}

/**
 * One request from the bench itself (not the load), with a 256 KB head limit: on 10× data a
 * List answer's Surrogate-Key alone can pass Node's 16 KB default, which must be reported
 * (headBytes), not turned into a failed run. autocannon's parser allows 80 KB.
 */
export function request(url: string, { method = 'GET', headers = {}, body }: { method?: string; headers?: Record<string, string>; body?: string }): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers, maxHeaderSize: 256 * 1024 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const statusLine = `HTTP/${res.httpVersion} ${res.statusCode} ${res.statusMessage}\r\n`.length;
        let headBytes = statusLine + 2;
        for (let at = 0; at < res.rawHeaders.length; at += 2) headBytes += Buffer.byteLength(res.rawHeaders[at]!) + Buffer.byteLength(res.rawHeaders[at + 1]!) + 4;
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks), headBytes });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}
