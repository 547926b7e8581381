import http from 'node:http';
import net from 'node:net';
import { createTestApp, type TestApp } from '../helpers/test-app';

const CAP = 20;
let api: TestApp;
beforeAll(async () => {
  api = await createTestApp({ env: { MAX_CONNECTIONS_PER_ADDRESS: String(CAP) } });
});
afterAll(() => api.stop());

/** An idle connection; its `closed` turns true once the server closes it. */
function connect(port: number): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.on('error', () => undefined);
    socket.once('connect', () => resolve(socket));
    socket.once('error', reject);
  });
}

/** A GET from a given local address (any 127.x address reaches the loopback listener). */
function healthFrom(localAddress: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: '/healthz', localAddress, agent: false }, (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      })
      .on('error', reject);
  });
}

describe('a client address holding many idle connections', () => {
  it('should have the connections beyond the cap closed, while other clients are still served', async () => {
    const port = Number(new URL(api.url).port);
    const sockets = [];
    for (let index = 0; index < CAP + 5; index += 1) sockets.push(await connect(port));
    for (let wait = 0; wait < 40 && sockets.filter((socket) => socket.closed).length < 5; wait += 1) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(sockets.map((socket) => socket.closed)).toEqual([...Array(CAP).fill(false), ...Array(5).fill(true)]);
    expect(await healthFrom('127.0.0.2', port)).toBe(200);

    // Once the address lets go of its connections it is served again.
    sockets.forEach((socket) => socket.destroy());
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await healthFrom('127.0.0.1', port)).toBe(200);
  });
});
