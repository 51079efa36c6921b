import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';

export const defaultPageDir = fileURLToPath(new URL('../../dist/headoffice', import.meta.url));

// The page is static; it signs in and reads the admin JSON endpoints with its session cookie. Its security
// headers (CSP included) come from helmet on every answer (server/http/security.ts).

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
  await app.register(fastifyStatic, { root: dir, prefix: '/office/', index: ['index.html'] });
}
