import { startWorker } from '@nudge/runtime/worker';
import { captureMessaging, captureTransport, smtpTransport } from '@nudge/runtime/worker/delivery';
import type { Sql } from './db/types.ts';
import type { StartWorker, WorkerSettings } from './nudge.ts';

export interface NudgeWorkerOptions {
  /** Jobs run at once in this process; default WORKER_DEFAULTS.concurrency (40). */
  concurrency?: number;
}

/**
 * The worker: Graphile Worker in this process, mail (DKIM-signed when configured) to SMTP_URL
 * or, without it, captured into the database (the local outbox), SMS and AlimTalk captured
 * until a provider is configured. `nudge worker` runs it (and `pnpm start` runs `nudge worker`
 * in a child process, worker-process.ts); NUDGE_WORKER=inline runs it in the server's process.
 */
export async function startNudgeWorker(
  sql: Sql,
  settings: WorkerSettings,
  options: NudgeWorkerOptions = {},
): ReturnType<StartWorker> {
  // Captured mail is signed too: the outbox shows what SMTP would carry.
  const signing = settings.dkim ? { dkim: settings.dkim } : {};
  const email = settings.smtpUrl
    ? smtpTransport(settings.smtpUrl, signing)
    : captureTransport(signing);
  const worker = await startWorker({
    connectionString: settings.databaseUrl,
    sql,
    ...(options.concurrency ? { concurrency: options.concurrency } : {}),
    services: {
      email,
      messaging: captureMessaging(),
      publicUrl: settings.publicUrl,
      secrets: settings.secret,
      onCaptured: async (tx, message, raw) => {
        await tx`
          insert into captured_mail (message_id, workspace_id, raw)
          select id, workspace_id, ${raw} from messages where id = ${message}
          on conflict (message_id) do nothing`;
      },
    },
  });
  return {
    stop: async () => {
      await worker.stop();
      await email.close();
    },
  };
}
