import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { artifact } from './support/chromium.ts';
import { builderPage } from './support/page.ts';

/**
 * Every kind of field of the step settings and the sequence settings, set once through the
 * real `pnpm start` in Chromium by its accessible name (text inputs, numbers, selects,
 * checkboxes, radio buttons, CodeMirror templates, the rule builder and its JSON text, lists
 * that grow and shrink), then Export: each value is where FORMAT.md puts it.
 */
const builder = builderPage();
const { node, nodeIds, palette, panel } = builder;

interface ExportedStep {
  id: string;
  type: string;
  data: Record<string, unknown>;
}
interface ExportedFile {
  name: string;
  description?: string;
  settings?: Record<string, unknown>;
  nodes: ExportedStep[];
  edges: Array<{ source: string; sourceHandle?: string; target: string }>;
}

/** The sequence as Export downloads it, parsed. */
async function exportedFile(): Promise<ExportedFile> {
  return JSON.parse((await builder.exported()).text) as ExportedFile;
}

const dataOf = (file: ExportedFile, id: string) => file.nodes.find((n) => n.id === id)?.data;

/** Adds a step after the selected one from the palette; its settings then show. */
async function addStep(type: string, id: string) {
  await palette().getByRole('button', { name: type, exact: true }).click();
  await expect.poll(nodeIds).toContain(id);
  await expect.poll(() => stepSettingsOf()).toBe(id);
}

const stepSettingsOf = () => builder.page.getByTestId('step-settings').getAttribute('data-step-id');

/** Types into a code editor (CodeMirror) of the step settings, as a person does. */
async function typeInto(field: Locator, text: string) {
  await field.click();
  await builder.page.keyboard.type(text);
}

/** A field's problems as the form shows them under it (their codes). */
const problemCodes = (scope: Locator) =>
  scope
    .getByTestId('field-problem')
    .evaluateAll((els) => els.map((el) => el.getAttribute('data-code')));

/** Bytes of a text message as Korean carriers count them: 1 per ASCII character, else 2. */
const smsBytes = (text: string) =>
  [...text].reduce((sum, c) => sum + ((c.codePointAt(0) ?? 0) < 0x80 ? 1 : 2), 0);

