import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// `pnpm --filter @faultline/web dev` serves the app with hot reload and sends the API to a
// running Faultline (`pnpm start`), so both services stay real.
const api = process.env.FAULTLINE_URL ?? 'http://localhost:8080';

export default defineConfig({
  plugins: [react()],
  server: { proxy: { '/api': api, '/docs': api } },
  build: { outDir: 'dist', sourcemap: true },
});
