import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { expectFocusRing, problemCodes } from './expect-field.ts';
import { MessageFormFrame } from './MessageFormFrame.tsx';

/** A new task step, as the palette adds it. */
const NEW_TASK = { kind: 'call', title: '' };

const FILLED = {
  kind: 'manual_email',
  title: '{{고객명}}님께 견적서 후속 메일',
  note: '지난주 보낸 견적서를 열어 봤는지 확인하고, 할인 조건을 안내하세요.',
  assignee: 'minji@acme.kr',
  waitForCompletion: true,
};

const BROKEN = { kind: 'call', title: '{{ 고객명 ', assignee: 'minji', due: 'tomorrow' };

const meta = {
  title: 'Forms/Task',
  component: MessageFormFrame,
  parameters: { layout: 'padded' },
  args: { type: 'task', data: NEW_TASK, onChange: fn() },
} satisfies Meta<typeof MessageFormFrame>;
export default meta;
type Story = StoryObj<typeof meta>;

/** A new call task: fields named, written as typed and chosen, from the keyboard too. */
export const Empty: Story = {
  play: async ({ canvasElement, args }) => {
    const form = within(canvasElement);
    await expect(form.getByRole('combobox', { name: 'Kind' })).toHaveDisplayValue('Call');
    const title = form.getByRole('textbox', { name: 'Title' });
    await expect(problemCodes(title)).toEqual(['invalid_value']);
    await expect(form.getByRole('combobox', { name: 'Assignee' })).toHaveDisplayValue(
      'The contact’s owner',
    );
    const wait = form.getByRole('checkbox', { name: 'Wait for completion' });
    await expect(wait).not.toBeChecked();

    await userEvent.type(title, '{{{{고객명}}님께 전화');
    await expect(args.onChange).toHaveBeenLastCalledWith(
      { kind: 'call', title: '{{고객명}}님께 전화' },
      'title',
    );
    await expect(problemCodes(title)).toEqual([]);

    // Someone else: an address field appears, flagged until it holds an address.
    await userEvent.selectOptions(form.getByRole('combobox', { name: 'Assignee' }), 'email');
    const address = form.getByRole('textbox', { name: 'Assignee’s email address' });
    await expect(problemCodes(address)).toEqual(['invalid_value']);
    await userEvent.type(address, 'minji@acme.kr');
    await expect(problemCodes(address)).toEqual([]);

    wait.focus();
    await expectFocusRing(wait);
    await userEvent.keyboard(' ');
    await expect(args.onChange).toHaveBeenLastCalledWith(
      {
        kind: 'call',
        title: '{{고객명}}님께 전화',
        assignee: 'minji@acme.kr',
        waitForCompletion: true,
      },
      'waitForCompletion',
    );
  },
};

/** Every field set. */
export const Filled: Story = {
  args: { data: FILLED },
  play: async ({ canvasElement, args }) => {
    const form = within(canvasElement);
    await expect(form.getByRole('combobox', { name: 'Kind' })).toHaveDisplayValue('Manual email');
    await expect(form.getByRole('textbox', { name: 'Title' })).toHaveValue(FILLED.title);
    await expect(form.getByRole('textbox', { name: 'Note' })).toHaveValue(FILLED.note);
    await expect(form.getByRole('combobox', { name: 'Assignee' })).toHaveValue('email');
    await expect(form.getByRole('textbox', { name: 'Assignee’s email address' })).toHaveValue(
      'minji@acme.kr',
    );
    await expect(form.getByRole('checkbox', { name: 'Wait for completion' })).toBeChecked();
    await expect(canvasElement.querySelectorAll('[data-testid="field-problem"]')).toHaveLength(0);

    await userEvent.selectOptions(form.getByRole('combobox', { name: 'Kind' }), 'todo');
    await expect(args.onChange).toHaveBeenLastCalledWith({ ...FILLED, kind: 'todo' }, 'kind');
    await userEvent.clear(form.getByRole('textbox', { name: 'Note' }));
    const { note: _, ...withoutNote } = FILLED;
    await expect(args.onChange).toHaveBeenLastCalledWith({ ...withoutNote, kind: 'todo' }, 'note');
  },
};

/** A hand-edited file: an unclosed variable, an assignee that is no address, an unknown property. */
export const WithErrors: Story = {
  args: { data: BROKEN },
  play: async ({ canvasElement }) => {
    const form = within(canvasElement);
    await expect(problemCodes(form.getByRole('textbox', { name: 'Title' }))).toEqual([
      'liquid_syntax',
    ]);
    await expect(
      problemCodes(form.getByRole('textbox', { name: 'Assignee’s email address' })),
    ).toEqual(['invalid_value']);
    const top = form.getByRole('region', { name: 'Problems with this step' });
    await expect(top).toHaveTextContent('Unknown property');
    await expect(top).toHaveTextContent('due');
  },
};

/** In Korean. */
export const Korean: Story = {
  globals: { locale: 'ko' },
  args: { data: BROKEN },
  play: async ({ canvasElement }) => {
    const form = within(canvasElement);
    await expect(form.getByRole('combobox', { name: '종류' })).toHaveDisplayValue('전화');
    const title = form.getByRole('textbox', { name: '제목' });
    await expect(title.closest('.field')).toHaveTextContent('템플릿 문법 오류');
    await expect(form.getByRole('textbox', { name: '메모' })).toHaveValue('');
    await expect(form.getByRole('combobox', { name: '담당자' })).toHaveDisplayValue(
      '다른 사람 (이메일 주소)',
    );
    await expect(form.getByRole('textbox', { name: '담당자 이메일 주소' })).toHaveValue('minji');
    await expect(form.getByRole('checkbox', { name: '완료될 때까지 대기' })).not.toBeChecked();
    await expect(form.getByRole('region', { name: '이 단계의 문제' })).toHaveTextContent(
      '알 수 없는 속성',
    );
  },
};
