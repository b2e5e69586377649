import { resolve } from 'node:path';
import { defineConfig } from 'vite';

// Two pages, each its own entry, so the finder never loads the dashboard's ECharts. The output goes into the jar's
// classes under kepu-web/, where the gateway's WebPages serves it from (with a .gz beside each file, scripts/compress.mjs).
export default defineConfig({
  base: '/',
  build: {
    outDir: 'target/classes/kepu-web',
    emptyOutDir: true,
    target: 'es2020',
    // No inline scripts or data: URLs for the strict Content-Security-Policy the gateway sends.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    // The dashboard carries ECharts (about 210 KB gzipped); the finder stays far below its 300 KB budget.
    chunkSizeWarningLimit: 700,
    rollupOptions: {
      input: { index: resolve(import.meta.dirname, 'index.html'), dashboard: resolve(import.meta.dirname, 'dashboard.html') },
    },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
});
