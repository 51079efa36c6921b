import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Head office's page: root server/web, built to dist/headoffice, served by server/routes/page.ts
// under /office/ (relative asset paths, so the prefix can change without a rebuild).
export default defineConfig({
  root: import.meta.dirname,
  base: './',
  plugins: [react()],
  build: {
    outDir: '../../dist/headoffice',
    emptyOutDir: true,
    target: 'es2022',
  },
});
