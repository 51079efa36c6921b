import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Head office's page: root server/web, built to dist/headoffice, served by server/routes/page.ts
// under /office/ (relative asset paths, so the prefix can change without a rebuild).
// React's production build and JSX runtime whatever NODE_ENV the shell or a test runner set (as the till's).
process.env.NODE_ENV = 'production';

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
