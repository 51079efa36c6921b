import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';

export const defaultPageDir = fileURLToPath(new URL('../../dist/headoffice', import.meta.url));

// The page is static; it reads the admin JSON endpoints with the admin token the user types.
// Its own policy is also in index.html; as a header it covers every served file.
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
  "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

/**
 * Head office's page at /office/ (built by `vite build --config server/web/vite.config.ts` into
 * dist/headoffice). GET / leads there. Without a build, /office/ says how to make one.
 */
export async function pageRoutes(app: FastifyInstance, options: { dir?: string } = {}): Promise<void> {
  const dir = options.dir ?? defaultPageDir;
  app.get('/', async (_request, reply) => reply.redirect('/office/'));
  if (!existsSync(dir)) {
    app.get('/office/', async (_request, reply) =>
      reply
        .status(503)
        .type('text/plain; charset=utf-8')
        .send('The head-office page is not built. Run: npx vite build --config server/web/vite.config.ts'),
    );
    return;
  }
  await app.register(async (scope) => {
    scope.addHook('onSend', async (_request, reply, payload) => {
      void reply
        .header('content-security-policy', CSP)
        .header('x-content-type-options', 'nosniff')
        .header('referrer-policy', 'no-referrer');
      return payload;
    });
    await scope.register(fastifyStatic, { root: dir, prefix: '/office/', index: ['index.html'] });
  });
}
