import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { problemsOf, SettingsFrame, STEPS } from './SettingsFrame.tsx';

const meta = {
  title: 'Panels/Sequence settings',
  component: SettingsFrame,
  parameters: { layout: 'padded' },
  args: {
    sequence: { name: 'New sequence' },
    problems: [],
    onChange: fn(),
    context: { steps: STEPS },
  },
} satisfies Meta<typeof SettingsFrame>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Every setting set to something other than its default. */
const filled = {
  name: '신규 고객 온보딩',
  description: 'Welcome new trial accounts in their first week',
  settings: {
    timezone: 'Asia/Seoul',
    useContactTimezone: false,
    schedule: { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '09:00', end: '18:00' },
    holidays: ['KR', 'US'],
    sender: { name: '김영업', email: 'sales@example.kr', replyTo: 'reply@example.kr' },
    exit: {
      onReply: true,
      onBounce: true,
      onOpen: true,
      onClick: false,
      goal: { event: 'replied' },
    },
    enrollment: { allowReenroll: true, exclusiveGroup: 'onboarding' },
    tracking: { opens: false, clicks: true },
    variables: { 고객명: 'contact.name', 부서: 'contact.attributes.department' },
  },
};

/** What a hand-edited file might say: a misspelt zone, a window that closes before it opens, a bad address. */
const broken = {
  name: 'Broken settings',
  settings: {
    timezone: 'Asia/Seol',
    schedule: { days: ['mon', 'fri'], start: '18:00', end: '09:00' },
    sender: { name: 'Sales', email: 'sales-at-example' },
    variables: { 부서: 'contact.department' },
  },
};

/** The section titled `title` (a <details>), opened by a click on its summary when closed. */
async function openSection(root: HTMLElement, title: string): Promise<HTMLElement> {
  const heading = within(root).getByRole('heading', { name: title });
  const details = heading.closest('details') as HTMLDetailsElement;
  if (!details.open) await userEvent.click(heading.closest('summary') as HTMLElement);
  await waitFor(() => expect(details.open).toBe(true));
  return details;
}

/** A new sequence: only Basics is open, every setting shows the format's default. */
export const Empty: Story = {
  play: async ({ canvasElement, args }) => {
    const form = within(canvasElement);
    await expect(form.getByLabelText('Name')).toHaveValue('New sequence');
    const zone = form.getByRole('combobox', { name: 'Time zone' });
    await expect(zone).toHaveValue('UTC');
    await expect(form.getByLabelText('Use the contact’s time zone')).toBeChecked();
    for (const title of ['When messages may go out', 'Holidays', 'Sender', 'Exit rules'])
      await expect(
        form.getByRole('heading', { name: title }).closest('details') as HTMLDetailsElement,
      ).not.toHaveAttribute('open');

    // Searching "seoul" finds Asia/Seoul; choosing it writes the zone.
    await userEvent.clear(zone);
    await userEvent.type(zone, 'seoul');
    const list = form.getByRole('listbox', { name: 'Time zones' });
    const first = within(list).getAllByRole('option')[0] as HTMLElement;
    await expect(first).toHaveTextContent('Asia/Seoul');
    await expect(first).toHaveTextContent('UTC+09:00 · Korean Standard Time');
    await expect(zone).toHaveAttribute('aria-activedescendant', first.id);
    await userEvent.click(first);
    await expect(args.onChange).toHaveBeenLastCalledWith(
      { settings: { timezone: 'Asia/Seoul' } },
      'timezone',
    );
    await expect(zone).toHaveValue('Asia/Seoul');
    await expect(list).not.toBeVisible();
    await expect(form.getByTestId('zone-now')).toHaveTextContent('Now UTC+09:00');

    const exit = await openSection(canvasElement, 'Exit rules');
    await expect(within(exit).getByLabelText('replies')).toBeChecked();
    await expect(
      within(exit).getByLabelText('bounces (the email can’t be delivered)'),
    ).toBeChecked();
    await expect(within(exit).getByLabelText('opens an email')).not.toBeChecked();
    await expect(within(exit).getByTestId('unsubscribe-note')).toHaveTextContent(
      'Unsubscribing always stops the sequence',
    );
    const aliases = await openSection(canvasElement, 'Merge variable aliases');
    await expect(within(aliases).getByTestId('builtin-aliases')).toHaveTextContent(
      '{{고객명}}contact.name',
    );
  },
};

