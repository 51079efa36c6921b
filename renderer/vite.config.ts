import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Root is renderer/; the build lands in dist/renderer, loaded by Electron from file:// and by
// the browser host over HTTP, hence relative asset paths (base './').
export default defineConfig({
  root: import.meta.dirname,
  base: './',
  plugins: [react()],
  // shared/csv.ts (the member export) writes through csv-stringify's Node build (it uses Buffer): the
  // browser build here, or the till's page stops at "Buffer is not defined".
  resolve: { alias: [{ find: /^csv-stringify\/sync$/, replacement: 'csv-stringify/browser/esm/sync' }] },
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'es2022',
    // bwip-js is large by nature; one chunk for the till is fine on a local disk.
    chunkSizeWarningLimit: 2000,
  },
});
