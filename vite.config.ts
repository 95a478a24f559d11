// Builds the renderer into dist/renderer with relative asset paths, so the same build serves from
// Electron's app:// protocol and from the browser host.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: true,
    // One bundle loaded from disk or 127.0.0.1: size matters little for a desk app.
    chunkSizeWarningLimit: 2000,
  },
  worker: { format: 'es' },
});