/** The keyboard alone: Tab into the time zone, type, arrows, Enter; Space on a day. */
export const Keyboard: Story = {
  play: async ({ canvasElement, args }) => {
    const form = within(canvasElement);
    const zone = form.getByRole('combobox', { name: 'Time zone' });
    await userEvent.click(form.getByLabelText('Description'));
    await userEvent.tab();
    await expect(zone).toHaveFocus();
    await expect(getComputedStyle(zone).outlineStyle).toBe('solid');
    await userEvent.keyboard('{Control>}a{/Control}new york');
    await userEvent.keyboard('{ArrowDown}{ArrowUp}{Enter}');
    await expect(args.onChange).toHaveBeenLastCalledWith(
      { settings: { timezone: 'America/New_York' } },
      'timezone',
    );
    // Escape puts back the zone chosen and writes nothing.
    await userEvent.keyboard('{Control>}a{/Control}tokyo{Escape}');
    await expect(zone).toHaveValue('America/New_York');
    await expect(zone).toHaveAttribute('aria-expanded', 'false');
    await expect(args.onChange).toHaveBeenCalledTimes(1);

    const schedule = await openSection(canvasElement, 'When messages may go out');
    const window = within(schedule).getByLabelText('In a send window');
    window.focus();
    await userEvent.keyboard(' ');
    await expect(window).toBeChecked();
    const saturday = within(schedule).getByRole('checkbox', { name: 'Saturday' });
    saturday.focus();
    await userEvent.keyboard(' ');
    await expect(saturday).toBeChecked();
    await expect(args.onChange).toHaveBeenLastCalledWith(
      {
        settings: {
          timezone: 'America/New_York',
          schedule: {
            days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat'],
            start: '09:00',
            end: '18:00',
          },
        },
      },
      'schedule.days',
    );
  },
};

/** Every setting set: what each field shows, and the validator has nothing to say. */
export const Filled: Story = {
  args: { sequence: filled, problems: problemsOf(filled) },
  play: async ({ canvasElement, args }) => {
    await expect(args.problems).toEqual([]);
    const form = within(canvasElement);
    await expect(form.getByLabelText('Name')).toHaveValue('신규 고객 온보딩');
    await expect(form.getByRole('combobox', { name: 'Time zone' })).toHaveValue('Asia/Seoul');
    await expect(form.getByLabelText('Use the contact’s time zone')).not.toBeChecked();

    const schedule = within(await openSection(canvasElement, 'When messages may go out'));
    await expect(schedule.getByLabelText('In a send window')).toBeChecked();
    await expect(schedule.getByLabelText('Opens at')).toHaveValue('09:00');
    await expect(schedule.getByLabelText('Closes at')).toHaveValue('18:00');
    await expect(schedule.getByRole('checkbox', { name: 'Friday' })).toBeChecked();
    await expect(schedule.getByRole('checkbox', { name: 'Saturday' })).not.toBeChecked();

    const holidays = within(await openSection(canvasElement, 'Holidays'));
    await expect(holidays.getByLabelText('South Korea (KR)')).toBeChecked();
    await expect(holidays.getByLabelText('United States (US)')).toBeChecked();
    await expect(holidays.getByLabelText('Japan (JP)')).not.toBeChecked();

    const sender = within(await openSection(canvasElement, 'Sender'));
    await expect(sender.getByLabelText('Sender name')).toHaveValue('김영업');
    await expect(sender.getByLabelText('Reply-to')).toHaveValue('reply@example.kr');

    const exit = within(await openSection(canvasElement, 'Exit rules'));
    await expect(exit.getByLabelText('opens an email')).toBeChecked();
    await expect(exit.getByLabelText('clicks a link')).not.toBeChecked();
    await expect(exit.getByLabelText('Stop when a goal is met')).toBeChecked();
    // The rule editor's box, named by its legend (the builder inside repeats the name).
    const goal = within(
      exit.getAllByRole('group', { name: 'The goal is met when' })[0] as HTMLElement,
    );
    await userEvent.click(goal.getByRole('button', { name: 'JSON' }));
    await expect(goal.getByLabelText('Rule as JSON')).toHaveValue('{\n  "event": "replied"\n}');

    const enrollment = within(await openSection(canvasElement, 'Enrollment'));
    await expect(enrollment.getByLabelText('Allow re-enrolling')).toBeChecked();
    await expect(enrollment.getByLabelText('Exclusive group')).toHaveValue('onboarding');

    const tracking = within(await openSection(canvasElement, 'Tracking'));
    await expect(tracking.getByLabelText('Track opens')).not.toBeChecked();
    await expect(tracking.getByLabelText('Track clicks')).toBeChecked();

    const aliases = within(await openSection(canvasElement, 'Merge variable aliases'));
    await expect(
      aliases.getAllByLabelText('Alias').map((i) => (i as HTMLInputElement).value),
    ).toEqual(['고객명', '부서']);
    await expect(aliases.getByTestId('builtin-aliases')).toHaveTextContent('replaced by yours');

    // Turning a setting back to its default leaves it out of the file; the rest stays as written.
    await userEvent.click(tracking.getByLabelText('Track opens'));
    const [change] = (args.onChange as ReturnType<typeof fn>).mock.lastCall ?? [];
    await expect(change.settings.tracking).toEqual({ clicks: true });
    await expect(change.settings.exit).toEqual(filled.settings.exit);
    await expect(canvasElement.querySelectorAll('[data-testid="field-problem"]')).toHaveLength(0);
  },
};

