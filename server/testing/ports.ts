import { createServer } from 'node:net';

/**
 * A loopback port free right now (opened on 127.0.0.1 and closed again): for a server to start on,
 * or for "nobody listens here".
 */
export async function freeLoopbackPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
