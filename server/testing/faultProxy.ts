import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type Fault = 'pass' | 'drop_request' | 'drop_response' | 'delay' | 'duplicate' | 'reset';

export interface FaultProxy {
  url: string;
  /** What happened to each request, in order (for the failure report). */
  log: Fault[];
  setTarget(url: string): void;
  setEnabled(on: boolean): void;
  close(): Promise<void>;
}

interface Upstream {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

function forward(target: string, req: http.IncomingMessage, body: Buffer): Promise<Upstream> {
  return new Promise((resolve, reject) => {
    const url = new URL(req.url ?? '/', target);
    const out = http.request(
      url,
      { method: req.method, headers: { ...req.headers, host: url.host, 'content-length': String(body.length) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 502, headers: res.headers, body: Buffer.concat(chunks) }),
        );
        res.on('error', reject);
      },
    );
    out.on('error', reject);
    out.end(body);
  });
}

/**
 * An HTTP proxy on 127.0.0.1 that, per request, passes it, drops it before head office sees
 * it, drops the answer after head office committed, delays it, sends it twice, or resets the
 * connection — chosen by `pick`, a seeded function, so a run can be replayed.
 */
export async function startFaultProxy(target: string, pick: () => Fault, delayMs: () => number): Promise<FaultProxy> {
  let upstream = target;
  let enabled = true;
  const log: Fault[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const fault: Fault = enabled ? pick() : 'pass';
      log.push(fault);
      const body = Buffer.concat(chunks);
      const reply = (u: Upstream) => {
        res.writeHead(u.status, { 'content-type': String(u.headers['content-type'] ?? 'application/json') });
        res.end(u.body);
      };
      const fail = () => {
        if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
        res.end('bad gateway');
      };
      switch (fault) {
        case 'drop_request':
          req.socket.destroy();
          return;
        case 'reset':
          req.socket.resetAndDestroy();
          return;
        case 'drop_response':
          forward(upstream, req, body).then(
            () => req.socket.destroy(),
            () => req.socket.destroy(),
          );
          return;
        case 'delay':
          setTimeout(() => forward(upstream, req, body).then(reply, fail), delayMs());
          return;
        case 'duplicate':
          forward(upstream, req, body)
            .then(() => forward(upstream, req, body))
            .then(reply, fail);
          return;
        case 'pass':
          forward(upstream, req, body).then(reply, fail);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    log,
    setTarget: (url) => void (upstream = url),
    setEnabled: (on) => void (enabled = on),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
