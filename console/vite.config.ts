/**
 * The web console's build: React + Ant Design, served by the API at /console (api/console.routes.ts).
 * `npm run console:build` (runtime/console-build.ts) builds it into console/dist; `npm start` builds it when it is
 * missing or older than its sources. `npx vite --config console/vite.config.ts` serves it with hot reload against the
 * API of a running `npm start` (127.0.0.1:3000).
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const api = process.env.HOTLINE_API_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/console/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Ant Design is one large library: its chunk is expected to be large (it is cached for a year: hashed names).
    chunkSizeWarningLimit: 2_500,
    sourcemap: false,
  },
  server: { proxy: { '/v1': api, '/docs': api } },
});