describe('the step settings of every message step, exported where the format puts them', () => {
  it('email, SMS with its byte count, AlimTalk with buttons, task', async () => {
    const { page } = builder;
    await builder.newSequence('Every message field');
    await node('start').click();

    // Email: a subject, an HTML body typed in CodeMirror, sent by hand, and the folded options.
    await addStep('Email', 'email-1');
    await panel().getByLabel('Subject', { exact: true }).fill('Welcome, {{ contact.name }}');
    await panel().getByLabel('Format', { exact: true }).selectOption({ label: 'HTML' });
    await typeInto(
      panel().getByRole('textbox', { name: 'Body', exact: true }),
      '<p>Hello {{ contact.name }}, your trial is ready.</p>',
    );
    await panel()
      .getByLabel('Sending', { exact: true })
      .selectOption({ label: 'Manual: a task for a person to send it' });
    await panel().getByText('More options').click();
    await panel().getByLabel('From', { exact: true }).fill('Jihoon Kim <jihoon@nudge.example>');
    await panel().getByLabel('Reply-to', { exact: true }).fill('sales@nudge.example');
    await panel().getByLabel('Cc', { exact: true }).fill('ops@nudge.example, lead@nudge.example');
    await panel().getByLabel('Bcc', { exact: true }).fill('audit@nudge.example');

    // SMS: the byte count follows the text, SMS then LMS.
    await addStep('SMS', 'sms-1');
    const smsText = panel().getByRole('textbox', { name: 'Text', exact: true });
    const short = '체험 기간이 3일 남았습니다.';
    await typeInto(smsText, short);
    const count = panel().getByTestId('byte-count');
    await expect.poll(() => count.getAttribute('data-bytes')).toBe(String(smsBytes(short)));
    expect(await count.textContent()).toBe(`SMS · ${smsBytes(short)} / 90 bytes`);
    const more =
      ' 지금 업그레이드하시면 첫 달 요금을 50% 할인해 드립니다. 자세한 내용은 링크를 확인하세요.';
    await page.keyboard.type(more);
    const long = short + more;
    await expect.poll(() => count.getAttribute('data-class')).toBe('lms');
    expect(await count.textContent()).toBe(`LMS (long message) · ${smsBytes(long)} / 2,000 bytes`);
    await panel()
      .getByLabel('Sending', { exact: true })
      .selectOption({ label: 'Manual: a task for a person to send it' });

    // AlimTalk: template, text, two buttons of which the first is removed, a fallback SMS.
    await addStep('AlimTalk', 'kakao-1');
    await panel().getByLabel('Template code', { exact: true }).fill('TRIAL_END_01');
    await typeInto(
      panel().getByRole('textbox', { name: 'Text', exact: true }),
      '#{고객명}님, 체험이 곧 끝납니다.',
    );
    const buttons = panel().getByRole('group', { name: 'Buttons', exact: true });
    await buttons.getByRole('button', { name: 'Add a button' }).click();
    await buttons
      .getByRole('group', { name: 'Button 1' })
      .getByLabel('Button name')
      .fill('Old link');
    await buttons.getByRole('button', { name: 'Add a button' }).click();
    const second = buttons.getByRole('group', { name: 'Button 2' });
    await second.getByLabel('Button name').fill('Upgrade');
    await second.getByLabel('Link').fill('https://nudge.example/upgrade');
    await buttons.getByRole('button', { name: 'Remove button 1' }).click();
    await expect.poll(() => buttons.getByRole('group').count()).toBe(1);
    await typeInto(
      panel().getByRole('textbox', { name: 'Fallback SMS', exact: true }),
      '체험이 곧 끝납니다.',
    );

    // Task: a to-do for someone else, with a note, that the contact waits for.
    await addStep('Task', 'task-1');
    await panel().getByLabel('Kind', { exact: true }).selectOption({ label: 'To-do' });
    await panel().getByLabel('Title', { exact: true }).fill('Check {{ contact.company }}');
    await panel().getByLabel('Note', { exact: true }).fill('Look at the opens first.');
    await panel()
      .getByLabel('Assignee', { exact: true })
      .selectOption({ label: 'Someone else (email address)' });
    await panel().getByLabel('Assignee’s email address').fill('minji@nudge.example');
    await panel().getByLabel('Wait for completion').check();
    await page.screenshot({ path: artifact('builder-fields-task.png') });

    // Wait for a click in the first email: an event test naming its step.
    await addStep('Wait for', 'wait-for-1');
    const clicked = panel()
      .getByRole('group', { name: 'Wait until' })
      .getByRole('group', { name: 'Condition 1' });
    await clicked.getByLabel('Field or event').selectOption({ label: 'Link clicked' });
    await clicked.getByLabel('Of the message').selectOption({ label: 'email-1 (Email)' });

    const file = await exportedFile();
    expect(file.nodes.map((n) => n.id)).toEqual([
      'start',
      'email-1',
      'sms-1',
      'kakao-1',
      'task-1',
      'wait-for-1',
    ]);
    expect(dataOf(file, 'email-1')).toEqual({
      subject: 'Welcome, {{ contact.name }}',
      body: '<p>Hello {{ contact.name }}, your trial is ready.</p>',
      format: 'html',
      mode: 'manual',
      from: { name: 'Jihoon Kim', email: 'jihoon@nudge.example' },
      replyTo: 'sales@nudge.example',
      cc: ['ops@nudge.example', 'lead@nudge.example'],
      bcc: ['audit@nudge.example'],
    });
    expect(dataOf(file, 'sms-1')).toEqual({ body: long, mode: 'manual' });
    expect(dataOf(file, 'kakao-1')).toEqual({
      templateCode: 'TRIAL_END_01',
      body: '#{고객명}님, 체험이 곧 끝납니다.',
      buttons: [{ name: 'Upgrade', url: 'https://nudge.example/upgrade' }],
      fallbackSms: '체험이 곧 끝납니다.',
      mode: 'auto',
    });
    expect(dataOf(file, 'task-1')).toEqual({
      kind: 'todo',
      title: 'Check {{ contact.company }}',
      note: 'Look at the opens first.',
      assignee: 'minji@nudge.example',
      waitForCompletion: true,
    });
    expect(dataOf(file, 'wait-for-1')).toEqual({
      rule: { event: 'clicked', node: 'email-1' },
      timeout: { amount: 3, unit: 'days' },
    });
    expect(await builder.errorCount()).toBe('0 errors');
  });
});

