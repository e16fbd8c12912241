import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The server serves dist/ at `/` (the API lives under `/api`), so assets are absolute from `/`.
export default defineConfig(({ command }) => {
  // A build is always a production build. A NODE_ENV inherited from a test runner (vitest
  // sets "test") would otherwise ship React's development build and JSX with source paths.
  if (command === 'build') process.env.NODE_ENV = 'production';
  return {
    base: '/',
    plugins: [react()],
    build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  };
});