/** What the validator says of a broken file, each problem beside its field. */
export const WithErrors: Story = {
  args: { sequence: broken, problems: problemsOf(broken) },
  play: async ({ canvasElement, args }) => {
    const codes = args.problems.map((p) => p.code);
    await expect(codes).toEqual(
      expect.arrayContaining(['invalid_timezone', 'schedule_empty_window', 'invalid_value']),
    );
    const form = within(canvasElement);
    const zone = form.getByRole('combobox', { name: 'Time zone' });
    await expect(zone).toHaveAttribute('aria-invalid', 'true');
    await expect(zone.closest('.field')).toHaveTextContent('Unknown time zone');

    // Sections with a problem are open, and say how many.
    const window = form
      .getByRole('heading', { name: 'When messages may go out' })
      .closest('details');
    await expect(window).toHaveAttribute('open');
    await expect(within(window as HTMLElement).getByTestId('section-problems')).toHaveTextContent(
      '1 problem',
    );
    const end = form.getByLabelText('Closes at');
    const problem = canvasElement.querySelector('[data-code="schedule_empty_window"]');
    await expect(problem).toHaveTextContent('Send window ends before it starts');
    await expect(problem).toHaveTextContent(
      'the send window ends (09:00) before it starts (18:00)',
    );
    await expect(end.closest('.field')?.contains(problem)).toBe(true);
    await expect(end).toHaveAccessibleDescription(/ends before it starts/);

    await expect(form.getByLabelText('Sender email')).toHaveAttribute('aria-invalid', 'true');
    const aliases = form
      .getByRole('heading', { name: 'Merge variable aliases' })
      .closest('details');
    await expect(aliases).toHaveAttribute('open');
    await expect(aliases).toHaveTextContent('"contact.department" is not a contact path');
    await expect(
      form.getByRole('heading', { name: 'Tracking' }).closest('details'),
    ).not.toHaveAttribute('open');

    // Fixing the window takes its problem away.
    await userEvent.clear(end);
    await userEvent.type(end, '20:00');
    await waitFor(() =>
      expect(canvasElement.querySelector('[data-code="schedule_empty_window"]')).toBeNull(),
    );
    await expect(args.onChange).toHaveBeenLastCalledWith(
      {
        settings: expect.objectContaining({
          schedule: { days: ['mon', 'fri'], start: '18:00', end: '20:00' },
        }),
      },
      'schedule.end',
    );
  },
};

