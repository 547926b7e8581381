import type { Server } from 'node:http';
import type { Logger } from 'pino';

/**
 * At most `limit` open connections per client address: beyond it a new connection is closed
 * at once, so one client holding thousands of idle sockets cannot use up the process's file
 * descriptors for everyone else. The address is the socket's peer: behind a load balancer
 * that is the balancer, so raise the limit there (or set 0 to turn the cap off).
 */
export function capConnectionsPerAddress(server: Server, limit: number, logger: Logger): void {
  if (limit <= 0) return;
  const open = new Map<string, number>();
  const lastWarned = new Map<string, number>();
  server.on('connection', (socket) => {
    const address = socket.remoteAddress ?? 'unknown';
    const count = open.get(address) ?? 0;
    if (count >= limit) {
      socket.destroy();
      // One line a minute per address, not one per refused socket.
      if (Date.now() - (lastWarned.get(address) ?? 0) > 60_000) {
        lastWarned.set(address, Date.now());
        logger.warn({ address, limit }, 'connection refused: this address already holds the most connections allowed');
      }
      return;
    }
    open.set(address, count + 1);
    socket.once('close', () => {
      const left = (open.get(address) ?? 1) - 1;
      if (left > 0) open.set(address, left);
      else open.delete(address);
    });
  });
}
