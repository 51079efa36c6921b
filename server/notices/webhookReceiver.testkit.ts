import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SPEND_NOTICE_HEADERS, SpendNoticeBody, signedText } from '../../shared/admin/spendNotices';

/** What the receiver does with the next notice: take it, fail it, or hold it without answering. */
export type ReceiverMode = 'accept' | 'fail' | 'hang';

export interface Received {
  body: SpendNoticeBody;
  /** The signature matched the secret over the timestamp and the raw body. */
  signed: boolean;
  raw: string;
}

export interface WebhookReceiver {
  url: string;
  mode: ReceiverMode;
  /** Notices taken (answered 2xx). */
  accepted: Received[];
  /** Every request, whatever was answered. */
  hits: number;
  close(): Promise<void>;
}

function readAll(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    request.on('data', (chunk: Buffer) => parts.push(chunk));
    request.on('end', () => resolve(Buffer.concat(parts).toString('utf8')));
    request.on('error', reject);
  });
}

/** Checks a notice as a receiver would, with its own HMAC (not head office's code). */
function verify(secret: string, request: IncomingMessage, raw: string): boolean {
  const timestamp = request.headers[SPEND_NOTICE_HEADERS.timestamp];
  const given = request.headers[SPEND_NOTICE_HEADERS.signature];
  if (typeof timestamp !== 'string' || typeof given !== 'string') return false;
  const expected = createHmac('sha256', secret).update(signedText(timestamp, raw)).digest();
  const actual = Buffer.from(given, 'hex');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** A real webhook receiver on loopback, for the sender's tests. */
export async function startReceiver(secret: string, mode: ReceiverMode = 'accept'): Promise<WebhookReceiver> {
  const state = { mode, accepted: [] as Received[], hits: 0 };
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    void readAll(request).then((raw) => {
      state.hits += 1;
      if (receiver.mode === 'hang') return;
      if (receiver.mode === 'fail') return void response.writeHead(500).end('down');
      receiver.accepted.push({
        body: SpendNoticeBody.parse(JSON.parse(raw)),
        signed: verify(secret, request, raw),
        raw,
      });
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const receiver: WebhookReceiver = {
    url: `http://127.0.0.1:${port}/notices`,
    get mode() {
      return state.mode;
    },
    set mode(next: ReceiverMode) {
      state.mode = next;
    },
    accepted: state.accepted,
    get hits() {
      return state.hits;
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return receiver;
}
