import { describe, expect, it } from 'vitest';
import {
  applyTemplate,
  contentOf,
  type LibraryTemplate,
  linkOf,
  readTemplateLink,
  unlink,
} from './apply.ts';

const welcome: LibraryTemplate = {
  id: '5b0c9a5e-8f7d-4a53-9a0e-2f1d1c7b9e11',
  channel: 'email',
  name: '환영 메일',
  tags: [],
  content: { subject: '반갑습니다', body: '<p>안녕하세요</p>', format: 'html' },
};
const step = {
  subject: 'old',
  body: 'old body',
  format: 'text' as const,
  mode: 'manual' as const,
  cc: ['boss@nudge.example'],
};

describe('applying a template to a step', () => {
  it('copies the content, keeps the step’s own settings, and leaves no link', () => {
    expect(applyTemplate(step, welcome, 'copy')).toEqual({
      subject: '반갑습니다',
      body: '<p>안녕하세요</p>',
      format: 'html',
      mode: 'manual',
      cc: ['boss@nudge.example'],
    });
  });

  it('links: the content and the template’s id and name', () => {
    const linked = applyTemplate(step, welcome, 'link');
    expect(linked).toMatchObject({ body: '<p>안녕하세요</p>', mode: 'manual' });
    expect(linkOf(linked)).toEqual({ id: welcome.id, name: '환영 메일' });
  });

  it('drops a subject the template has not (a reply in the thread), and an old link on copy', () => {
    const reply = { ...welcome, content: { body: '<p>re</p>', format: 'html' } };
    const linked = applyTemplate(step, welcome, 'link');
    const copied = applyTemplate(linked, reply, 'copy');
    expect(copied).not.toHaveProperty('subject');
    expect(linkOf(copied)).toBeNull();
  });

  it('never links a starter (it has no id in the workspace)', () => {
    const { id: _, ...starter } = welcome;
    expect(linkOf(applyTemplate(step, { ...starter, key: 'email-welcome-ko' }, 'link'))).toBeNull();
  });

  it('unlinks, keeping the content', () => {
    const linked = applyTemplate(step, welcome, 'link');
    const free = unlink(linked);
    expect(linkOf(free)).toBeNull();
    expect(free).toMatchObject({ body: '<p>안녕하세요</p>' });
  });

  it('reads a link only when it is one', () => {
    expect(readTemplateLink({ id: 'a1' })).toEqual({ template: { id: 'a1' } });
    expect(readTemplateLink({ id: 3 })).toEqual({});
    expect(readTemplateLink('a1')).toEqual({});
  });

  it('takes a step’s content for Save as template, not its settings or link', () => {
    const linked = applyTemplate(step, welcome, 'link');
    expect(contentOf('email', linked)).toEqual(welcome.content);
    expect(contentOf('sms', { body: 'hi', mode: 'auto' })).toEqual({ body: 'hi' });
  });
});
