import { TemplatePicker } from '@nudge/editor';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';

/*
 * The picker as it sits atop a message step's settings (issue 14 §1a): a linked step's badge
 * and Unlink, and Save as template… with the server's refusal said in the dialog. The library
 * and the save are stand-ins for the API (tested against it on the server).
 */

const meta = {
  title: 'Templates/Template picker',
  component: TemplatePicker,
  args: {
    channel: 'sms',
    data: { body: '내일 뵙겠습니다', mode: 'auto' },
    onChange: fn(),
    token: 'story-token',
    load: async () => ({ templates: [], starters: [] }),
  },
} satisfies Meta<typeof TemplatePicker>;
export default meta;
type Story = StoryObj<typeof meta>;

/** A step with no link: the two buttons, nothing else. */
export const Unlinked: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('button', { name: 'Choose template…' })).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Save as template…' })).toBeVisible();
    await expect(canvas.queryByTestId('template-link-badge')).toBeNull();
  },
};

/** A linked step, in Korean: the template's name, what linking means, and Unlink. */
export const LinkedKorean: Story = {
  globals: { locale: 'ko' },
  args: {
    data: {
      body: '내일 뵙겠습니다',
      mode: 'auto',
      template: { id: '2f8e8a34-3c1e-4a0f-9d65-6f0e7d1b2c11', name: '리마인더 문자' },
    },
  },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByTestId('template-link-badge')).toHaveTextContent(
      '템플릿 “리마인더 문자”에 연결됨',
    );
    await userEvent.click(
      canvas.getByRole('button', { name: '내용은 그대로 두고 이 단계와 템플릿의 연결을 해제' }),
    );
    await expect(args.onChange).toHaveBeenCalledWith({ body: '내일 뵙겠습니다', mode: 'auto' });
  },
};

/** Save as template…, refused by the server: the reason in the dialog, nothing changed. */
export const SaveRefused: Story = {
  args: {
    save: async () => {
      throw new Error('the template is not valid: "name" must be a text of 1 to 100 characters');
    },
  },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Save as template…' }));
    const dialog = within(await within(document.body).findByTestId('save-template-dialog'));
    await expect(dialog.getByRole('textbox', { name: 'Name' })).toHaveFocus();
    await userEvent.type(dialog.getByRole('textbox', { name: 'Name' }), '방문 리마인더');
    await userEvent.click(dialog.getByRole('button', { name: 'Save template' }));
    await expect(await dialog.findByRole('alert')).toHaveTextContent(
      'The template was not saved: the template is not valid',
    );
    await expect(args.onChange).not.toHaveBeenCalled();
  },
};
