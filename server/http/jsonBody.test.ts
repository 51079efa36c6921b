import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonBodies } from './jsonBody';

/** A route that answers with what the parser produced, and whether any object in it has an odd prototype. */
function echo(app: FastifyInstance): FastifyInstance {
  const plain = (v: unknown): boolean =>
    v === null ||
    typeof v !== 'object' ||
    ((Object.getPrototypeOf(v) === Object.prototype || Array.isArray(v)) && Object.values(v).every(plain));
  app.post('/echo', async (request) => ({ body: request.body ?? null, plain: plain(request.body) }));
  return app;
}

// Fastify's own parser with the settings head office had before (prototype and constructor poisoning: 'error').
const fastifyDefault = echo(Fastify({ onProtoPoisoning: 'error', onConstructorPoisoning: 'error' }));
const ours = echo(Fastify());
jsonBodies(ours);

const answer = async (app: FastifyInstance, payload: string) => {
  const res = await app.inject({
    method: 'POST',
    url: '/echo',
    headers: { 'content-type': 'application/json' },
    payload,
  });
  return { status: res.statusCode, body: res.body };
};

describe('jsonBodies: JSON request bodies without the regex scan when they cannot spell a dangerous key', () => {
  afterAll(async () => Promise.all([fastifyDefault.close(), ours.close()]));

  it('refuses prototype and constructor poisoning, plain or escaped, exactly as Fastify does', async () => {
    for (const text of [
      '{"__proto__":{"x":1}}',
      '{"a":[{"\\u005f_proto__":1}]}',
      '{"constructor":{"prototype":{"x":1}}}',
      '{"c\\u006fnstructor":{"prototype":{}}}',
    ]) {
      const mine = await answer(ours, text);
      expect(mine.status).toBe(400);
      expect(mine).toEqual(await answer(fastifyDefault, text));
    }
  });

  it("answers any body, JSON or not, exactly as Fastify's own parser does", async () => {
    const key = fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', 'prototype', '\\u005f_proto__'));
    const bodies = fc.oneof(
      fc.json(),
      fc.string(),
      fc.dictionary(key, fc.jsonValue()).map((o) => JSON.stringify(o)),
      fc
        .tuple(fc.json(), fc.constantFrom('"__proto__":', '\\u0063', 'constructor', '{', ''))
        .map(([j, extra]) => j + extra),
    );
    await fc.assert(
      fc.asyncProperty(bodies, async (text) => {
        expect(await answer(ours, text)).toEqual(await answer(fastifyDefault, text));
      }),
      { numRuns: 400 },
    );
  });

  it('parses an ordinary push body to plain objects', async () => {
    const res = await answer(ours, JSON.stringify({ records: [{ seq: 1, payload: '{"name":"茶 ☕"}' }] }));
    expect(JSON.parse(res.body)).toEqual({ body: { records: [{ seq: 1, payload: '{"name":"茶 ☕"}' }] }, plain: true });
  });
});
