import { readFileSync } from 'node:fs';
import type { Download, Locator } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { api, draftOf } from './support/api.ts';
import { artifact } from './support/chromium.ts';
import { builderPage } from './support/page.ts';

/**
 * What goes wrong, through the real `pnpm start` in Chromium: each gives a clear message and
 * loses nothing. A draft changed on the server since the builder loaded it (412 on Save: the
 * conflict dialog, each of its ways out), an id already taken (409: saved as a new sequence),
 * the connection dropping on Save, a link the format forbids drawn on the canvas, and junk or
 * another tool's JSON pasted into the canvas.
 */
const builder = builderPage();
const { node, nodeIds, panel, palette } = builder;

/** Entry → a welcome email → wait 2 days → a follow-up email. */
function welcomeSequence(id: string) {
  const email = (subject: string, body: string) => ({
    subject,
    body,
    format: 'text',
    mode: 'auto',
  });
  return {
    format: 'nudge.sequence/v1',
    id,
    name: `Welcome ${id}`,
    nodes: [
      {
        id: 'start',
        type: 'entry',
        position: { x: 0, y: 0 },
        data: { triggers: [{ kind: 'manual' }] },
      },
      {
        id: 'welcome',
        type: 'email',
        position: { x: 0, y: 140 },
        data: email('Welcome aboard', 'Glad to have you.'),
      },
      {
        id: 'wait-2d',
        type: 'delay',
        position: { x: 0, y: 280 },
        data: { amount: 2, unit: 'days' },
      },
      {
        id: 'follow-up',
        type: 'email',
        position: { x: 0, y: 420 },
        data: email('Any questions?', 'Reply to this email.'),
      },
    ],
    edges: [
      { id: 'e1', source: 'start', target: 'welcome' },
      { id: 'e2', source: 'welcome', target: 'wait-2d' },
      { id: 'e3', source: 'wait-2d', target: 'follow-up' },
    ],
  };
}

const subjectOf = (draft: Awaited<ReturnType<typeof draftOf>>, step: string) =>
  (draft.draft.nodes.find((n) => n.id === step)?.data as { subject?: string } | undefined)?.subject;

/** The canvas's links by their accessible names ("Link from start to welcome"). */
const linkNames = () =>
  builder.page
    .locator('.react-flow__edge')
    .evaluateAll((els) => els.map((el) => el.getAttribute('aria-label') ?? ''));

const header = () => builder.page.locator('header.app__bar');

/** Puts a sequence on the server, and opens it in the builder (the token given when asked). */
async function openFromServer(id: string) {
  const { page } = builder;
  await api('POST', '/sequences', welcomeSequence(id));
  await page.getByRole('button', { name: 'Open from server' }).click();
  await page.getByLabel('API token', { exact: true }).fill(inject('apiToken'));
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByTestId('open-dialog').locator(`[data-id="${id}"]`).click();
  await expect.poll(nodeIds).toEqual(['start', 'welcome', 'wait-2d', 'follow-up']);
  await expect.poll(() => header().textContent()).toContain('Saved');
}

/** Retypes the welcome email's subject in its settings panel. */
async function retypeSubject(subject: string) {
  await node('welcome').click();
  await panel().getByLabel('Subject', { exact: true }).fill(subject);
  await expect.poll(() => header().textContent()).toContain('Unsaved changes');
}

/** Someone else saves the draft through the API meanwhile: it is at revision 2 now. */
async function theyChangeTheDraft(id: string, subject: string) {
  const theirs = welcomeSequence(id);
  (theirs.nodes[1]?.data as { subject: string }).subject = subject;
  await api('PUT', `/sequences/${id}`, theirs, { 'if-match': '"1"' });
  expect((await draftOf(id)).revision).toBe(2);
}

/** Saves, and the server answers 412: the conflict dialog, which names the revision. */
async function saveIntoConflict(id: string) {
  const { page } = builder;
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'The draft changed on the server' });
  await dialog.waitFor();
  expect(await dialog.locator('[data-kind]').getAttribute('data-kind')).toBe('changed');
  expect(await dialog.textContent()).toContain(
    `Someone saved “${id}” on the server since you loaded it; it is now at revision 2. Nothing was overwritten.`,
  );
  return dialog;
}

