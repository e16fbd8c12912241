import type { Contact } from '@nudge/schema';

/** What the server answered a test send with. */
export interface TestSent {
  id: string;
  channel: 'email' | 'sms' | 'kakao';
  to: string;
  subject?: string;
  warnings: string[];
}

export class TestSendFailure extends Error {
  readonly status: number | null;
  readonly code: string | null;
  readonly retryAfter: number | null;

  constructor(
    message: string,
    status: number | null,
    code: string | null,
    retryAfter: number | null,
  ) {
    super(message);
    this.status = status;
    this.code = code;
    this.retryAfter = retryAfter;
  }
}

/**
 * POST /api/sequences/:id/test-send: the step of the draft saved on the server, rendered for
 * `contact`, sent to `to` through the server's real delivery and marked [TEST].
 */
export async function sendTest(
  token: string,
  sequenceId: string,
  request: { node: string; to: string; contact: Contact },
  base = '',
): Promise<TestSent> {
  let res: Response;
  try {
    res = await fetch(`${base}/api/sequences/${encodeURIComponent(sequenceId)}/test-send`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        accept: 'application/json',
        'content-type': 'application/json',
      },
      body: JSON.stringify(request),
    });
  } catch (error) {
    throw new TestSendFailure((error as Error).message || String(error), null, null, null);
  }
  const body: unknown = await res.json().catch(() => null);
  if (res.ok && typeof body === 'object' && body !== null) return body as TestSent;
  const error = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  const retry = Number(res.headers.get('retry-after'));
  throw new TestSendFailure(
    typeof error?.message === 'string' ? error.message : res.statusText,
    res.status,
    typeof error?.code === 'string' ? error.code : null,
    Number.isFinite(retry) && retry > 0 ? retry : null,
  );
}
