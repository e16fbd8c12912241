/**
 * A worker process for crash tests: `node --import tsx worker-child.test-support.ts DB_URL SMTP_URL`.
 * Prints "ready" once it takes jobs; the test SIGKILLs it at random moments.
 */
import { connect } from './db/index.ts';
import { captureMessaging, smtpTransport } from './delivery/index.ts';
import { startWorker } from './runner.ts';

const [url, smtpUrl] = process.argv.slice(2);
if (!url || !smtpUrl) throw new Error('usage: worker-child DB_URL SMTP_URL');
const sql = connect(url);
const worker = await startWorker({
  connectionString: url,
  sql,
  services: {
    email: smtpTransport(smtpUrl),
    messaging: captureMessaging(),
    publicUrl: 'https://nudge.example',
    secrets: 'crash-test',
  },
  pollInterval: 100,
  liveness: { beatEvery: 200, deadAfter: 1000 },
  log: () => {},
});
process.stdout.write('ready\n');
process.on('SIGTERM', () => {
  worker
    .stop()
    .then(() => sql.end())
    .then(() => process.exit(0));
});
