/**
 * What choosing a template does to a message step's data (issue 14 §1a), kept apart from React
 * so that it is tested alone. A template's content replaces the step's content fields; the
 * step's own settings (mode, sender, cc...) stay. Copying leaves no link; linking keeps the
 * content too (the file stays whole) and names the template, whose content the server puts in
 * at each publish.
 */

export type TemplateChannel = 'email' | 'sms' | 'kakao';

/** A template of the workspace's library, or a starter that ships with Nudge. */
export interface LibraryTemplate {
  /** A workspace template's id; absent for a starter, which can only be copied. */
  id?: string;
  /** A starter's key. */
  key?: string;
  channel: TemplateChannel;
  name: string;
  tags: string[];
  content: Record<string, unknown>;
}

export interface TemplateLink {
  id: string;
  name?: string;
}

/** The content fields a template holds, by channel (the server's CONTENT_FIELDS). */
export const CONTENT_FIELDS: Record<TemplateChannel, readonly string[]> = {
  email: ['subject', 'body', 'format'],
  sms: ['body'],
  kakao: ['templateCode', 'body', 'buttons', 'fallbackSms'],
};

/** The step's link, when it has a well-formed one. */
export function linkOf(data: unknown): TemplateLink | null {
  const link = (data as { template?: unknown } | null)?.template;
  if (typeof link !== 'object' || link === null) return null;
  const { id, name } = link as { id?: unknown; name?: unknown };
  if (typeof id !== 'string' || id === '') return null;
  return typeof name === 'string' && name !== '' ? { id, name } : { id };
}

/** `{ template }` when `value` is a link: for the forms' readers, which drop what they don't know. */
export function readTemplateLink(value: unknown): { template?: TemplateLink } {
  const link = linkOf({ template: value });
  return link ? { template: link } : {};
}

/** The step with the template's content, its own settings kept; linked or not. */
export function applyTemplate<T extends object>(
  data: T,
  template: LibraryTemplate,
  how: 'copy' | 'link',
): T {
  const fields = CONTENT_FIELDS[template.channel];
  const kept = Object.fromEntries(
    Object.entries(data).filter(([key]) => !fields.includes(key) && key !== 'template'),
  );
  const content = Object.fromEntries(
    Object.entries(template.content).filter(([key]) => fields.includes(key)),
  );
  const link =
    how === 'link' && template.id !== undefined
      ? { template: { id: template.id, name: template.name } }
      : {};
  return { ...kept, ...structuredClone(content), ...link } as T;
}

/** The step without its link: its content stays, as the author's own to edit. */
export function unlink<T extends object>(data: T): T {
  const { template: _, ...rest } = data as T & { template?: unknown };
  return rest as T;
}

/** The step's content as a template holds it: the channel's content fields it has. */
export function contentOf(channel: TemplateChannel, data: object): Record<string, unknown> {
  const fields = CONTENT_FIELDS[channel];
  return Object.fromEntries(
    Object.entries(data).filter(([key, value]) => fields.includes(key) && value !== undefined),
  );
}
