import { UNSUBSCRIBE_MARKER } from '@nudge/runtime/core';
import type { Sequence } from '@nudge/schema';
import { describe, expect, it } from 'vitest';
import { SAMPLE_CONTACTS } from '../contacts/samples.ts';
import { emailLinks, withUnsubscribeLinks } from './links.ts';
import { previewStep } from './render-step.ts';

const kim = SAMPLE_CONTACTS.find((s) => s.key === 'kim-full')?.contact ?? {};
const BASE = 'https://nudge.test';

const sequence = (settings: Record<string, unknown>) =>
  ({
    version: 1,
    id: 'sale',
    name: '봄 세일',
    settings: { sender: { email: 'team@example.com' }, ...settings },
    nodes: [],
    edges: [],
  }) as unknown as Sequence;

const step = {
  type: 'email' as const,
  data: {
    subject: '(광고) 봄 세일',
    body: '<p><a href="https://example.com/sale">보기</a> <a href="{{ unsubscribe_url }}">그만 받기</a></p>',
    format: 'html',
  },
};

function previewed(settings: Record<string, unknown>) {
  const preview = previewStep(sequence(settings), step, kim);
  if (!('email' in preview)) throw new Error('not an email');
  return preview.email;
}

describe('the unsubscribe link in the preview', () => {
  it('lists {{ unsubscribe_url }} as the server’s /u/ link, never tracked', () => {
    expect(emailLinks(previewed({}).html ?? '', true, BASE)).toEqual([
      { url: 'https://example.com/sale', text: '보기', tracked: true },
      { url: `${BASE}/u/…`, text: '그만 받기', tracked: false },
    ]);
  });

  it('shows the footer when settings.unsubscribeFooter is on, in both parts', () => {
    expect(previewed({}).html).not.toContain('수신거부 · Unsubscribe');
    const email = withUnsubscribeLinks(previewed({ unsubscribeFooter: true }), BASE);
    expect(email.html).toContain(`<a href="${BASE}/u/…">수신거부 · Unsubscribe</a>`);
    expect(email.text).toContain(`더 이상 받지 않으려면 수신거부 · Unsubscribe [${BASE}/u/…]`);
    for (const part of [email.html, email.text]) expect(part).not.toContain(UNSUBSCRIBE_MARKER);
  });
});
