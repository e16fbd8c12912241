// The render thread's entry (render-thread.ts). Node 20 starts a worker thread without the
// TypeScript loader the process runs under (tsx: https://github.com/privatenumber/tsx/issues/354),
// so this plain module registers it in the thread, then loads the TypeScript. tsx is the
// workspace's, as for `pnpm start` itself.
import { register } from 'tsx/esm/api';

register();
await import('./render-thread-body.ts');
