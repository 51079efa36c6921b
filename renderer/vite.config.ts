import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Root is renderer/; the build lands in dist/renderer, loaded by Electron from file:// and by
// the browser host over HTTP, hence relative asset paths (base './').
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
