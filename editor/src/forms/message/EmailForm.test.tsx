import { describe, expect, it } from 'vitest';
import { EmailForm } from './EmailForm.tsx';
import {
  byLabel,
  enter,
  problemsBeside,
  problemsOf,
  renderForm,
} from './render-form.test-support.tsx';

const NEW_EMAIL = { subject: '', body: '', format: 'text', mode: 'auto' };

describe('EmailForm', () => {
  it('names every field, the body editor by its label too', () => {
    const { host } = renderForm(EmailForm, 'email', NEW_EMAIL);
    for (const label of ['Subject', 'Format', 'Sending', 'From', 'Reply-to', 'Cc', 'Bcc'])
      expect(byLabel(host, label).tagName, label).toMatch(/INPUT|SELECT/);
    const body = byLabel(host, 'Body');
    expect(body.getAttribute('contenteditable')).toBe('true');
    expect(body.getAttribute('role')).toBe('textbox');
    expect(byLabel(host, 'Subject').getAttribute('aria-describedby')).toBeTruthy();
  });

  it('writes the subject as typed, and leaves it out when emptied (a reply in the thread)', () => {
    const form = renderForm(EmailForm, 'email', NEW_EMAIL);
    enter(byLabel(form.host, 'Subject'), '{{고객명}}님, 제안서입니다');
    expect(form.last()).toEqual({
      data: { subject: '{{고객명}}님, 제안서입니다', body: '', format: 'text', mode: 'auto' },
      field: 'subject',
    });
    enter(byLabel(form.host, 'Subject'), '');
    expect(form.last()).toEqual({
      data: { body: '', format: 'text', mode: 'auto' },
      field: 'subject',
    });
  });

  it('writes the format and the sending mode', () => {
    const form = renderForm(EmailForm, 'email', NEW_EMAIL);
    enter(byLabel(form.host, 'Format'), 'html');
    expect(form.last()).toEqual({
      data: { body: '', format: 'html', mode: 'auto' },
      field: 'format',
    });
    enter(byLabel(form.host, 'Sending'), 'manual');
    expect(form.last()?.data.mode).toBe('manual');
    expect(form.last()?.field).toBe('mode');
  });

  it('takes addresses as a list typed with commas, keeping what is half typed', () => {
    const form = renderForm(EmailForm, 'email', NEW_EMAIL);
    const cc = byLabel(form.host, 'Cc');
    enter(cc, 'team@acme.kr, ');
    expect(form.last()).toEqual({
      data: { body: '', format: 'text', mode: 'auto', cc: ['team@acme.kr'] },
      field: 'cc',
    });
    expect(cc).toHaveProperty('value', 'team@acme.kr, ');
    enter(cc, 'team@acme.kr, boss@acme.kr');
    expect(form.last()?.data.cc).toEqual(['team@acme.kr', 'boss@acme.kr']);
    enter(cc, '');
    expect(form.last()?.data).toEqual({ body: '', format: 'text', mode: 'auto' });

    enter(byLabel(form.host, 'From'), '김민지 <minji@acme.kr>');
    expect(form.last()?.data.from).toEqual({ name: '김민지', email: 'minji@acme.kr' });
    enter(byLabel(form.host, 'Reply-to'), 'sales@acme.kr');
    expect(form.last()?.data.replyTo).toBe('sales@acme.kr');
  });

  it('shows a value that changes from outside, as an undo does', () => {
    const form = renderForm(EmailForm, 'email', { ...NEW_EMAIL, cc: ['a@acme.kr'] });
    const cc = byLabel(form.host, 'Cc');
    enter(cc, 'a@acme.kr, b@acme.kr');
    form.replace({ ...NEW_EMAIL, cc: ['a@acme.kr'] });
    expect(cc).toHaveProperty('value', 'a@acme.kr');
  });

  it('folds from, reply-to, cc and bcc away, unless one has a value or a problem', () => {
    const folded = renderForm(EmailForm, 'email', NEW_EMAIL);
    expect(folded.host.querySelector('details')?.open).toBe(false);
    const withCc = renderForm(EmailForm, 'email', { ...NEW_EMAIL, cc: ['a@acme.kr'] });
    expect(withCc.host.querySelector('details')?.open).toBe(true);
    const wrong = { ...NEW_EMAIL, subject: 'Hi', body: 'x', bcc: ['nobody'] };
    const withProblem = renderForm(EmailForm, 'email', wrong, {
      problems: problemsOf('email', wrong),
    });
    expect(withProblem.host.querySelector('details')?.open).toBe(true);
    expect(problemsBeside(byLabel(withProblem.host, 'Bcc'))).toEqual(['invalid_value']);
  });

  it("shows the validator's problems beside their fields, the missing subject's too", () => {
    const data = { body: '{% if %}', format: 'html', mode: 'auto', replyTo: 'nope' };
    const { host } = renderForm(EmailForm, 'email', data, { problems: problemsOf('email', data) });
    // Nothing before it sends an email: a reply in the thread has nothing to reply to.
    expect(problemsBeside(byLabel(host, 'Subject'))).toEqual(['thread_without_email']);
    expect(problemsBeside(byLabel(host, 'Body'))).toEqual(['liquid_syntax']);
    expect(problemsBeside(byLabel(host, 'Reply-to'))).toEqual(['invalid_value']);
    expect(byLabel(host, 'Reply-to').getAttribute('aria-invalid')).toBe('true');
    expect(host.querySelector('.step-problems')).toBeNull();
  });

  it('reads junk as an empty email, and says at the top what is wrong with it', () => {
    const junk = { subjekt: 'typo', format: 'markdown', cc: 'a@acme.kr' };
    const form = renderForm(EmailForm, 'email', junk, { problems: problemsOf('email', junk) });
    expect(byLabel(form.host, 'Subject')).toHaveProperty('value', '');
    expect(byLabel(form.host, 'Format')).toHaveProperty('value', 'text');
    const top = [...form.host.querySelectorAll('.step-problems [data-code]')].map((p) =>
      p.getAttribute('data-code'),
    );
    expect(top).toContain('missing_property');
    expect(top).toContain('unknown_property');
    enter(byLabel(form.host, 'Subject'), 'Hello');
    expect(form.last()?.data).toEqual({ subject: 'Hello', body: '', format: 'text', mode: 'auto' });
  });
});
