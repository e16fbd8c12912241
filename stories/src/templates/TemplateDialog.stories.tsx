import { type LibraryTemplate, TemplateDialog } from '@nudge/editor';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';

/*
 * The template dialog of a message step (issue 14 §1a), with the library as the server would
 * answer: the workspace's templates and the starters of the step's channel. The API itself is
 * tested on the server; here is what the author sees and does.
 */

type Library = Awaited<ReturnType<NonNullable<Parameters<typeof TemplateDialog>[0]['load']>>>;

const welcome: LibraryTemplate = {
  id: '5b0c9a5e-8f7d-4a53-9a0e-2f1d1c7b9e11',
  channel: 'email',
  name: '환영 메일',
  tags: ['환영', '온보딩'],
  content: {
    subject: '{{ 고객명 | default: "고객" }}님, 반갑습니다',
    body: '<p>안녕하세요</p>',
    format: 'html',
  },
};
const meeting: LibraryTemplate = {
  id: '0e7f1c52-3b7a-4d8e-8f0c-1b2a3c4d5e6f',
  channel: 'email',
  name: 'Meeting request',
  tags: ['meeting'],
  content: { subject: 'A 20-minute call?', body: '<p>Hi there</p>', format: 'html' },
};
const starter: LibraryTemplate = {
  key: 'email-follow-up-en',
  channel: 'email',
  name: 'Follow-up email',
  tags: ['follow-up'],
  content: { body: '<p>Did you get a chance to read my last email?</p>', format: 'html' },
};

const answer =
  (library: Library) =>
  async (_token: string, _channel: string, query: string): Promise<Library> => {
    const q = query.trim().toLowerCase();
    const match = (t: LibraryTemplate) =>
      q === '' || t.name.toLowerCase().includes(q) || t.tags.includes(q);
    return { templates: library.templates.filter(match), starters: library.starters.filter(match) };
  };

const meta = {
  title: 'Templates/Template dialog',
  component: TemplateDialog,
  parameters: { layout: 'fullscreen' },
  args: {
    channel: 'email',
    token: 'story-token',
    onChoose: fn(),
    onClose: fn(),
    load: answer({ templates: [welcome, meeting], starters: [starter] }),
  },
} satisfies Meta<typeof TemplateDialog>;
export default meta;
type Story = StoryObj<typeof meta>;

const dialogOf = async (canvasElement: HTMLElement) =>
  within(await within(canvasElement).findByTestId('template-dialog'));

/** The workspace's templates and the starters; searching narrows both; Link chooses. */
export const Filled: Story = {
  play: async ({ canvasElement, args }) => {
    const dialog = await dialogOf(canvasElement);
    await expect(await dialog.findByText('환영 메일')).toBeVisible();
    await expect(dialog.getByText('Follow-up email')).toBeVisible();
    await expect(dialog.getByRole('searchbox', { name: 'Search by name or tag' })).toHaveFocus();
    // A starter can be copied, never linked.
    await expect(
      dialog.queryByRole('button', { name: 'Link this step to “Follow-up email”' }),
    ).toBeNull();
    await userEvent.type(dialog.getByRole('searchbox'), 'meeting');
    await expect(await dialog.findByText('Meeting request')).toBeVisible();
    await expect(dialog.queryByText('환영 메일')).toBeNull();
    await userEvent.click(
      dialog.getByRole('button', { name: 'Link this step to “Meeting request”' }),
    );
    await expect(args.onChoose).toHaveBeenCalledWith(meeting, 'link');
    await expect(args.onClose).toHaveBeenCalled();
  },
};

/** A workspace with no template yet: the starters, to copy. In Korean. */
export const EmptyKorean: Story = {
  globals: { locale: 'ko' },
  args: { load: answer({ templates: [], starters: [starter] }) },
  play: async ({ canvasElement, args }) => {
    const dialog = await dialogOf(canvasElement);
    await expect(
      await dialog.findByText('이 워크스페이스에는 아직 이 종류의 템플릿이 없습니다.'),
    ).toBeVisible();
    await expect(dialog.getByRole('heading', { name: '기본 제공 템플릿' })).toBeVisible();
    await userEvent.click(
      dialog.getByRole('button', { name: '“Follow-up email”을(를) 이 단계에 복사' }),
    );
    await expect(args.onChoose).toHaveBeenCalledWith(starter, 'copy');
  },
};

/** The server could not be read: the reason, said where the list would be. */
export const WithError: Story = {
  args: {
    load: async () => {
      throw new Error('the server did not answer');
    },
  },
  play: async ({ canvasElement }) => {
    const dialog = await dialogOf(canvasElement);
    await expect(await dialog.findByRole('alert')).toHaveTextContent(
      'The templates could not be read: the server did not answer',
    );
  },
};

/** No token yet: the dialog asks for one, and says what it is for. */
export const NeedsToken: Story = {
  args: { token: null },
  play: async ({ canvasElement }) => {
    const dialog = await dialogOf(canvasElement);
    await expect(dialog.getByTestId('token-form')).toHaveTextContent(
      'Templates are kept on the Nudge server',
    );
  },
};
