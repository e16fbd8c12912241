import { App } from '@nudge/editor';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { openWelcome, previewPage, previewStep } from './preview-page.ts';

/**
 * The Preview column in the whole editor: a Korean email for the sample contacts, one without
 * a name and the one-click default; an SMS and an AlimTalk message in phone bubbles; a
 * template that does not render; a contact pasted as JSON; in English and in Korean.
 */
const meta = {
  title: 'Editor/Preview',
  component: App,
  parameters: { layout: 'fullscreen' },
  decorators: [
    (Story) => (
      <div style={{ width: 1400, height: 900 }}>
        <Story />
      </div>
    ),
  ],
  beforeEach: previewPage,
} satisfies Meta<typeof App>;
export default meta;
type Story = StoryObj<typeof meta>;

const subjectOf = (preview: ReturnType<typeof within>) => preview.getByTestId('preview-subject');

export const EmailForEachSample: Story = {
  play: async ({ canvasElement }) => {
    openWelcome(false);
    const preview = await previewStep(canvasElement, 'hello');
    await waitFor(() => expect(subjectOf(preview)).toHaveTextContent('김민지님, 안녕하세요'));
    await expect(preview.getByTestId('preview-from')).toHaveTextContent(
      '넛지 김지훈 <jihoon@nudge.example>',
    );
    const frame = preview.getByTitle('The email as 김민지 receives it') as HTMLIFrameElement;
    await waitFor(() =>
      expect(frame.contentDocument?.body.textContent).toContain('한빛소프트의 도입을 환영합니다.'),
    );
    await expect(preview.getByTestId('preview-links')).toHaveTextContent(
      'https://nudge.example/start',
    );
    await userEvent.click(preview.getByRole('button', { name: 'Plain text' }));
    await expect(preview.getByTestId('preview-plain')).toHaveTextContent(
      '한빛소프트의 도입을 환영합니다.',
    );
    await expect(preview.getByRole('button', { name: 'Plain text' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await userEvent.click(preview.getByRole('button', { name: 'As received' }));
    await userEvent.click(preview.getByRole('button', { name: 'Mobile' }));
    const mobile = preview.getByTitle('The email as 김민지 receives it') as HTMLIFrameElement;
    await waitFor(() => expect(mobile.style.width).toBe('375px'));
  },
};

export const EmptyNameFixedWithADefault: Story = {
  play: async ({ canvasElement }) => {
    openWelcome(false);
    const preview = await previewStep(canvasElement, 'hello');
    await userEvent.click(preview.getByRole('button', { name: 'Next contact' }));
    await waitFor(() => expect(subjectOf(preview)).toHaveTextContent(/^님, 안녕하세요$/));
    const empty = preview.getByTestId('empty-variable');
    await expect(empty).toHaveAttribute('data-name', '고객명');
    await expect(empty).toHaveTextContent('reads contact.name · in subject');
    await expect(within(empty).getByRole('textbox', { name: 'Default for 고객명' })).toHaveValue(
      '고객',
    );
    await userEvent.click(within(empty).getByRole('button', { name: 'Add default' }));
    await waitFor(() => expect(subjectOf(preview)).toHaveTextContent('고객님, 안녕하세요'));
    await expect(preview.getByTestId('empty-variables')).toHaveTextContent(
      'Every variable has a value for this contact.',
    );
  },
};

export const SmsAndAlimTalk: Story = {
  play: async ({ canvasElement }) => {
    openWelcome(false);
    let preview = await previewStep(canvasElement, 'remind');
    await waitFor(() =>
      expect(preview.getByTestId('preview-bubble')).toHaveTextContent(
        '김민지님, 내일 오후 2시 미팅을 잊지 마세요.',
      ),
    );
    await expect(preview.getByTestId('preview-size')).toHaveAttribute('data-class', 'sms');
    await expect(preview.getByTestId('preview-size')).toHaveTextContent('43 bytes · SMS');
    preview = await previewStep(canvasElement, 'notice');
    await waitFor(() => expect(preview.getByTestId('kakao-preview')).toBeVisible());
    await expect(preview.getByRole('list', { name: 'Buttons' })).toHaveTextContent(
      'https://nudge.example/s/sample-kim',
    );
    await expect(
      preview.getByText('If AlimTalk does not reach them, this SMS goes instead'),
    ).toBeVisible();
  },
};

export const InKorean: Story = {
  globals: { locale: 'ko' },
  play: async ({ canvasElement }) => {
    openWelcome(false);
    const preview = await previewStep(canvasElement, 'hello', '미리 보기');
    await waitFor(() => expect(subjectOf(preview)).toHaveTextContent('김민지님, 안녕하세요'));
    await userEvent.click(preview.getByRole('button', { name: '다음 연락처' }));
    await expect(preview.getByTestId('empty-variables')).toHaveTextContent(
      '이 연락처에 값이 없는 변수',
    );
    await expect(preview.getByRole('button', { name: '기본값 추가' })).toBeVisible();
    await expect(preview.getByRole('button', { name: '테스트 발송…' })).toBeVisible();
  },
};

export const TemplateThatDoesNotRender: Story = {
  play: async ({ canvasElement }) => {
    openWelcome(false, { emailBody: '<p>{{ contact.name </p>' });
    const preview = await previewStep(canvasElement, 'hello');
    const failed = await preview.findByTestId('preview-failed');
    await expect(failed).toHaveAttribute('role', 'alert');
    await expect(failed).toHaveTextContent(/^The body cannot be rendered: not a valid template/);
  },
};

export const PastedContact: Story = {
  play: async ({ canvasElement }) => {
    openWelcome(false);
    const preview = await previewStep(canvasElement, 'hello');
    await userEvent.click(preview.getByRole('button', { name: 'Paste JSON…' }));
    const dialog = within(
      await within(canvasElement.ownerDocument.body).findByTestId('paste-contact-dialog'),
    );
    const field = dialog.getByLabelText('Contact as JSON');
    await userEvent.click(field);
    await userEvent.paste('{"name": 5}');
    await userEvent.click(dialog.getByRole('button', { name: 'Use this contact' }));
    await expect(dialog.getByRole('alert')).toHaveTextContent(
      'This contact is not valid: "name" must be',
    );
    await userEvent.clear(field);
    await userEvent.paste(
      '{"id": "c-9", "name": "박지성", "email": "js@example.kr", "company": "맨유"}',
    );
    await userEvent.click(dialog.getByRole('button', { name: 'Use this contact' }));
    await waitFor(() => expect(subjectOf(preview)).toHaveTextContent('박지성님, 안녕하세요'));
    await expect(preview.getByRole('combobox', { name: 'Contact' })).toHaveDisplayValue(
      '박지성 · js@example.kr',
    );
  },
};

export const NotAMessageStep: Story = {
  play: async ({ canvasElement }) => {
    openWelcome(false);
    const preview = await previewStep(canvasElement, 'hello');
    await userEvent.click(
      canvasElement.querySelector('.react-flow__node[data-id="start"]') as HTMLElement,
    );
    await expect(
      await preview.findByText(
        'Preview shows email, SMS and AlimTalk steps: select one on the canvas.',
      ),
    ).toBeVisible();
  },
};
