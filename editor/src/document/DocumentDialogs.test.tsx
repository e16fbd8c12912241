import type { Sequence } from '@nudge/schema';
import coldMailExample from '@nudge/schema/examples/cold-mail.json';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { updateSequence } from '../commands/update-sequence.ts';
import { i18n } from '../i18n/i18n.ts';
import { createSequenceStore } from '../sequence/store.ts';
import { createDocumentActions } from './actions.ts';
import { DocumentDialogs } from './DocumentDialogs.tsx';
import type { ExportedFile } from './export.ts';
import { createDocumentLife } from './life.ts';
import { MemoryServer } from './memory-server.test-support.ts';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/*
 * The dialogs as the person meets them: the 412 choice, clicked through; the new sequence's
 * fields; a failure said in the page. The flows behind them are in actions.test.ts.
 */

let root: Root | undefined;
let host: HTMLElement;

afterEach(() => {
  act(() => root?.unmount());
  root = undefined;
  host.remove();
});

async function setUp() {
  await i18n.changeLanguage('en');
  const server = new MemoryServer();
  const sequences = createSequenceStore();
  const life = createDocumentLife(sequences);
  const downloads: ExportedFile[] = [];
  const actions = createDocumentActions({
    sequences,
    life,
    clientFor: server.clientFor,
    token: { read: () => 'good-token', save: () => {} },
    download: (file) => downloads.push(file),
  });
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  await act(async () => {
    root?.render(
      <I18nextProvider i18n={i18n}>
        <DocumentDialogs actions={actions} />
      </I18nextProvider>,
    );
  });
  return { server, sequences, life, actions, downloads };
}

const button = (name: string) => {
  const found = [...host.querySelectorAll('button')].find((b) => b.textContent === name);
  if (!found) throw new Error(`no button "${name}" in: ${host.textContent}`);
  return found;
};
const click = (name: string) => act(async () => button(name).click());
const type = (input: HTMLInputElement, value: string) =>
  act(async () => {
    // React listens to the native setter's input event.
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
const settle = () => act(async () => new Promise((resolve) => setTimeout(resolve, 0)));

describe('the save conflict dialog', () => {
  async function conflicted() {
    const e = await setUp();
    e.server.put('cold-mail', coldMailExample as unknown as Sequence);
    await act(() => e.actions.load('cold-mail'));
    e.server.put('cold-mail', { ...(coldMailExample as unknown as Sequence), name: 'Theirs' });
    await act(async () => {
      e.sequences.getState().edit((s) => updateSequence(s, { name: 'Mine' }));
    });
    await act(() => e.actions.save());
    return e;
  }

  it('asks, then overwrites only after the overwrite is confirmed', async () => {
    const e = await conflicted();
    const dialog = host.querySelector('[data-testid="save-conflict-dialog"]') as HTMLDialogElement;
    expect(dialog.open).toBe(true);
    expect(dialog.querySelector('[data-kind]')?.getAttribute('data-kind')).toBe('changed');
    expect(dialog.textContent).toContain('it is now at revision 2');
    expect(dialog.getAttribute('aria-labelledby')).toBe(dialog.querySelector('h2')?.id);
    await click('Overwrite');
    expect(e.server.sequences.get('cold-mail')?.draft.name).toBe('Theirs');
    expect(host.textContent).toContain('The changes saved there will be lost');
    await click('Back');
    await click('Overwrite');
    await click('Yes, overwrite');
    await settle();
    expect(e.server.sequences.get('cold-mail')?.draft.name).toBe('Mine');
    expect(host.querySelector('[data-testid="save-conflict-dialog"]')).toBeNull();
    expect(e.life.saveState()).toBe('saved');
  });

  it('closes on Escape as Cancel: nothing saved, the copy kept', async () => {
    const e = await conflicted();
    const dialog = host.querySelector('dialog') as HTMLDialogElement;
    await act(async () => {
      dialog.dispatchEvent(new Event('cancel', { cancelable: true }));
    });
    expect(host.querySelector('dialog')).toBeNull();
    expect(e.sequences.getState().file?.name).toBe('Mine');
    expect(e.server.sequences.get('cold-mail')?.draft.name).toBe('Theirs');
  });

  it('Load theirs downloads mine, then shows theirs', async () => {
    const e = await conflicted();
    expect(host.textContent).toContain('as cold-mail.my-copy.json');
    await click('Load theirs');
    await settle();
    expect(e.downloads.map((d) => d.name)).toEqual(['cold-mail.my-copy.json']);
    expect(e.sequences.getState().file?.name).toBe('Theirs');
  });
});

describe('the new sequence dialog', () => {
  it('derives the id from the name, unique against the server’s, and creates the sequence', async () => {
    const e = await setUp();
    e.server.put('trial-follow-up', {
      ...(coldMailExample as unknown as Sequence),
      id: 'trial-follow-up',
    });
    await act(async () => e.actions.newSequence());
    await settle();
    const dialog = host.querySelector('[data-testid="new-sequence-dialog"]') as HTMLElement;
    expect(dialog.textContent).toContain('Checked against the 1 sequence on the server.');
    const [name, id] = [...dialog.querySelectorAll('input')] as HTMLInputElement[];
    await type(name as HTMLInputElement, 'Trial follow-up');
    expect((id as HTMLInputElement).value).toBe('trial-follow-up-2');
    await click('Create');
    expect(e.sequences.getState().file).toMatchObject({
      id: 'trial-follow-up-2',
      name: 'Trial follow-up',
      nodes: [{ type: 'entry' }],
    });
    expect(host.querySelector('dialog')).toBeNull();
  });

  it('refuses an empty name and an id the format does not allow, saying why beside each', async () => {
    const e = await setUp();
    await act(async () => e.actions.newSequence());
    await settle();
    await click('Create');
    const [name, id] = [...host.querySelectorAll('input')] as HTMLInputElement[];
    expect(name?.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(name?.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      'Give the sequence a name.',
    );
    await type(name as HTMLInputElement, '신규 가입 환영');
    await type(id as HTMLInputElement, 'Welcome KR');
    expect(id?.getAttribute('aria-invalid')).toBe('true');
    expect(host.textContent).toContain('Use lowercase letters (a–z), digits, - and _');
    await click('Create');
    expect(e.sequences.getState().file).toBeNull();
    await type(id as HTMLInputElement, 'welcome-kr');
    await click('Create');
    expect(e.sequences.getState().file).toMatchObject({ id: 'welcome-kr', name: '신규 가입 환영' });
  });
});

describe('a failure', () => {
  it('is said in the page, and dismissed', async () => {
    const e = await setUp();
    await act(async () => e.life.open('cold-mail.json', structuredClone(coldMailExample)));
    e.server.offline = true;
    await act(() => e.actions.save());
    const notice = host.querySelector('[data-testid="document-notice"]');
    expect(notice?.getAttribute('role')).toBe('alert');
    expect(notice?.getAttribute('data-kind')).toBe('offline');
    expect(notice?.textContent).toContain('the connection dropped');
    await click('Dismiss');
    expect(host.querySelector('[data-testid="document-notice"]')).toBeNull();
  });
});
