// Head office's schema and migrations: PostgreSQL (the terminal's SQLite lives in the top-level db/).
// drizzle-kit writes the migrations next to this config; they are committed and applied at start.
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './server/store/schema.ts',
  out: './server/db/migrations',
});
