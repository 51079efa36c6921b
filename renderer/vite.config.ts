import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Root is renderer/; the build lands in dist/renderer, loaded by Electron from file:// and by
// the browser host over HTTP, hence relative asset paths (base './').
// React's production build and JSX runtime whatever NODE_ENV the shell or a test runner set: under
// Vitest's NODE_ENV=test the till was a development build, which runs every effect twice (StrictMode).
process.env.NODE_ENV = 'production';

export default defineConfig({
  root: import.meta.dirname,
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'es2022',
    // bwip-js is large by nature; one chunk for the till is fine on a local disk.
    chunkSizeWarningLimit: 2000,
  },
});
