import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Served by the API at /app/ (same origin as /api), built into its wwwroot.
export default defineConfig({
  base: '/app/',
  plugins: [react()],
  build: {
    outDir: '../Api/wwwroot/app',
    emptyOutDir: true,
    // ECharts (group view) and exceljs (export) are chunks of their own, loaded only when used.
    chunkSizeWarningLimit: 1000,
  },
});
