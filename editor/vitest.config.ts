import react from '@vitejs/plugin-react';
import { defineProject } from 'vitest/config';

// Component logic and pure modules, in happy-dom (jsdom 31 fails on Node 20).
export default defineProject({
  plugins: [react()],
  test: {
    name: 'editor',
    environment: 'happy-dom',
    include: ['src/**/*.test.{ts,tsx}'],
  },
});
