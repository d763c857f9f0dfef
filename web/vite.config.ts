import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const backend = process.env.SANTONG_API ?? 'http://127.0.0.1:3000';

/**
 * Vendor groups: react (+router) in one chunk, echarts (+zrender) in one chunk that only chart pages load.
 * antd is left to automatic splitting so each route loads only the components it uses.
 */
const vendorGroups = [
  { name: 'echarts', test: /node_modules[\\/](echarts|zrender|tslib)[\\/]/, priority: 30 },
  { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router|react-router-dom|cookie|set-cookie-parser)[\\/]/, priority: 20 },
];

export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: {
      '/api': { target: backend, changeOrigin: false },
      '/healthz': { target: backend },
      '/metrics': { target: backend },
    },
  },
  preview: {
    proxy: {
      '/api': { target: backend },
      '/healthz': { target: backend },
      '/metrics': { target: backend },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    manifest: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        codeSplitting: { groups: vendorGroups },
      },
    },
  },
});
