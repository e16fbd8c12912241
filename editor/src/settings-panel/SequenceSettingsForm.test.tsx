import { type Problem, type Settings, validateSequence } from '@nudge/schema';
import { act, useState } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from '../i18n/i18n.ts';
import { SequenceSettingsForm } from './SequenceSettingsForm.tsx';
import type { SequenceFields, SequenceFieldsChange } from './types.ts';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const mounted: Array<{ root: Root; host: HTMLElement }> = [];
afterEach(() => {
  for (const { root, host } of mounted.splice(0)) {
    act(() => root.unmount());
    host.remove();
  }
  act(() => void i18n.changeLanguage('en'));
});

const ENTRY = { id: 'start', type: 'entry', data: { triggers: [{ kind: 'manual' }] } };

/** The validator's problems of a sequence with these fields. */
function problemsOf(fields: SequenceFields): Problem[] {
  const { errors, warnings } = validateSequence({
    format: 'nudge.sequence/v1',
    ...fields,
    nodes: [ENTRY],
    edges: [],
  });
  return [...errors, ...warnings];
}

interface Recorder {
  changes: Array<{ fields: SequenceFieldsChange; field: string }>;
  latest: SequenceFields;
}

/**
 * The form with its sequence kept here, as the editor's store keeps it: each change is
 * recorded, applied (a key given as undefined leaves) and validated again.
 */
function Host({ recorder }: { recorder: Recorder }) {
  const [sequence, setSequence] = useState(recorder.latest);
  return (
    <SequenceSettingsForm
      sequence={sequence}
      problems={problemsOf(sequence)}
      context={{ steps: [{ id: 'start', type: 'entry' }] }}
      onChange={(fields, field) => {
        recorder.changes.push({ fields, field });
        const next: Record<string, unknown> = { ...recorder.latest, ...fields };
        for (const [key, value] of Object.entries(fields))
          if (value === undefined) delete next[key];
        recorder.latest = next;
        setSequence(next);
      }}
    />
  );
}

function renderForm(initial: SequenceFields) {
  const recorder: Recorder = { changes: [], latest: initial };
  const host = document.createElement('div');
  document.body.append(host);
  const root = createRoot(host);
  mounted.push({ root, host });
  act(() =>
    root.render(
      <I18nextProvider i18n={i18n}>
        <Host recorder={recorder} />
      </I18nextProvider>,
    ),
  );
  return { host, changes: recorder.changes, current: () => recorder.latest };
}

function byLabel<T extends HTMLElement = HTMLInputElement>(root: HTMLElement, text: string): T {
  for (const label of root.querySelectorAll('label'))
    if (label.textContent?.trim() === text && label.htmlFor) {
      const control = document.getElementById(label.htmlFor);
      if (control) return control as T;
    }
  const aria = root.querySelector(`[aria-label="${text}"]`);
  if (aria) return aria as T;
  throw new Error(`no control labelled "${text}"`);
}

function type(el: HTMLElement, text: string) {
  const proto = el instanceof HTMLTextAreaElement ? HTMLTextAreaElement : HTMLInputElement;
  act(() => {
    Object.getOwnPropertyDescriptor(proto.prototype, 'value')?.set?.call(el, text);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

function key(el: HTMLElement, name: string) {
  act(() => {
    el.dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true }));
  });
}

const click = (el: HTMLElement) => act(() => el.click());

/** Opens a collapsed section, as a click on its summary does. */
function open(host: HTMLElement, title: string) {
  const details = section(host, title);
  act(() => {
    details.open = true;
    details.dispatchEvent(new Event('toggle'));
  });
}

function section(host: HTMLElement, title: string): HTMLDetailsElement {
  for (const details of host.querySelectorAll('details'))
    if (details.querySelector('summary h3')?.textContent === title) return details;
  throw new Error(`no section "${title}"`);
}

