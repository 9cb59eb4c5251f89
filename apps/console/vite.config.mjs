// The console's build: React through Vite's own (Oxc) JSX transform, served by review under
// /console/ from apps/console/dist (scripts/console-build.sh). No CDN: every module is bundled.
import { fileURLToPath } from 'node:url';

import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/console/',
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Cytoscape and ECharts are large by nature; they load only on the pages that draw with them.
    chunkSizeWarningLimit: 1200,
  },
});
