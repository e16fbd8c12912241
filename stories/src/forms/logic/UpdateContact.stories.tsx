import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { allProblemCodes, expectAllNamed, expectFocusRing } from './expect-form.ts';
import { LogicFormFrame } from './LogicFormFrame.tsx';

const FILLED = {
  set: {
    'contact.title': '대표이사',
    'contact.attributes.lead_score': 80,
    'contact.attributes.trial': false,
    'contact.owner.email': null,
  },
  addTags: ['고객', 'vip'],
  removeTags: ['lead'],
};

/** A hand-edited file: tags set as a field, an empty tag. */
const BROKEN = { set: { 'contact.tags': 'vip' }, addTags: [''] };

const meta = {
  title: 'Forms/Update contact',
  component: LogicFormFrame,
  parameters: { layout: 'padded' },
  // A new update, as the palette adds it: nothing to do yet.
  args: { type: 'update_contact', data: {}, onChange: fn() },
} satisfies Meta<typeof LogicFormFrame>;
export default meta;
type Story = StoryObj<typeof meta>;

/** A new update: the form says it does nothing yet; a field to set, and a tag by Enter. */
export const Empty: Story = {
  play: async ({ canvasElement, args }) => {
    const form = within(canvasElement);
    await expectAllNamed(canvasElement);
    await expect(canvasElement).toHaveTextContent('this step does nothing yet');
    await expect(allProblemCodes(canvasElement)).toEqual(['invalid_value']);
    await userEvent.click(form.getByRole('button', { name: '+ Add field to set' }));
    const row = form.getByRole('group', { name: 'Field 1' });
    await userEvent.selectOptions(within(row).getByRole('combobox', { name: 'Field' }), 'Company');
    await userEvent.type(within(row).getByRole('textbox', { name: 'New value' }), '넛지랩');
    await expect(args.onChange).toHaveBeenLastCalledWith(
      { set: { 'contact.company': '넛지랩' } },
      'set.0.value',
    );
    await waitFor(() => expect(allProblemCodes(canvasElement)).toEqual([]));

    const added = form.getByRole('group', { name: 'Tags to add' });
    const tag = within(added).getByRole('textbox', { name: 'Tag' });
    await userEvent.click(tag);
    await expectFocusRing(tag);
    await userEvent.type(tag, 'vip{Enter}');
    await expect(args.onChange).toHaveBeenLastCalledWith(
      { set: { 'contact.company': '넛지랩' }, addTags: ['vip'] },
      expect.stringMatching(/addTags#add-/),
    );
    await expect(tag).toHaveValue('');
    await expect(
      within(added)
        .getAllByTestId('tag')
        .map((t) => t.textContent),
    ).toEqual(['vip×']);
  },
};

/** Fields of each type, tags to add and remove. */
export const Filled: Story = {
  args: { data: FILLED },
  play: async ({ canvasElement, args }) => {
    const form = within(canvasElement);
    await expectAllNamed(canvasElement);
    await expect(allProblemCodes(canvasElement)).toEqual([]);
    const kinds = form.getAllByRole('combobox', { name: 'Type of value' });
    await expect(kinds.map((k) => (k as HTMLSelectElement).value)).toEqual([
      'text',
      'number',
      'boolean',
      'null',
    ]);
    await expect(
      form
        .getAllByRole('textbox', { name: 'Attribute name' })
        .map((i) => (i as HTMLInputElement).value),
    ).toEqual(['lead_score', 'trial']);
    await userEvent.click(form.getByRole('button', { name: 'Remove tag lead' }));
    const { removeTags, ...rest } = FILLED;
    await expect(args.onChange).toHaveBeenLastCalledWith(rest, expect.any(String));
    await expect(
      within(form.getByRole('group', { name: 'Tags to remove' })).getByText('None'),
    ).toBeVisible();
  },
};

/** The validator's problems, under the row and the list they concern. */
export const WithErrors: Story = {
  args: { data: BROKEN },
  play: async ({ canvasElement }) => {
    const form = within(canvasElement);
    const row = form.getByRole('group', { name: 'Field 1' });
    await expect(allProblemCodes(row)).toEqual(['invalid_value', 'invalid_value']);
    await expect(row).toHaveTextContent('not a writable contact path');
    // The list of fields a step may set has no tags: the path is shown as written.
    await expect(within(row).getByRole('combobox', { name: 'Field' })).toHaveDisplayValue(
      'contact.tags (not a contact field)',
    );
    const added = form.getByRole('group', { name: 'Tags to add' });
    await expect(allProblemCodes(added)).toEqual(['invalid_value']);
    await userEvent.selectOptions(
      within(row).getByRole('combobox', { name: 'Field' }),
      'Job title',
    );
    await waitFor(() => expect(allProblemCodes(row)).toEqual([]));
  },
};

/** In Korean. */
export const Korean: Story = {
  globals: { locale: 'ko' },
  args: { data: FILLED },
  play: async ({ canvasElement }) => {
    const form = within(canvasElement);
    await expectAllNamed(canvasElement);
    await expect(form.getByRole('group', { name: '변경할 필드' })).toBeVisible();
    await expect(form.getAllByRole('combobox', { name: '값의 형식' })[3]).toHaveDisplayValue(
      '비우기',
    );
    await expect(form.getByRole('button', { name: 'vip 태그 삭제' })).toBeVisible();
    await expect(form.getByRole('group', { name: '제거할 태그' })).toHaveTextContent('lead');
  },
};
