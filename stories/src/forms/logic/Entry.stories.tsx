import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { allProblemCodes, expectAllNamed, problemCodes } from './expect-form.ts';
import { LogicFormFrame } from './LogicFormFrame.tsx';

/** A new sequence's entry: contacts added by a person or the API. */
const NEW_ENTRY = { triggers: [{ kind: 'manual' }] };

const FILLED = {
  triggers: [
    { kind: 'manual' },
    {
      kind: 'event',
      name: 'trial_started',
      where: { field: 'contact.locale', op: 'eq', value: 'ko-KR' },
    },
    { kind: 'segment', segment: 'kr-enterprise' },
  ],
};

/** A hand-edited file: an event with no name, a segment without its id, a kind of no kind. */
const BROKEN = {
  triggers: [{ kind: 'event', name: '' }, { kind: 'segment' }, { kind: 'webhook' }],
};

const meta = {
  title: 'Forms/Entry',
  component: LogicFormFrame,
  parameters: { layout: 'padded' },
  args: { type: 'entry', data: NEW_ENTRY, onChange: fn() },
} satisfies Meta<typeof LogicFormFrame>;
export default meta;
type Story = StoryObj<typeof meta>;

/** A new entry: the only trigger can't be removed; an event trigger with a rule is added. */
export const Empty: Story = {
  play: async ({ canvasElement, args }) => {
    const form = within(canvasElement);
    await expectAllNamed(canvasElement);
    await expect(form.queryByRole('button', { name: 'Remove trigger 1' })).toBeNull();
    await userEvent.click(form.getByRole('button', { name: '+ Add trigger' }));
    const second = form.getByRole('group', { name: 'Trigger 2' });
    await userEvent.selectOptions(
      within(second).getByRole('combobox', { name: 'Enter' }),
      'When an event is recorded',
    );
    const name = within(second).getByRole('textbox', { name: 'Event name' });
    await expect(problemCodes(name)).toEqual(['invalid_value']);
    await userEvent.type(name, 'status_changed');
    await waitFor(() => expect(problemCodes(name)).toEqual([]));
    await userEvent.click(within(second).getByRole('checkbox', { name: 'Only when a rule holds' }));
    const where = within(second).getByRole('group', { name: 'Only when' });
    await userEvent.selectOptions(
      within(where).getByRole('combobox', { name: 'Field or event' }),
      'Tags',
    );
    await userEvent.type(within(where).getByRole('textbox', { name: 'Value' }), 'trial');
    await expect(args.onChange).toHaveBeenLastCalledWith(
      {
        triggers: [
          { kind: 'manual' },
          {
            kind: 'event',
            name: 'status_changed',
            where: { all: [{ field: 'contact.tags', op: 'contains', value: 'trial' }] },
          },
        ],
      },
      '/nodes/0/data/triggers/1/where/all/0/value',
    );
    await expect(form.getByRole('button', { name: 'Remove trigger 1' })).toBeEnabled();
  },
};

/** Three ways in: by hand, an event with a rule, a segment. */
export const Filled: Story = {
  args: { data: FILLED },
  play: async ({ canvasElement }) => {
    const form = within(canvasElement);
    await expectAllNamed(canvasElement);
    await expect(allProblemCodes(canvasElement)).toEqual([]);
    const kinds = form.getAllByRole('combobox', { name: 'Enter' });
    await expect(kinds.map((k) => (k as HTMLSelectElement).value)).toEqual([
      'manual',
      'event',
      'segment',
    ]);
    await expect(form.getByRole('checkbox', { name: 'Only when a rule holds' })).toBeChecked();
    await expect(form.getByRole('combobox', { name: 'Field or event' })).toHaveDisplayValue(
      'Language',
    );
    await expect(form.getByRole('textbox', { name: 'Segment id' })).toHaveValue('kr-enterprise');
  },
};

/** The validator's problems beside the trigger's fields, or under the trigger. */
export const WithErrors: Story = {
  args: { data: BROKEN },
  play: async ({ canvasElement }) => {
    const form = within(canvasElement);
    const first = form.getByRole('group', { name: 'Trigger 1' });
    await expect(problemCodes(within(first).getByRole('textbox', { name: 'Event name' }))).toEqual([
      'invalid_value',
    ]);
    await expect(allProblemCodes(form.getByRole('group', { name: 'Trigger 2' }))).toEqual([
      'missing_property',
    ]);
    const third = form.getByRole('group', { name: 'Trigger 3' });
    const kind = within(third).getByRole('combobox', { name: 'Enter' });
    await expect(kind).toHaveDisplayValue('webhook (not a trigger)');
    await expect(problemCodes(kind)).toEqual(['invalid_value']);
    await userEvent.selectOptions(kind, 'When added by a person or the API');
    await waitFor(() => expect(allProblemCodes(third)).toEqual([]));
  },
};

/** In Korean. */
export const Korean: Story = {
  globals: { locale: 'ko' },
  args: { data: FILLED },
  play: async ({ canvasElement }) => {
    const form = within(canvasElement);
    await expectAllNamed(canvasElement);
    await expect(form.getByRole('group', { name: '등록 방법' })).toBeVisible();
    await expect(form.getAllByRole('combobox', { name: '등록 시점' })[1]).toHaveDisplayValue(
      '이벤트가 기록될 때',
    );
    await expect(form.getByRole('checkbox', { name: '조건을 충족할 때만' })).toBeChecked();
    await expect(form.getByRole('combobox', { name: '필드 또는 이벤트' })).toHaveDisplayValue(
      '언어',
    );
    await expect(form.getByRole('button', { name: '트리거 2 삭제' })).toBeVisible();
  },
};
