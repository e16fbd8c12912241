import postgres from 'postgres';
import { startEmbeddedPostgres } from './embedded.ts';

// Run in a child process by crash.test-support.ts: starts PostgreSQL in the data dir given as
// argument, writes a row, says `ready`, then waits to be killed (or, given `exit`, exits
// without stopping PostgreSQL).
const [dataDir, then] = process.argv.slice(2);
if (!dataDir) throw new Error('usage: embedded-child.test-support.ts DATA_DIR [exit]');
const server = await startEmbeddedPostgres({ dataDir });
const sql = postgres(server.url, { max: 1, onnotice: () => {} });
await sql`create table if not exists notes (text text not null)`;
await sql`insert into notes values ('written before the crash')`;
await sql.end();
process.stdout.write(`ready ${server.url}\n`);
if (then === 'exit') process.exit(0);
setInterval(() => {}, 60_000);