describe('a draft changed on the server since it was loaded (412 on Save)', () => {
  it('Cancel keeps editing; Overwrite, after its confirmation, saves the copy over theirs', async () => {
    const { page } = builder;
    const id = `conflict-overwrite-${Date.now()}`;
    builder.allowFailedLoad(412, `/api/sequences/${id}`);
    await openFromServer(id);
    await retypeSubject('Mine: welcome aboard');
    await theyChangeTheDraft(id, 'Theirs: welcome aboard');

    const dialog = await saveIntoConflict(id);
    const choices = await dialog.getByRole('button').allTextContents();
    expect(choices).toEqual(['Load theirs', 'Overwrite', 'Cancel']);
    await page.screenshot({ path: artifact('builder-save-conflict.png') });

    // Cancel: nothing saved, the copy still in the builder, theirs on the server.
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await header().textContent()).toContain('Unsaved changes');
    expect(await panel().getByLabel('Subject', { exact: true }).inputValue()).toBe(
      'Mine: welcome aboard',
    );
    expect(subjectOf(await draftOf(id), 'welcome')).toBe('Theirs: welcome aboard');

    // Save again: the same question. Overwrite asks first; Back returns to the choices.
    await saveIntoConflict(id);
    await dialog.getByRole('button', { name: 'Overwrite' }).click();
    expect(await dialog.textContent()).toContain(
      `Overwrite the draft of “${id}” on the server with your copy? The changes saved there will be lost.`,
    );
    await dialog.getByRole('button', { name: 'Back' }).click();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toBe('Overwrite');
    await dialog.getByRole('button', { name: 'Overwrite' }).click();
    await dialog.getByRole('button', { name: 'Yes, overwrite' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    await expect.poll(() => header().textContent()).toContain('Saved');

    const server = await draftOf(id);
    expect(server.revision).toBe(3);
    expect(subjectOf(server, 'welcome')).toBe('Mine: welcome aboard');
    expect(server.draft.nodes.map((n) => n.id)).toEqual([
      'start',
      'welcome',
      'wait-2d',
      'follow-up',
    ]);
  });

  it('Load theirs downloads the copy first, then opens the server’s draft', async () => {
    const { page } = builder;
    const id = `conflict-theirs-${Date.now()}`;
    builder.allowFailedLoad(412, `/api/sequences/${id}`);
    await openFromServer(id);
    await retypeSubject('Mine: welcome aboard');
    await theyChangeTheDraft(id, 'Theirs: welcome aboard');

    const dialog = await saveIntoConflict(id);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('button', { name: 'Load theirs' }).click(),
    ]);
    // The copy, as it was in the builder, under a name that says so.
    expect(download.suggestedFilename()).toBe(`${id}.my-copy.json`);
    const copy = JSON.parse(await downloaded(download));
    expect(copy.nodes[1].data.subject).toBe('Mine: welcome aboard');

    // Theirs is open, saved, and the server's draft is untouched.
    await expect.poll(() => dialog.count()).toBe(0);
    await expect.poll(() => header().textContent()).toContain('Saved');
    await node('welcome').click();
    await expect
      .poll(() => panel().getByLabel('Subject', { exact: true }).inputValue())
      .toBe('Theirs: welcome aboard');
    const server = await draftOf(id);
    expect(server.revision).toBe(2);
    expect(subjectOf(server, 'welcome')).toBe('Theirs: welcome aboard');
  });
});