describe('the step settings of every logic step, exported where the format puts them', () => {
  it('entry, delays for a time and until a date, condition, wait for, split, update contact, exit', async () => {
    const { page } = builder;
    await builder.newSequence('Every logic field');

    // Entry: a second trigger, joining a segment.
    await node('start').click();
    await panel().getByRole('button', { name: '+ Add trigger' }).click();
    const trigger2 = panel().getByRole('group', { name: 'Trigger 2' });
    await trigger2.getByLabel('Enter', { exact: true }).selectOption({
      label: 'When joining a segment',
    });
    await trigger2.getByLabel('Segment id').fill('vip-accounts');
    await panel().getByRole('button', { name: '+ Add trigger' }).click();
    const trigger3 = panel().getByRole('group', { name: 'Trigger 3' });
    await trigger3.getByLabel('Enter', { exact: true }).selectOption({
      label: 'When an event is recorded',
    });
    await trigger3.getByLabel('Event name').fill('status_changed');
    await trigger3.getByRole('checkbox', { name: 'Only when a rule holds' }).check();
    const where = trigger3
      .getByRole('group', { name: 'Only when' })
      .getByRole('group', { name: 'Condition 1' });
    await where.getByLabel('Field or event').selectOption({ label: 'Job title' });
    await where.getByLabel('Comparison').selectOption({ label: 'contains' });
    await where.getByLabel('Value', { exact: true }).fill('Director');

    // Delay for an amount of time.
    await addStep('Delay', 'delay-1');
    await panel().getByLabel('Amount', { exact: true }).fill('3');
    await panel().getByLabel('Unit', { exact: true }).selectOption({ label: 'business days' });

    // Delay until a date of the contact's: an attribute, a week before, at 09:30, or leave.
    await addStep('Delay', 'delay-2');
    await panel().getByRole('radio', { name: 'Until a date in the contact’s data' }).check();
    await panel()
      .getByLabel('Date field', { exact: true })
      .selectOption({ label: 'Attribute (custom field)…' });
    await panel().getByLabel('Attribute name').fill('renewal_date');
    await panel().getByLabel('Days after the date').fill('-7');
    await panel().getByLabel('Time of day').fill('09:30');
    await panel().getByRole('radio', { name: 'Leave the sequence' }).check();

    // Condition: the rule builder. Company contains "Corp", or (not) the tag "churned".
    await addStep('Condition', 'condition-1');
    const rule = panel().getByRole('group', { name: 'Go to “Yes” when' });
    const first = rule.getByRole('group', { name: 'Condition 1' });
    await first.getByLabel('Field or event').selectOption({ label: 'Company' });
    await first.getByLabel('Comparison').selectOption({ label: 'contains' });
    await first.getByLabel('Value', { exact: true }).fill('Corp');
    await rule.getByRole('button', { name: '+ Add condition' }).last().click();
    const second = rule.getByRole('group', { name: 'Condition 2' });
    await second.getByLabel('Field or event').selectOption({ label: 'Tags' });
    await second.getByLabel('Comparison').selectOption({ label: 'has the tag' });
    await second.getByLabel('Value', { exact: true }).fill('churned');
    await second.getByRole('checkbox', { name: 'Not' }).check();
    await rule.getByRole('button', { name: '+ Add condition' }).last().click();
    const third = rule.getByRole('group', { name: 'Condition 3' });
    await third.getByLabel('Field or event').selectOption({ label: 'Attribute (custom field)…' });
    await third.getByLabel('Attribute name').fill('seats');
    await third.getByLabel('Type of value').selectOption({ label: 'Number' });
    await third.getByLabel('Comparison').selectOption({ label: 'is at least' });
    await third.getByLabel('Value', { exact: true }).fill('10');
    await rule.getByLabel('True when').selectOption({ label: 'any of these is true' });
    // The same rule as JSON text.
    await rule.getByRole('button', { name: 'JSON' }).click();
    const ruleText = JSON.parse(await rule.getByLabel('Rule as JSON').inputValue());
    expect(ruleText).toEqual({
      any: [
        { field: 'contact.company', op: 'contains', value: 'Corp' },
        { not: { field: 'contact.tags', op: 'contains', value: 'churned' } },
        { field: 'contact.attributes.seats', op: 'gte', value: 10 },
      ],
    });

    // Wait for: a rule typed as JSON (half typed, it says why it is not applied), a timeout.
    await addStep('Wait for', 'wait-for-1');
    const waitRule = panel().getByRole('group', { name: 'Wait until' });
    await waitRule.getByRole('button', { name: 'JSON' }).click();
    const json = waitRule.getByLabel('Rule as JSON');
    await json.fill('{"event": "custom", "name": "demo_booked"');
    await expect
      .poll(() => waitRule.getByTestId('rule-text-note').textContent())
      .toContain('Not valid JSON: line 1, column');
    await json.fill('{"event": "custom", "name": "demo_booked"}');
    await expect.poll(() => waitRule.getByTestId('rule-text-note').count()).toBe(0);
    const timeout = panel().getByRole('group', { name: 'Give up after' });
    await timeout.getByLabel('Amount').fill('5');
    await timeout.getByLabel('Unit').selectOption({ label: 'hours' });

    // Split: a third branch added, the first removed, the weights typed.
    await addStep('Split', 'split-1');
    await panel().getByRole('button', { name: '+ Add branch' }).click();
    await panel().getByRole('button', { name: 'Remove branch a' }).click();
    await panel().getByRole('group', { name: 'Branch b' }).getByLabel('Weight (%)').fill('70');
    await panel().getByRole('group', { name: 'Branch c' }).getByLabel('Weight (%)').fill('30');
    await expect.poll(() => panel().getByTestId('split-total').textContent()).toBe('Total: 100%');

    // Update contact: the company as text, an attribute as a number, tags added and removed.
    await addStep('Update contact', 'update-contact-1');
    await panel().getByRole('button', { name: '+ Add field to set' }).click();
    const row1 = panel().getByRole('group', { name: 'Field 1' });
    await row1.getByLabel('Field', { exact: true }).selectOption({ label: 'Company' });
    await row1.getByLabel('New value').fill('Acme Korea');
    await panel().getByRole('button', { name: '+ Add field to set' }).click();
    const row2 = panel().getByRole('group', { name: 'Field 2' });
    await row2.getByLabel('Field', { exact: true }).selectOption({
      label: 'Attribute (custom field)…',
    });
    await row2.getByLabel('Attribute name').fill('score');
    await row2.getByLabel('Type of value').selectOption({ label: 'Number' });
    await row2.getByLabel('New value').fill('42');
    const addTags = panel().getByRole('group', { name: 'Tags to add' });
    for (const tag of ['trial', 'hot'])
      await addTags
        .getByLabel('Tag', { exact: true })
        .fill(tag)
        .then(() => addTags.getByLabel('Tag', { exact: true }).press('Enter'));
    await addTags.getByRole('button', { name: 'Remove tag hot' }).click();
    const removeTags = panel().getByRole('group', { name: 'Tags to remove' });
    await removeTags.getByLabel('Tag', { exact: true }).fill('lead');
    await removeTags.getByRole('button', { name: '+ Add tag' }).click();

    // Exit as converted.
    await addStep('Exit', 'exit-1');
    await panel().getByRole('radio', { name: 'Converted' }).check();
    await page.screenshot({ path: artifact('builder-fields-logic.png') });

    const file = await exportedFile();
    expect(dataOf(file, 'start')).toEqual({
      triggers: [
        { kind: 'manual' },
        { kind: 'segment', segment: 'vip-accounts' },
        {
          kind: 'event',
          name: 'status_changed',
          where: { all: [{ field: 'contact.title', op: 'contains', value: 'Director' }] },
        },
      ],
    });
    expect(dataOf(file, 'delay-1')).toEqual({ amount: 3, unit: 'businessDays' });
    expect(dataOf(file, 'delay-2')).toEqual({
      until: { field: 'contact.attributes.renewal_date', offsetDays: -7, at: '09:30' },
      ifPast: 'exit',
    });
    expect(dataOf(file, 'condition-1')).toEqual({ rule: ruleText });
    expect(dataOf(file, 'wait-for-1')).toEqual({
      rule: { event: 'custom', name: 'demo_booked' },
      timeout: { amount: 5, unit: 'hours' },
    });
    expect(dataOf(file, 'split-1')).toEqual({
      branches: [
        { id: 'b', weight: 70 },
        { id: 'c', weight: 30 },
      ],
    });
    expect(dataOf(file, 'update-contact-1')).toEqual({
      set: { 'contact.company': 'Acme Korea', 'contact.attributes.score': 42 },
      addTags: ['trial'],
      removeTags: ['lead'],
    });
    expect(dataOf(file, 'exit-1')).toEqual({ outcome: 'converted' });
    expect(await problemCodes(panel())).toEqual([]);
  });
});

