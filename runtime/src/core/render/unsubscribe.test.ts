import type { NodeData } from '@nudge/schema';
import { describe, expect, it } from 'vitest';
import { contextOf } from './context.test-support.ts';
import { renderEmail } from './email.ts';
import { UNSUBSCRIBE_MARKER, withHtmlFooter, withTextFooter } from './unsubscribe.ts';

const email = (data: Partial<NodeData<'email'>>): NodeData<'email'> => ({
  subject: '(광고) 봄 세일',
  body: '<p>안녕하세요.</p>',
  format: 'html',
  mode: 'auto',
  ...data,
});
const plain = contextOf();
const footered = { ...contextOf(), unsubscribeFooter: true };
const FOOTER_LINK = `<a href="${UNSUBSCRIBE_MARKER}">수신거부 · Unsubscribe</a></p>`;

describe('{{ unsubscribe_url }}', () => {
  it('renders to the marker in an HTML attribute, escaped text and a text body, unchanged', () => {
    const html = renderEmail(
      email({ body: '<a href="{{ unsubscribe_url }}">그만 받기</a> {{ unsubscribe_url }}' }),
      plain,
      null,
    ).value;
    expect(html.html).toBe(`<a href="${UNSUBSCRIBE_MARKER}">그만 받기</a> ${UNSUBSCRIBE_MARKER}`);
    expect(html.text).toContain(`그만 받기 [${UNSUBSCRIBE_MARKER}]`);
    const text = renderEmail(
      email({ format: 'text', body: '그만 받기: {{unsubscribe_url}}' }),
      plain,
      null,
    ).value;
    expect(text).toMatchObject({ text: `그만 받기: ${UNSUBSCRIBE_MARKER}` });
    expect(text.html).toBeUndefined();
  });

  it('is a root no alias can shadow, and never renders empty', () => {
    const { value, warnings } = renderEmail(
      email({ subject: '(광고) {{ unsubscribe_url }}' }),
      { ...plain, variables: { ...plain.variables, unsubscribe_url: 'contact.name' } },
      null,
    );
    expect(value.subject).toBe(`(광고) ${UNSUBSCRIBE_MARKER}`);
    expect(warnings).toEqual([]);
  });
});

describe('the unsubscribe footer', () => {
  it('is not added unless settings.unsubscribeFooter is on', () => {
    const { value } = renderEmail(email({}), plain, null);
    expect(value.html).toBe('<p>안녕하세요.</p>');
    expect(value.text).not.toContain(UNSUBSCRIBE_MARKER);
  });

  it('goes before </body>, and into the text part with its link', () => {
    const { value } = renderEmail(
      email({ body: '<html><body><p>안녕하세요.</p></body></html>' }),
      footered,
      null,
    );
    expect(value.html).toMatch(
      new RegExp(
        `^<html><body><p>안녕하세요.</p><p style="[^"]+">더 이상 받지 않으려면 ${literal(FOOTER_LINK)}</body></html>$`,
      ),
    );
    expect(value.text).toBe(
      `안녕하세요.\n\n더 이상 받지 않으려면 수신거부 · Unsubscribe [${UNSUBSCRIBE_MARKER}]`,
    );
  });

  it('goes at the end of HTML without </body>, and of a text body', () => {
    expect(renderEmail(email({}), footered, null).value.html).toMatch(
      new RegExp(
        `^<p>안녕하세요.</p><p style="[^"]+">더 이상 받지 않으려면 ${literal(FOOTER_LINK)}$`,
      ),
    );
    const text = renderEmail(email({ format: 'text', body: '안녕하세요.\n\n' }), footered, null);
    expect(text.value.text).toBe(
      `안녕하세요.\n\n더 이상 받지 않으려면 수신거부 · Unsubscribe: ${UNSUBSCRIBE_MARKER}\n`,
    );
  });

  it('is added outside the template, so a body can not break it', () => {
    expect(withHtmlFooter('<p>{{ x }}</BODY >')).toMatch(/<\/a><\/p><\/BODY >$/);
    expect(withTextFooter('')).toBe(
      `\n\n더 이상 받지 않으려면 수신거부 · Unsubscribe: ${UNSUBSCRIBE_MARKER}\n`,
    );
  });
});

function literal(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
