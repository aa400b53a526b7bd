import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The web client is built into dist/web, which the Fastify server serves with a single-page fallback.
// In development `npm run dev:web` proxies the API to a server started with `npx chung-tay start` on port 3100.
const webRoot = fileURLToPath(new URL('.', import.meta.url));
const apiTarget = 'http://127.0.0.1:3100';

/** The large libraries get their own long-cached chunks, so a change in our pages does not re-download them. */
const vendorChunks = [
  { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/u, priority: 40 },
  { name: 'antd-icons', test: /node_modules[\\/]@ant-design[\\/]icons/u, priority: 30 },
  // ECharts only in the chunk the chart pages load on demand, not in the vendor chunk every page downloads.
  { name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/u, priority: 25 },
  { name: 'zod', test: /node_modules[\\/]zod[\\/]/u, priority: 20 },
  { name: 'antd', test: /node_modules[\\/]/u, priority: 10 },
];

export default defineConfig({
  root: webRoot,
  plugins: [react()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        codeSplitting: { groups: vendorChunks },
      },
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
      '/docs': { target: apiTarget, changeOrigin: false },
      '/health': { target: apiTarget, changeOrigin: false },
    },
  },
});
