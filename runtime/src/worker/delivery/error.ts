/**
 * A failed hand-off to a provider. `permanent` means this message to this recipient will never go
 * through as it is (the worker marks it and the enrollment `failed`); otherwise the worker retries
 * with backoff.
 */
export class DeliveryError extends Error {
  override readonly name = 'DeliveryError';
  readonly permanent: boolean;
  /** A short machine-readable reason: nodemailer's code (`EENVELOPE`), a provider's error code. */
  readonly code: string | undefined;
  /** The SMTP reply code or HTTP status, when there was one. */
  readonly status: number | undefined;

  constructor(
    message: string,
    details: { permanent: boolean; code?: string; status?: number; cause?: unknown },
  ) {
    super(message, { cause: details.cause });
    this.permanent = details.permanent;
    this.code = details.code;
    this.status = details.status;
  }
}

/** The fields nodemailer sets on its errors (NodemailerError), read defensively. */
interface SmtpFailure {
  message?: unknown;
  code?: unknown;
  responseCode?: unknown;
  command?: unknown;
  response?: unknown;
}

/** Errors about the message itself that no retry can fix, though no server said so. */
const PERMANENT_CODES = new Set(['EENVELOPE', 'EMAXRECIPIENTS', 'EOTP']);
/** Errors about our own account or set-up: not the message's fault, so never permanent. */
const SETUP_CODES = new Set(['EAUTH', 'ENOAUTH', 'EOAUTH2', 'ETLS', 'ECONFIG', 'EREQUIRETLS']);

/**
 * Classifies an SMTP failure (RFC 5321 section 4.2.1): a 5yz reply is permanent, except 503 (the
 * session was in the wrong state) and authentication replies (535: our credentials, not the
 * recipient). 4yz replies, timeouts, refused or dropped connections are temporary.
 */
export function smtpDeliveryError(error: unknown): DeliveryError {
  if (error instanceof DeliveryError) return error;
  const failure: SmtpFailure = typeof error === 'object' && error !== null ? error : {};
  const code = typeof failure.code === 'string' ? failure.code : undefined;
  const status = typeof failure.responseCode === 'number' ? failure.responseCode : undefined;
  const message =
    typeof failure.response === 'string' && failure.response !== ''
      ? failure.response
      : typeof failure.message === 'string'
        ? failure.message
        : String(error);
  const setup = (code !== undefined && SETUP_CODES.has(code)) || failure.command === 'AUTH';
  const permanent =
    !setup &&
    (status !== undefined
      ? status >= 500 && status < 600 && status !== 503
      : code !== undefined && PERMANENT_CODES.has(code));
  return new DeliveryError(message, { permanent, code, status, cause: error });
}
