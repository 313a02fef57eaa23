// Builds the therapist web app (src/web) into dist/web, which `cairn start` serves at / (src/http/routes/web-app).
// `npm run build` (scripts/build.mjs) runs this after the server build; `npx vite --config vite.config.ts` serves
// it for development with the API proxied to a running `cairn start` on port 3000.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'src/web',
  base: '/',
  plugins: [react()],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 600,
    rollupOptions: {
      // Two pages: the clinician app, and the client-link page served at /l (issue 7), which loads none of the app.
      input: {
        main: fileURLToPath(new URL('./src/web/index.html', import.meta.url)),
        link: fileURLToPath(new URL('./src/web/link.html', import.meta.url)),
      },
    },
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000', '/healthz': 'http://127.0.0.1:3000' },
  },
});