/** A new sequence in Korean: labels, days 월..일, and 서울 found by its Korean name. */
export const EmptyKorean: Story = {
  globals: { locale: 'ko' },
  play: async ({ canvasElement, args }) => {
    const form = within(canvasElement);
    await expect(form.getByLabelText('이름')).toHaveValue('New sequence');
    await expect(form.getByLabelText('연락처의 시간대 사용')).toBeChecked();
    await expect(form.getByRole('heading', { name: '기본 정보' })).toBeVisible();
    const zone = form.getByRole('combobox', { name: '시간대' });
    await userEvent.clear(zone);
    await userEvent.type(zone, '서울');
    const first = within(form.getByRole('listbox', { name: '시간대 목록' })).getAllByRole(
      'option',
    )[0] as HTMLElement;
    await expect(first).toHaveTextContent('Asia/Seoul');
    await expect(first).toHaveTextContent('한국 표준시');
    await userEvent.keyboard('{Enter}');
    await expect(args.onChange).toHaveBeenLastCalledWith(
      { settings: { timezone: 'Asia/Seoul' } },
      'timezone',
    );

    const schedule = within(await openSection(canvasElement, '발송 가능 시간'));
    await userEvent.click(schedule.getByLabelText('정해진 시각에'));
    const days = schedule.getAllByRole('checkbox').map((box) => box.closest('label')?.textContent);
    await expect(days).toEqual(['월', '화', '수', '목', '금', '토', '일']);
    await expect(schedule.getByRole('checkbox', { name: '토요일' })).not.toBeChecked();
    await expect(schedule.getByLabelText('발송 시각')).toHaveValue('09:00');

    const holidays = within(await openSection(canvasElement, '공휴일'));
    await expect(holidays.getByLabelText('대한민국 (KR)')).not.toBeChecked();
    await expect(holidays.getByLabelText('미국 (US)')).not.toBeChecked();
    const exit = within(await openSection(canvasElement, '종료 조건'));
    await expect(exit.getByLabelText('회신함')).toBeChecked();
    await expect(exit.getByTestId('unsubscribe-note')).toHaveTextContent('수신 거부하면 항상');
  },
};

/** The broken file in Korean: problem titles and the validator's details in Korean. */
export const WithErrorsKorean: Story = {
  ...WithErrors,
  globals: { locale: 'ko' },
  play: async ({ canvasElement }) => {
    const form = within(canvasElement);
    await expect(
      form.getByRole('combobox', { name: '시간대' }).closest('.field'),
    ).toHaveTextContent('알 수 없는 시간대');
    const end = form.getByLabelText('종료');
    const problem = canvasElement.querySelector('[data-code="schedule_empty_window"]');
    await expect(problem).toHaveTextContent('발송 시간대의 종료 시각이 시작 시각보다 빠름');
    await expect(problem).toHaveTextContent(
      '발송 시간대의 종료 시각(09:00)이 시작 시각(18:00)보다 늦지 않아 발송할 수 있는 시간이 없습니다.',
    );
    await expect(end.closest('.field')?.contains(problem)).toBe(true);
    const window = form.getByRole('heading', { name: '발송 가능 시간' }).closest('details');
    await expect(within(window as HTMLElement).getByTestId('section-problems')).toHaveTextContent(
      '문제 1개',
    );
  },
};

/** An advertising sequence, in Korean: its section open, the checkbox ticked and its hint. */
export const AdvertisingKorean: Story = {
  globals: { locale: 'ko' },
  args: { sequence: { name: '봄 세일', settings: { advertising: true } } },
  play: async ({ canvasElement, args }) => {
    const section = within(await openSection(canvasElement, '광고'));
    const box = section.getByRole('checkbox', { name: '광고성 메시지입니다' });
    await expect(box).toBeChecked();
    await expect(box).toHaveAccessibleDescription(/21:00~08:00/);
    await userEvent.click(box);
    await expect(args.onChange).toHaveBeenLastCalledWith({ settings: undefined }, 'advertising');
  },
};

/** The unsubscribe footer beside Advertising: ticking it writes settings.unsubscribeFooter. */
export const UnsubscribeFooter: Story = {
  args: { sequence: { name: 'Spring sale', settings: { advertising: true } } },
  play: async ({ canvasElement, args }) => {
    const section = within(await openSection(canvasElement, 'Advertising'));
    const box = section.getByRole('checkbox', { name: 'Add an unsubscribe footer to every email' });
    await expect(box).not.toBeChecked();
    await expect(box).toHaveAccessibleDescription(/\{\{ unsubscribe_url \}\}/);
    box.focus();
    await userEvent.keyboard(' ');
    await expect(args.onChange).toHaveBeenLastCalledWith(
      { settings: { advertising: true, unsubscribeFooter: true } },
      'unsubscribeFooter',
    );
  },
};
