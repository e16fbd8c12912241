/** `pnpm nudge <command>`: the Nudge command line (FORMAT.md section 7). */
import { processIo } from './io.ts';
import { run } from './run.ts';

process.exitCode = await run(process.argv.slice(2), processIo());
