// The fuzzers' HTTP client: node:http over one kept-alive loopback connection. With 10,000+
// requests per boundary, fetch (twice as costly a request) was most of the HTTP fuzzing time.
import { Agent, request } from 'node:http';

export interface LoopbackRequest {
  method: string;
  /** Path and query, resolved against the origin and percent-encoded the way fetch sends them. */
  path: string;
  headers: Record<string, string>;
  body: string | null;
}

export interface LoopbackClient {
  send(req: LoopbackRequest): Promise<{ status: number; text: string }>;
  close(): void;
}

export function loopbackClient(origin: string): LoopbackClient {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  return {
    send: (req) => {
      // "/api/../api/x" reaches "/api/x", as it does through fetch.
      const url = new URL(req.path, origin);
      const body = req.body === null ? null : Buffer.from(req.body, 'utf8');
      const headers = body ? { ...req.headers, 'content-length': String(body.length) } : req.headers;
      return new Promise((resolve, reject) => {
        const sent = request(
          { host: url.hostname, port: url.port, path: url.pathname + url.search, method: req.method, headers, agent },
          (response) => {
            const chunks: Buffer[] = [];
            response.on('data', (chunk: Buffer) => chunks.push(chunk));
            response.on('error', reject);
            response.on('end', () =>
              resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
            );
          },
        );
        sent.on('error', reject);
        sent.end(body ?? undefined);
      });
    },
    close: () => agent.destroy(),
  };
}
