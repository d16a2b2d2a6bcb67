import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Relative asset URLs, so the API can serve the build from any origin; `npm run dev -w @zwgk/web`
// proxies /api to a locally running API.
export default defineConfig({
  base: '/',
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