describe('the sequence settings, exported where the format puts them', () => {
  it('name, zone, contact’s zone, send window and days, holidays, sender, exit rules and goal, enrollment, tracking, aliases', async () => {
    const { page } = builder;
    await builder.newSequence('Settings draft');
    await page.getByRole('button', { name: 'Sequence settings' }).click();
    const settings = page.getByRole('region', { name: 'Sequence settings' });
    await settings.waitFor();
    const open = (title: string) => settings.locator('summary', { hasText: title }).click();

    await settings.getByLabel('Name', { exact: true }).fill('Renewal in Seoul');
    await settings.getByLabel('Description', { exact: true }).fill('Renewals of KR accounts');
    const zone = settings.getByRole('combobox', { name: 'Time zone' });
    await zone.fill('seoul');
    await page
      .getByRole('option', { name: /Asia\/Seoul/ })
      .first()
      .click();
    await expect.poll(() => zone.inputValue()).toBe('Asia/Seoul');
    await settings.getByRole('checkbox', { name: 'Use the contact’s time zone' }).uncheck();

    await open('When messages may go out');
    await settings.getByRole('radio', { name: 'In a send window' }).check();
    await settings.getByRole('checkbox', { name: 'Friday' }).uncheck();
    await settings.getByRole('checkbox', { name: 'Saturday' }).check();
    await settings.getByLabel('Opens at').fill('09:30');
    await settings.getByLabel('Closes at').fill('17:00');

    await open('Holidays');
    await settings.getByRole('checkbox', { name: 'South Korea (KR)' }).check();
    await settings.getByLabel('Add another country').selectOption({ label: 'Germany (DE)' });
    await expect
      .poll(() => settings.getByRole('checkbox', { name: 'Germany (DE)' }).isChecked())
      .toBe(true);

    await open('Sender');
    await settings.getByLabel('Sender name').fill('김지훈 | 넛지');
    await settings.getByLabel('Sender email').fill('jihoon@nudge.example');
    await settings.getByLabel('Reply-to').fill('sales@nudge.example');

    await open('Exit rules');
    await settings.getByRole('checkbox', { name: 'replies', exact: true }).uncheck();
    await settings.getByRole('checkbox', { name: 'opens an email' }).check();
    await settings.getByRole('checkbox', { name: 'Stop when a goal is met' }).check();
    // The goal starts as a group with a first condition to fill in.
    const goal = settings.getByRole('group', { name: 'The goal is met when' });
    const goalTest = goal.getByRole('group', { name: 'Condition 1' });
    await goalTest.getByLabel('Field or event').selectOption({ label: 'Tags' });
    await goalTest.getByLabel('Comparison').selectOption({ label: 'has one of the tags' });
    await goalTest.getByLabel('Values, one per line').fill('customer\nvip');

    await open('Enrollment');
    await settings.getByRole('checkbox', { name: 'Allow re-enrolling' }).check();
    await settings.getByLabel('Exclusive group').fill('renewals');

    await open('Tracking');
    await settings.getByRole('checkbox', { name: 'Track opens' }).uncheck();

    await open('Merge variable aliases');
    await settings.getByRole('button', { name: 'Add an alias' }).click();
    await settings.getByLabel('Alias', { exact: true }).fill('플랜');
    await settings.getByLabel('Stands for').fill('contact.attributes.plan');
    await page.screenshot({ path: artifact('builder-fields-settings.png') });

    const file = await exportedFile();
    expect(file.name).toBe('Renewal in Seoul');
    expect(file.description).toBe('Renewals of KR accounts');
    expect(file.settings).toEqual({
      timezone: 'Asia/Seoul',
      useContactTimezone: false,
      schedule: { days: ['mon', 'tue', 'wed', 'thu', 'sat'], start: '09:30', end: '17:00' },
      holidays: ['KR', 'DE'],
      sender: {
        name: '김지훈 | 넛지',
        email: 'jihoon@nudge.example',
        replyTo: 'sales@nudge.example',
      },
      exit: {
        onReply: false,
        onOpen: true,
        goal: { all: [{ field: 'contact.tags', op: 'in', value: ['customer', 'vip'] }] },
      },
      enrollment: { allowReenroll: true, exclusiveGroup: 'renewals' },
      tracking: { opens: false },
      variables: { 플랜: 'contact.attributes.plan' },
    });
    expect(await builder.errorCount()).toBe('0 errors');
  });
});
