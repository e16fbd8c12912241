import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from './precompress.ts';

// The server serves dist/ at `/` (the API lives under `/api`), so assets are absolute from `/`.
export default defineConfig(({ command }) => {
  // A build is always a production build. A NODE_ENV inherited from a test runner (vitest
  // sets "test") would otherwise ship React's development build and JSX with source paths.
  if (command === 'build') process.env.NODE_ENV = 'production';
  return {
    base: '/',
    plugins: [react(), precompress()],
    build: {
      outDir: 'dist',
      emptyOutDir: true,
      chunkSizeWarningLimit: 1500,
      rolldownOptions: {
        output: { codeSplitting: { groups: VENDOR_CHUNKS } },
        // Brotli at its best level (precompress.ts) takes most of a build's time, as it should:
        // no warning about it on every build.
        checks: { bundlerTimings: false },
      },
    },
  };
});

/**
 * The libraries change far less often than the editor: in chunks of their own, their names
 * (hashes of their content) stay the same across new builds of the editor, and browsers keep
 * them cached: React, React Flow with what it draws with, and the other libraries of the first
 * load (i18next, zustand, the validator's). Only what the first load needs is grouped here
 * ($initial); what is loaded on demand (the outbox, the step forms and their editors, such as
 * CodeMirror) stays in the chunks that load it.
 */
const VENDOR_CHUNKS = [
  {
    name: 'react',
    test: /[\\/]node_modules[\\/](?:react|react-dom|scheduler)[\\/]/,
    tags: ['$initial' as const],
    priority: 2,
  },
  {
    name: 'react-flow',
    test: /[\\/]node_modules[\\/](?:@xyflow[\\/][^\\/]+|d3-[^\\/]+|classcat)[\\/]/,
    tags: ['$initial' as const],
    priority: 1,
  },
  {
    name: 'vendor',
    test: /[\\/]node_modules[\\/]/,
    tags: ['$initial' as const],
    priority: 0,
  },
];
