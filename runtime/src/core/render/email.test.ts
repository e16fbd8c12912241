import type { NodeData } from '@nudge/schema';
import { describe, expect, it } from 'vitest';
import { contextOf, KIM, SENDER } from './context.test-support.ts';
import { renderEmail } from './email.ts';
import { RenderError } from './errors.ts';

const email = (data: Partial<NodeData<'email'>>): NodeData<'email'> => ({
  subject: '{{고객명}}님, 제안드립니다',
  body: '<p>{{고객명}}님, 안녕하세요.</p>',
  format: 'html',
  mode: 'auto',
  ...data,
});
const context = contextOf();
const thread = { subject: '김민준님, 제안드립니다', nodes: ['welcome'] };

describe('renderEmail', () => {
  it('renders subject and HTML body, and derives the plain text', () => {
    const { value, warnings } = renderEmail(
      email({
        body: '<p>{{고객명}}님, 안녕하세요.<br>{{ 담당자명 }} 드림</p><p><a href="https://nudge.test/demo?c={{ contact.id }}">데모 보기</a></p>',
      }),
      context,
      null,
    );
    expect(value).toEqual({
      subject: '김민준님, 제안드립니다',
      html: '<p>김민준님, 안녕하세요.<br>이서연 드림</p><p><a href="https://nudge.test/demo?c=c1">데모 보기</a></p>',
      text: '김민준님, 안녕하세요.\n이서연 드림\n\n데모 보기 [https://nudge.test/demo?c=c1]',
      from: SENDER,
      replyTo: 'reply@nudge.test',
      cc: [],
      bcc: [],
    });
    expect(warnings).toEqual([]);
  });

  it('inlines the CSS of a <style> block into the HTML body, as mail clients need', () => {
    const { value } = renderEmail(
      email({ body: '<style>p { color: #333 }</style><p>{{고객명}}님, 안녕하세요.</p>' }),
      context,
      null,
    );
    expect(value.html).toBe('<p style="color: #333;">김민준님, 안녕하세요.</p>');
    expect(value.text).toBe('김민준님, 안녕하세요.');
  });

  it('sends a text body as rendered, with no HTML', () => {
    const { value } = renderEmail(
      email({ format: 'text', body: 'Hi {{ contact.name }},\n<b>not bold</b>' }),
      context,
      null,
    );
    expect(value.text).toBe('Hi 김민준,\n<b>not bold</b>');
    expect('html' in value).toBe(false);
  });

  it('escapes contact data in the HTML body only', () => {
    const evil = contextOf({ ...KIM, name: '<script>alert(1)</script>' });
    const html = renderEmail(
      email({ subject: '{{고객명}}', body: '<p>{{고객명}}</p>' }),
      evil,
      null,
    );
    expect(html.value.subject).toBe('<script>alert(1)</script>');
    expect(html.value.html).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>');
    expect(html.value.text).toBe('<script>alert(1)</script>');
    const text = renderEmail(email({ format: 'text', body: '{{고객명}}' }), evil, null);
    expect(text.value.text).toBe('<script>alert(1)</script>');
  });

  it('neutralises header injection in the subject', () => {
    const evil = contextOf({ ...KIM, name: 'a\r\nBcc: x@y' });
    const { value } = renderEmail(email({ subject: '{{ contact.name }}\n님께' }), evil, null);
    expect(value.subject).toBe('a Bcc: x@y 님께');
    expect(value.subject).not.toMatch(/[\r\n]/);
    expect(value.bcc).toEqual([]);
  });

  it('replies in the thread when it has no subject', () => {
    for (const subject of [undefined, '', '  \n ']) {
      const { value } = renderEmail(email({ subject }), context, thread);
      expect(value.subject).toBe('Re: 김민준님, 제안드립니다');
    }
  });

  it('keeps a subject that starts with Re: as rendered', () => {
    const { value } = renderEmail(email({ subject: 'Re: {{고객명}}님 문의' }), context, thread);
    expect(value.subject).toBe('Re: 김민준님 문의');
  });

  it('fails on the subject when a reply has no thread', () => {
    expect(() => renderEmail(email({ subject: undefined }), context, null)).toThrow(
      expect.objectContaining({
        name: 'RenderError',
        field: 'subject',
        message: expect.stringContaining('no subject'),
      }),
    );
  });

  it('warns for each missing variable, per field', () => {
    const bare = contextOf({ email: 'a@b.example' });
    const { value, warnings } = renderEmail(
      email({ subject: '{{고객명}}님께', body: '<p>{{ 회사명 }} {{ 고객명 }}</p>' }),
      bare,
      null,
    );
    expect(value.subject).toBe('님께');
    expect(warnings).toEqual([
      'subject: {{ 고객명 }} has no value, so it rendered empty',
      'body: {{ 회사명 }} has no value, so it rendered empty',
      'body: {{ 고객명 }} has no value, so it rendered empty',
    ]);
  });

  it('warns when the subject renders empty', () => {
    const { warnings } = renderEmail(
      email({ subject: '{{ contact.attributes.none | default: "" }}' }),
      context,
      null,
    );
    expect(warnings).toEqual(['subject: rendered empty']);
  });

  it('takes from, reply-to, cc and bcc from the step, else from the sender', () => {
    const step = renderEmail(
      email({
        from: { name: '이서연', email: 'seoyeon@nudge.test' },
        replyTo: 'sales@nudge.test',
        cc: ['cc@nudge.test'],
        bcc: ['bcc@nudge.test'],
      }),
      context,
      null,
    ).value;
    expect(step).toMatchObject({
      from: { name: '이서연', email: 'seoyeon@nudge.test' },
      replyTo: 'sales@nudge.test',
      cc: ['cc@nudge.test'],
      bcc: ['bcc@nudge.test'],
    });
    const none = renderEmail(email({}), contextOf(KIM, { sender: null }), null).value;
    expect(none.from).toBeNull();
    expect('replyTo' in none).toBe(false);
  });

  it('names the field that failed', () => {
    expect(() =>
      renderEmail(email({ body: '{% for i in (1..100000000) %}x{% endfor %}' }), context, null),
    ).toThrow(expect.objectContaining({ field: 'body' }));
    expect(() => renderEmail(email({ subject: '{{ x | nope }}' }), context, null)).toThrow(
      expect.objectContaining({ field: 'subject' }),
    );
    const tags = `{% for i in (1..30000) %}<b>{% endfor %}`;
    expect(() => renderEmail(email({ body: tags }), context, null)).toThrow(RenderError);
  });
});
