/** `pnpm nudge <command>`: the Nudge command line (FORMAT.md section 7). */
import { processIo } from './io.ts';
import { run } from './run.ts';

const io = processIo();
const status = await run(process.argv.slice(2), io);
// Output lost to anything but a closed pipe (see processIo) makes the run a failure.
process.exitCode = io.outputFailed() ? Math.max(status, 2) : status;