describe('the sequence settings form', () => {
  it('opens Basics only, for a new sequence', () => {
    const { host } = renderForm({ name: 'New' });
    expect(byLabel(host, 'Name').value).toBe('New');
    expect(byLabel(host, 'Time zone').value).toBe('UTC');
    expect(byLabel(host, 'Use the contact’s time zone').checked).toBe(true);
    expect(section(host, 'Basics').open).toBe(true);
    for (const title of ['When messages may go out', 'Holidays', 'Sender', 'Exit rules'])
      expect(section(host, title).open, title).toBe(false);
  });

  it('makes the fields of a section when it is first opened, and keeps them', () => {
    const { host } = renderForm({ name: 'A' });
    const sender = section(host, 'Sender');
    expect(sender.querySelector('input')).toBeNull();
    open(host, 'Sender');
    type(byLabel(host, 'Reply-to'), 'reply@');
    act(() => {
      sender.open = false;
      sender.dispatchEvent(new Event('toggle'));
    });
    expect(byLabel(host, 'Reply-to').value).toBe('reply@');
  });

  it('renders junk without crashing, and says where the file is wrong', () => {
    const junk = { name: 7, description: ['x'], settings: 'every day' };
    const { host } = renderForm(junk);
    expect(byLabel(host, 'Name').value).toBe('');
    const top = host.querySelector('[data-testid="settings-problems"]');
    expect(top?.textContent).toContain('must be an object');
    const odd = renderForm({
      name: 'Odd',
      settings: { timezone: 5, schedule: 'weekdays', exit: [1], variables: { a: 3 }, extra: 1 },
    });
    expect(odd.host.querySelector('[data-testid="settings-problems"]')?.textContent).toContain(
      'extra',
    );
    expect(section(odd.host, 'Exit rules').open).toBe(true);
  });

  it('writes the name, and leaves an emptied description out', () => {
    const { host, changes, current } = renderForm({ name: 'A', description: 'why' });
    type(byLabel(host, 'Name'), '신규 고객 온보딩');
    type(byLabel(host, 'Description'), '');
    expect(changes).toEqual([
      { fields: { name: '신규 고객 온보딩' }, field: 'name' },
      { fields: { description: undefined }, field: 'description' },
    ]);
    expect(current()).toEqual({ name: '신규 고객 온보딩' });
  });

  it('finds Seoul by typing and writes its zone on Enter', () => {
    const { host, changes } = renderForm({ name: 'A' });
    const zone = byLabel(host, 'Time zone');
    type(zone, 'seoul');
    expect(zone.getAttribute('aria-expanded')).toBe('true');
    const list = document.getElementById(zone.getAttribute('aria-controls') ?? '');
    expect(list?.getAttribute('role')).toBe('listbox');
    const active = document.getElementById(zone.getAttribute('aria-activedescendant') ?? '');
    expect(active?.textContent).toContain('Asia/Seoul');
    expect(active?.getAttribute('aria-selected')).toBe('true');
    key(zone, 'Enter');
    expect(changes).toEqual([
      { fields: { settings: { timezone: 'Asia/Seoul' } }, field: 'timezone' },
    ]);
    expect(zone.getAttribute('aria-expanded')).toBe('false');
    expect(zone.value).toBe('Asia/Seoul');
    expect(host.querySelector('[data-testid="zone-now"]')?.textContent).toBe(
      'Now UTC+09:00 · Korean Standard Time',
    );
  });

  it('moves through zones with the arrows and puts the zone back on Escape', () => {
    const { host, changes } = renderForm({ name: 'A', settings: { timezone: 'Asia/Seoul' } });
    const zone = byLabel(host, 'Time zone');
    key(zone, 'ArrowDown');
    const activeText = () =>
      document.getElementById(zone.getAttribute('aria-activedescendant') ?? '')?.textContent;
    // Browsing starts at the zone chosen: Seoul, first of the list; UTC comes next.
    expect(activeText()).toContain('Asia/Seoul');
    key(zone, 'ArrowDown');
    expect(activeText()).toContain('UTC');
    type(zone, 'tokyo');
    key(zone, 'Escape');
    expect(zone.value).toBe('Asia/Seoul');
    expect(zone.getAttribute('aria-expanded')).toBe('false');
    expect(changes).toEqual([]);
    // Back to UTC, the default: the setting leaves the file.
    type(zone, 'utc');
    key(zone, 'Enter');
    expect(changes).toEqual([{ fields: { settings: undefined }, field: 'timezone' }]);
  });

  it('says when no zone matches', () => {
    const { host } = renderForm({ name: 'A' });
    type(byLabel(host, 'Time zone'), 'atlantis');
    expect(host.querySelector('[role="status"]')?.textContent).toBe(
      'No time zone matches “atlantis”.',
    );
  });

  it('writes a send window in the format’s shape, and its days and times', () => {
    const { host, changes, current } = renderForm({ name: 'A' });
    open(host, 'When messages may go out');
    click(byLabel(host, 'In a send window'));
    expect(current().settings).toEqual({
      schedule: { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '09:00', end: '18:00' },
    });
    click(byLabel(host, 'Saturday'));
    click(byLabel(host, 'Monday'));
    type(byLabel(host, 'Closes at'), '17:30');
    expect(current().settings).toEqual({
      schedule: { days: ['tue', 'wed', 'thu', 'fri', 'sat'], start: '09:00', end: '17:30' },
    });
    expect(changes.map((c) => c.field)).toEqual([
      'schedule.kind',
      'schedule.days',
      'schedule.days',
      'schedule.end',
    ]);
    click(byLabel(host, 'At a fixed time'));
    expect(current().settings).toEqual({
      schedule: { days: ['tue', 'wed', 'thu', 'fri', 'sat'], at: '09:00' },
    });
    click(byLabel(host, 'Any time'));
    expect(current().settings).toBeUndefined();
  });

  it('shows a window that ends before it starts beside its closing time, and opens its section', () => {
    const { host } = renderForm({
      name: 'A',
      settings: { schedule: { days: ['mon'], start: '18:00', end: '09:00' } },
    });
    expect(section(host, 'When messages may go out').open).toBe(true);
    const end = byLabel(host, 'Closes at');
    const problem = host.querySelector<HTMLElement>('[data-code="schedule_empty_window"]');
    expect(problem?.textContent).toContain('Send window ends before it starts');
    expect(end.closest('.field')?.contains(problem)).toBe(true);
    expect(end.getAttribute('aria-invalid')).toBe('true');
    const describedBy = end.getAttribute('aria-describedby')?.split(' ') ?? [];
    expect(describedBy.some((id) => document.getElementById(id)?.contains(problem))).toBe(true);
  });

  it('writes exit rules that differ from the defaults, and says unsubscribing always stops', () => {
    const { host, current } = renderForm({ name: 'A' });
    open(host, 'Exit rules');
    expect(byLabel(host, 'replies').checked).toBe(true);
    expect(byLabel(host, 'opens an email').checked).toBe(false);
    click(byLabel(host, 'replies'));
    click(byLabel(host, 'clicks a link'));
    expect(current().settings).toEqual({ exit: { onReply: false, onClick: true } });
    click(byLabel(host, 'replies'));
    click(byLabel(host, 'clicks a link'));
    expect(current().settings).toBeUndefined();
    expect(host.querySelector('[data-testid="unsubscribe-note"]')?.textContent).toContain(
      'Unsubscribing always stops the sequence',
    );
  });

  it('writes holidays from the checkboxes and the list of other countries', () => {
    const { host, current } = renderForm({ name: 'A' });
    open(host, 'Holidays');
    click(byLabel(host, 'South Korea (KR)'));
    const add = byLabel<HTMLSelectElement>(host, 'Add another country');
    act(() => {
      add.value = 'VN';
      add.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(current().settings).toEqual({ holidays: ['KR', 'VN'] });
    expect(byLabel(host, 'Vietnam (VN)').checked).toBe(true);
    click(byLabel(host, 'South Korea (KR)'));
    click(byLabel(host, 'Vietnam (VN)'));
    expect(current().settings).toBeUndefined();
  });

  it('writes the sender, enrollment and tracking', () => {
    const { host, current } = renderForm({ name: 'A' });
    for (const title of ['Sender', 'Enrollment', 'Tracking']) open(host, title);
    type(byLabel(host, 'Sender name'), '김영업');
    type(byLabel(host, 'Sender email'), 'sales@example.kr');
    click(byLabel(host, 'Allow re-enrolling'));
    type(byLabel(host, 'Exclusive group'), 'onboarding');
    click(byLabel(host, 'Track opens'));
    expect(current().settings).toEqual({
      sender: { name: '김영업', email: 'sales@example.kr' },
      enrollment: { allowReenroll: true, exclusiveGroup: 'onboarding' },
      tracking: { opens: false },
    });
    type(byLabel(host, 'Exclusive group'), '');
    expect((current().settings as Settings | undefined)?.enrollment).toEqual({
      allowReenroll: true,
    });
  });

  it('marks the sequence as advertising, and leaves the setting out when it is off again', () => {
    const { host, current } = renderForm({ name: 'A' });
    open(host, 'Advertising');
    click(byLabel(host, 'These messages are advertising'));
    expect(current().settings).toEqual({ advertising: true });
    click(byLabel(host, 'These messages are advertising'));
    expect(current().settings).toBeUndefined();
  });

  it('names the advertising checkbox in Korean', () => {
    act(() => void i18n.changeLanguage('ko'));
    const { host } = renderForm({ name: 'A', settings: { advertising: true } });
    open(host, '광고');
    expect((byLabel(host, '광고성 메시지입니다') as HTMLInputElement).checked).toBe(true);
  });

  it('turns the unsubscribe footer on, in the format’s order, and off again', () => {
    const { host, current } = renderForm({ name: 'A', settings: { variables: { 플랜: 'x.y' } } });
    open(host, 'Advertising');
    const footer = byLabel(host, 'Add an unsubscribe footer to every email');
    expect(host.textContent).toContain('put {{ unsubscribe_url }} in the body instead');
    click(footer);
    expect(current().settings).toEqual({ unsubscribeFooter: true, variables: { 플랜: 'x.y' } });
    expect(Object.keys(current().settings ?? {})).toEqual(['unsubscribeFooter', 'variables']);
    click(byLabel(host, 'Add an unsubscribe footer to every email'));
    expect(current().settings).toEqual({ variables: { 플랜: 'x.y' } });
  });

  it('names the footer checkbox in Korean, with the variable in its hint', () => {
    act(() => void i18n.changeLanguage('ko'));
    const { host } = renderForm({ name: 'A', settings: { unsubscribeFooter: true } });
    open(host, '광고');
    expect((byLabel(host, '모든 이메일에 수신거부 안내 넣기') as HTMLInputElement).checked).toBe(
      true,
    );
    expect(host.textContent).toContain('본문에 {{ unsubscribe_url }} 변수를 쓰세요');
  });

  it('writes an alias once it is named, and lists the built-in ones', () => {
    const { host, current } = renderForm({ name: 'A' });
    open(host, 'Merge variable aliases');
    const add = [...host.querySelectorAll('button')].find((b) => b.textContent === 'Add an alias');
    if (!add) throw new Error('no Add an alias button');
    click(add);
    expect(current().settings).toBeUndefined();
    type(byLabel(host, 'Stands for'), 'contact.attributes.department');
    expect(current().settings).toBeUndefined();
    type(byLabel(host, 'Alias'), '부서');
    expect(current().settings).toEqual({ variables: { 부서: 'contact.attributes.department' } });
    const builtIns = host.querySelector('[data-testid="builtin-aliases"]')?.textContent ?? '';
    expect(builtIns).toContain('{{고객명}}contact.name');
    click(byLabel(host, 'Remove alias 부서'));
    expect(current().settings).toBeUndefined();
  });

  it('turns the goal on with a first condition, edits it as a rule, and turns it off', () => {
    const { host, current, changes } = renderForm({ name: 'A' });
    open(host, 'Exit rules');
    expect(host.querySelector('[data-testid="rule-editor"]')).toBeNull();
    click(byLabel(host, 'Stop when a goal is met'));
    const goal = (current().settings as Settings).exit?.goal;
    expect(goal).toHaveProperty('all');
    const editor = host.querySelector<HTMLElement>('[data-testid="rule-editor"]');
    expect(editor?.closest('fieldset')?.querySelector('legend')?.textContent).toBe(
      'The goal is met when',
    );
    const json = [...(editor?.querySelectorAll('button') ?? [])].find(
      (b) => b.textContent === 'JSON',
    );
    if (!json) throw new Error('no JSON mode button');
    click(json);
    type(byLabel<HTMLTextAreaElement>(host, 'Rule as JSON'), '{"event": "replied"}');
    expect(current().settings).toEqual({ exit: { goal: { event: 'replied' } } });
    expect(changes.at(-1)?.field).toMatch(/^exit\.goal /);
    click(byLabel(host, 'Stop when a goal is met'));
    expect(current().settings).toBeUndefined();
    expect(host.querySelector('[data-testid="rule-editor"]')).toBeNull();
  });

  it('shows the validator’s problems of the goal inside its rule', () => {
    const { host } = renderForm({
      name: 'A',
      settings: { exit: { goal: { event: 'opened', node: 'ghost' } } },
    });
    expect(section(host, 'Exit rules').open).toBe(true);
    expect(byLabel(host, 'Stop when a goal is met').checked).toBe(true);
    const editor = host.querySelector<HTMLElement>('[data-testid="rule-editor"]');
    expect(editor?.querySelector('[data-code="unknown_node_ref"]')).not.toBeNull();
  });

  it('speaks Korean', () => {
    act(() => void i18n.changeLanguage('ko'));
    const { host } = renderForm({
      name: 'A',
      settings: { timezone: 'Asia/Seoul', schedule: { days: ['mon'], at: '09:00' } },
    });
    expect(byLabel(host, '이름').value).toBe('A');
    expect(byLabel(host, '시간대').value).toBe('Asia/Seoul');
    expect(host.querySelector('[data-testid="zone-now"]')?.textContent).toBe(
      '현재 UTC+09:00 · 한국 표준시',
    );
    open(host, '공휴일');
    expect(byLabel(host, '대한민국 (KR)').checked).toBe(false);
    open(host, '발송 가능 시간');
    expect(byLabel(host, '월요일').checked).toBe(true);
    expect(byLabel(host, '화요일').checked).toBe(false);
    expect(byLabel(host, '월요일').closest('label')?.textContent).toBe('월');
    expect(byLabel(host, '발송 시각').value).toBe('09:00');
  });
});
