import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/** The dashboard bundle, served by the API server at /dashboard/ (src/server/dashboard.ts). */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/dashboard/',
  logLevel: 'warn',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // ECharts and cytoscape are large on their own; one bundle is fine for a local page.
    chunkSizeWarningLimit: 2_000,
  },
});