describe('an id already taken on the server (409 on Save)', () => {
  it('Save as a new sequence gives the copy a free id and leaves the other untouched', async () => {
    const { page } = builder;
    const id = `taken-${Date.now()}`;
    await api('POST', '/sequences', welcomeSequence(id));
    builder.allowFailedLoad(409, '/api/sequences');

    // No token yet: the new sequence's id can't be checked against the server.
    await page.getByRole('button', { name: 'New sequence' }).click();
    await page.getByLabel('Name', { exact: true }).fill('My welcome');
    await page.getByLabel('ID', { exact: true }).fill(id);
    await page.getByRole('button', { name: 'Create' }).click();
    await expect.poll(nodeIds).toEqual(['start']);
    await node('start').click();
    await palette().getByRole('button', { name: 'Delay', exact: true }).click();
    await expect.poll(nodeIds).toEqual(['start', 'delay-1']);

    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByLabel('API token', { exact: true }).fill(inject('apiToken'));
    await page.getByRole('button', { name: 'Continue' }).click();
    const dialog = page.getByRole('dialog', { name: 'This ID is taken on the server' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain(
      `A sequence with the ID “${id}” is already on the server. Nothing was overwritten.`,
    );
    expect(await dialog.getByRole('button').allTextContents()).toEqual([
      'Load theirs',
      'Overwrite',
      'Save as a new sequence',
      'Cancel',
    ]);
    await dialog.getByRole('button', { name: 'Save as a new sequence' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    await expect.poll(() => header().textContent()).toContain(`On the server: ${id}-2`);
    expect(await header().textContent()).toContain('Saved');

    const mine = await draftOf(`${id}-2`);
    expect(mine.name).toBe('My welcome');
    expect(mine.draft.nodes.map((n) => n.id)).toEqual(['start', 'delay-1']);
    const theirs = await draftOf(id);
    expect(theirs.revision).toBe(1);
    expect(theirs.draft.nodes.map((n) => n.id)).toEqual([
      'start',
      'welcome',
      'wait-2d',
      'follow-up',
    ]);
  });
});

describe('the connection dropping on Save', () => {
  it('says nothing was changed on the server, and the working copy survives a reload', async () => {
    const { page } = builder;
    const id = `offline-${Date.now()}`;
    await openFromServer(id);
    await retypeSubject('Written on a train');
    builder.allowNetworkError('net::ERR_INTERNET_DISCONNECTED', `/api/sequences/${id}`);

    // The network goes: every call to the sequences API fails without an answer.
    await page.route('**/api/sequences/**', (route) => route.abort('internetdisconnected'));
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    const notice = page.getByTestId('document-notice');
    await expect.poll(() => notice.getAttribute('data-kind')).toBe('offline');
    expect(await notice.getByRole('paragraph').textContent()).toBe(
      'No answer from the server (the connection dropped): nothing was changed there. Your changes are kept in this browser; try again when the connection is back.',
    );
    expect(await header().textContent()).toContain('Unsaved changes');
    await page.screenshot({ path: artifact('builder-save-offline.png') });
    expect(subjectOf(await draftOf(id), 'welcome')).toBe('Welcome aboard');

    // Back online, the page reloaded: the working copy is there, still unsaved; Save works.
    await page.unroute('**/api/sequences/**');
    await page.reload();
    await expect.poll(nodeIds).toEqual(['start', 'welcome', 'wait-2d', 'follow-up']);
    await expect.poll(() => header().textContent()).toContain('Unsaved changes');
    await node('welcome').click();
    expect(await panel().getByLabel('Subject', { exact: true }).inputValue()).toBe(
      'Written on a train',
    );
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => header().textContent()).toContain('Saved');
    const server = await draftOf(id);
    expect(server.revision).toBe(2);
    expect(subjectOf(server, 'welcome')).toBe('Written on a train');
  });
});

describe('a link the format forbids, drawn on the canvas', () => {
  /** Drags from a step's outgoing handle to another step's incoming handle, as a person does. */
  async function drawLink(from: string, to: string) {
    const { page } = builder;
    const source = await stillCentre(node(from).locator('.react-flow__handle.source'));
    const target = await stillCentre(node(to).locator('.react-flow__handle.target'));
    await page.mouse.move(source.x, source.y);
    await page.mouse.down();
    await page.mouse.move(source.x + 30, source.y + 40, { steps: 5 });
    await page.mouse.move(target.x, target.y, { steps: 10 });
    // React Flow has found the handle under the pointer before it is let go.
    await node(to).locator('.react-flow__handle.target.connectingto').waitFor();
    await page.mouse.up();
  }

  /** The centre of an element once the canvas has stopped moving it (it pans to a new step). */
  async function stillCentre(handle: Locator): Promise<{ x: number; y: number }> {
    let last = '';
    for (;;) {
      const box = await handle.boundingBox();
      if (!box) throw new Error('the handle is not on the canvas');
      const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
      if (JSON.stringify(centre) === last) return centre;
      last = JSON.stringify(centre);
      await builder.page.waitForTimeout(150);
    }
  }

  it('refuses a loop back to an earlier step and a step leading to itself, saying why, and changes nothing', async () => {
    const { page } = builder;
    await builder.newSequence('Loops');
    await node('start').click();
    await palette().getByRole('button', { name: 'Email', exact: true }).click();
    await palette().getByRole('button', { name: 'Delay', exact: true }).click();
    await expect.poll(nodeIds).toEqual(['start', 'email-1', 'delay-1']);
    const before = (await builder.exported()).text;

    const refusal = page.getByTestId('refusal');
    await drawLink('delay-1', 'email-1');
    await expect.poll(() => refusal.getAttribute('data-code')).toBe('cycle');
    expect(await refusal.textContent()).toContain(
      'That link would loop back to an earlier step; a sequence only moves forward.',
    );
    await page.screenshot({ path: artifact('builder-refused-loop.png') });
    await page.keyboard.press('Escape');
    await expect.poll(() => refusal.count()).toBe(0);

    await drawLink('email-1', 'email-1');
    await expect.poll(() => refusal.getAttribute('data-code')).toBe('self_loop');
    expect(await refusal.textContent()).toContain('A step can’t lead to itself.');
    expect((await builder.exported()).text).toBe(before);
    // Let go on the entry's card (it has no handle to drop on): refused, saying why.
    await page.keyboard.press('Escape');
    await expect.poll(() => refusal.count()).toBe(0);
    const from = await stillCentre(node('delay-1').locator('.react-flow__handle.source'));
    const entry = await node('start').boundingBox();
    if (!entry) throw new Error('the entry is not on the canvas');
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(from.x + 30, from.y + 40, { steps: 5 });
    await page.mouse.move(entry.x + entry.width / 2, entry.y + entry.height / 2, { steps: 10 });
    await page.mouse.up();
    await expect.poll(() => refusal.getAttribute('data-code')).toBe('into_entry');
    expect(await refusal.textContent()).toContain('Nothing can lead into the entry');
    expect((await builder.exported()).text).toBe(before);
    // Nothing to undo but the steps added: the refusals were no edits.
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(nodeIds).toEqual(['start', 'email-1']);
  });

  it('draws a link the format allows, re-pointing the handle it leaves', async () => {
    await builder.newSequence('Shortcut');
    await node('start').click();
    await palette().getByRole('button', { name: 'Delay', exact: true }).click();
    await palette().getByRole('button', { name: 'Email', exact: true }).click();
    await expect.poll(nodeIds).toEqual(['start', 'delay-1', 'email-1']);
    await drawLink('start', 'email-1');
    await expect
      .poll(linkNames)
      .toEqual(['Link from start to email-1', 'Link from delay-1 to email-1']);
    const file = JSON.parse((await builder.exported()).text);
    expect(
      file.edges.map((e: { source: string; target: string }) => `${e.source}→${e.target}`),
    ).toEqual(['start→email-1', 'delay-1→email-1']);
  });
});

describe('pasting what is not Nudge steps into the canvas', () => {
  it('refuses plain text and another tool’s JSON, saying so, and changes nothing', async () => {
    const { page } = builder;
    await builder.newSequence('Paste target');
    await node('start').click();
    await palette().getByRole('button', { name: 'Email', exact: true }).click();
    await expect.poll(nodeIds).toEqual(['start', 'email-1']);
    const before = (await builder.exported()).text;
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    const refusal = page.getByTestId('refusal');

    for (const junk of [
      'Call Mr. Kim back on Tuesday',
      JSON.stringify({ format: 'othertool.flow/v3', nodes: [{ id: 'a', kind: 'mail' }] }),
      JSON.stringify({
        format: 'nudge.sequence/v9',
        name: 'From the future',
        nodes: [],
        edges: [],
      }),
    ]) {
      await page.evaluate((text) => navigator.clipboard.writeText(text), junk);
      await node('email-1').click();
      await page.keyboard.press('Control+V');
      await expect.poll(() => refusal.getAttribute('data-code')).toBe('not_steps');
      expect(await refusal.textContent()).toContain(
        'Nothing was pasted: the clipboard holds no Nudge steps (copy steps in Nudge, or a sequence file’s JSON).',
      );
      await page.keyboard.press('Escape');
      await expect.poll(() => refusal.count()).toBe(0);
      expect(await nodeIds()).toEqual(['start', 'email-1']);
    }
    expect((await builder.exported()).text).toBe(before);
  });
});

async function downloaded(download: Download): Promise<string> {
  const path = await download.path();
  return readFileSync(path, 'utf8');
}
