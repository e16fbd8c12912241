import { act, useState } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from '../i18n/i18n.ts';
import type { LibraryTemplate } from './apply.ts';
import type { LoadLibrary, NewTemplate, SaveToLibrary } from './library-client.ts';
import { TemplatePicker } from './TemplatePicker.tsx';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/*
 * The picker as an author meets it in an SMS step's settings: choose, link, see the badge,
 * unlink; copy a starter; asked for a token when there is none. The library is a stand-in for
 * the server (library-client.ts is the API's; the server's tests run the routes).
 */

const reminder: LibraryTemplate = {
  id: '2f8e8a34-3c1e-4a0f-9d65-6f0e7d1b2c11',
  channel: 'sms',
  name: '리마인더 문자',
  tags: ['리마인더'],
  content: { body: '내일 뵙겠습니다' },
};
const starter: LibraryTemplate = {
  key: 'sms-reminder-en',
  channel: 'sms',
  name: 'Reminder text',
  tags: [],
  content: { body: 'See you tomorrow' },
};

let root: Root | undefined;
let host: HTMLElement;
afterEach(() => {
  act(() => root?.unmount());
  root = undefined;
  host.remove();
});

/** An SMS step's data, kept as its form keeps it, with the picker on it. */
function Step({
  load,
  save,
  token,
  changes,
}: {
  load: LoadLibrary;
  save?: SaveToLibrary;
  token: string | null;
  changes: object[];
}) {
  const [data, setData] = useState<object>({ body: 'my own text', mode: 'auto' });
  return (
    <TemplatePicker
      channel="sms"
      data={data}
      load={load}
      {...(save ? { save } : {})}
      token={token}
      onChange={(next) => {
        changes.push(next);
        setData(next);
      }}
    />
  );
}

async function render(load: LoadLibrary, token: string | null, save?: SaveToLibrary) {
  await i18n.changeLanguage('en');
  const changes: object[] = [];
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  await act(async () => {
    root?.render(
      <I18nextProvider i18n={i18n}>
        <Step load={load} token={token} changes={changes} {...(save ? { save } : {})} />
      </I18nextProvider>,
    );
  });
  return changes;
}

const byName = (name: string) => {
  const found = [...document.querySelectorAll('button')].find(
    (b) => (b.getAttribute('aria-label') ?? b.textContent) === name,
  );
  if (!found) throw new Error(`no button "${name}" in: ${document.body.textContent}`);
  return found;
};
const click = (name: string) => act(async () => byName(name).click());
/** Past the dialog's 200 ms pause before it asks the library. */
const settle = () => act(async () => new Promise((resolve) => setTimeout(resolve, 250)));

describe('TemplatePicker', () => {
  it('links a workspace template, shows its name, and unlinks keeping the content', async () => {
    const asked: string[] = [];
    const changes = await render(async (token, channel) => {
      asked.push(`${token} ${channel}`);
      return { templates: [reminder], starters: [starter] };
    }, 'tok');
    await click('Choose template…');
    await settle();
    expect(asked).toEqual(['tok sms']);
    expect(document.body.textContent).toContain('Starter templates');
    await click('Link this step to “리마인더 문자”');
    expect(changes.at(-1)).toEqual({
      body: '내일 뵙겠습니다',
      mode: 'auto',
      template: { id: reminder.id, name: '리마인더 문자' },
    });
    expect(document.querySelector('[data-testid="template-dialog"]')).toBeNull();
    const badge = host.querySelector('[data-testid="template-link-badge"]');
    expect(badge?.textContent).toContain('Linked to template “리마인더 문자”');
    await click('Unlink this step from its template, keeping its content');
    expect(changes.at(-1)).toEqual({ body: '내일 뵙겠습니다', mode: 'auto' });
    expect(host.querySelector('[data-testid="template-link-badge"]')).toBeNull();
  });

  it('copies a starter, which has no link to offer', async () => {
    const changes = await render(async () => ({ templates: [], starters: [starter] }), 'tok');
    await click('Choose template…');
    await settle();
    expect(document.body.textContent).toContain('no template of this kind yet');
    expect(() => byName('Link this step to “Reminder text”')).toThrow();
    await click('Copy “Reminder text” into this step');
    expect(changes).toEqual([{ body: 'See you tomorrow', mode: 'auto' }]);
  });

  it('asks for a token first, and says why the library could not be read', async () => {
    await render(async () => {
      throw new Error('the server is down');
    }, null);
    await click('Choose template…');
    expect(document.querySelector('[data-testid="token-form"]')?.textContent).toContain(
      'Templates are kept on the Nudge server',
    );
    await act(async () => root?.unmount());
    root = undefined;
    host.remove();
    await render(async () => {
      throw new Error('the server is down');
    }, 'tok');
    await click('Choose template…');
    await settle();
    expect(document.querySelector('[role="alert"]')?.textContent).toContain('the server is down');
  });

  it('saves the step’s content as a template, and links the step to it', async () => {
    const sent: NewTemplate[] = [];
    const changes = await render(
      async () => ({ templates: [], starters: [] }),
      'tok',
      async (_token, template) => {
        sent.push(template);
        return { ...template, id: reminder.id as string };
      },
    );
    await click('Save as template…');
    const dialog = document.querySelector('[data-testid="save-template-dialog"]');
    const [name, tags] = [
      ...(dialog?.querySelectorAll('input:not([type])') ?? []),
    ] as HTMLInputElement[];
    await type(name as HTMLInputElement, '내 문자');
    await type(tags as HTMLInputElement, '리마인더, 방문');
    await click('Save template');
    await settle();
    expect(sent).toEqual([
      {
        channel: 'sms',
        name: '내 문자',
        tags: ['리마인더', '방문'],
        content: { body: 'my own text' },
      },
    ]);
    expect(changes.at(-1)).toEqual({
      body: 'my own text',
      mode: 'auto',
      template: { id: reminder.id, name: '내 문자' },
    });
    expect(host.querySelector('[data-testid="template-link-badge"]')?.textContent).toContain(
      '내 문자',
    );
  });
});

const type = (input: HTMLInputElement, value: string) =>
  act(async () => {
    // React listens to the native setter's input event.
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
