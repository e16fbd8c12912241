import { type Contact, checkContact } from '@nudge/schema';

/** What the search answered: contacts the API keeps, checked again as a contact. */
export interface FoundContacts {
  contacts: Contact[];
  next: string | null;
}

export class SearchFailure extends Error {
  readonly status: number | null;

  constructor(message: string, status: number | null) {
    super(message);
    this.status = status;
  }
}

/**
 * `GET /api/contacts?q=` of the server this page came from (or `base`), with the token the
 * editor keeps. A contact the answer holds that is not a valid contact is left out rather than
 * shown half-read.
 */
export async function searchContacts(
  token: string,
  query: string,
  { signal, base = '', limit = 20 }: { signal?: AbortSignal; base?: string; limit?: number } = {},
): Promise<FoundContacts> {
  const params = new URLSearchParams({ limit: String(limit) });
  if (query.trim() !== '') params.set('q', query.trim());
  let res: Response;
  try {
    res = await fetch(`${base}/api/contacts?${params}`, {
      headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
      ...(signal ? { signal } : {}),
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new SearchFailure((error as Error).message || String(error), null);
  }
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const message =
      typeof body === 'object' && body !== null && 'error' in body
        ? String((body as { error: { message?: unknown } }).error?.message ?? res.statusText)
        : res.statusText;
    throw new SearchFailure(message, res.status);
  }
  const list =
    typeof body === 'object' && body !== null && Array.isArray((body as FoundContacts).contacts)
      ? (body as FoundContacts).contacts
      : [];
  const contacts: Contact[] = [];
  for (const item of list) {
    const checked = checkContact(item);
    if (checked.ok) contacts.push(checked.contact);
  }
  const next = (body as { next?: unknown } | null)?.next;
  return { contacts, next: typeof next === 'string' ? next : null };
}
