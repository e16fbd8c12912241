import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { api } from './support/api.ts';
import { artifact } from './support/chromium.ts';
import { builderPage } from './support/page.ts';

/**
 * Publishing a new version while enrollees wait, through the real `pnpm start` and its worker:
 * a sequence with two long delays is published as version 1 in the builder, contacts are
 * enrolled through the API and the worker walks them to the delays; then in the builder both
 * delays are deleted and another added, and Publish shows each removed step with the enrollees
 * waiting there. Those of one step are moved to the new delay, those of the other stay on
 * version 1; the dialog says so, and the API shows them where the choice put them.
 */
const builder = builderPage();
const { node, nodeIds, palette } = builder;

/** The canvas's links by their accessible names ("Link from route (Yes) to hello"). */
const linkNames = (page: Page) =>
  page
    .locator('.react-flow__edge')
    .evaluateAll((els) => els.map((el) => el.getAttribute('aria-label') ?? ''));

interface Enrollment {
  id: string;
  contactId: string;
  status: string;
  node: string | null;
  version: number;
}

/** Where each contact's enrollment is, as the API lists them: `node@vN status`. */
async function whereAre(id: string, contactIds: string[]): Promise<string[]> {
  const rows = await api<Enrollment[]>('GET', `/sequences/${id}/enrollments`);
  return contactIds.map((contactId) => {
    const row = rows.find((r) => r.contactId === contactId);
    return row ? `${row.node}@v${row.version} ${row.status}` : 'not enrolled';
  });
}

/**
 * Entry → a condition on the contact's group → yes: wait 30 days; no: wait 20 days → one email
 * for both. Nobody gets past the delays during the test.
 */
function waitingSequence(id: string) {
  const position = (x: number, y: number) => ({ x, y });
  return {
    format: 'nudge.sequence/v1',
    id,
    name: `Renewal reminder ${id}`,
    settings: { timezone: 'Asia/Seoul' },
    nodes: [
      {
        id: 'start',
        type: 'entry',
        position: position(0, 0),
        data: { triggers: [{ kind: 'manual' }] },
      },
      {
        id: 'route',
        type: 'condition',
        position: position(0, 140),
        data: { rule: { field: 'contact.attributes.group', op: 'eq', value: 'a' } },
      },
      {
        id: 'wait-a',
        type: 'delay',
        position: position(-160, 280),
        data: { amount: 30, unit: 'days' },
      },
      {
        id: 'wait-b',
        type: 'delay',
        position: position(160, 280),
        data: { amount: 20, unit: 'days' },
      },
      {
        id: 'hello',
        type: 'email',
        position: position(0, 420),
        data: {
          subject: 'Your renewal, {{ contact.name }}',
          body: 'It is time to renew.',
          format: 'text',
          mode: 'auto',
        },
      },
    ],
    edges: [
      { id: 'e1', source: 'start', target: 'route' },
      { id: 'e2', source: 'route', sourceHandle: 'yes', target: 'wait-a' },
      { id: 'e3', source: 'route', sourceHandle: 'no', target: 'wait-b' },
      { id: 'e4', source: 'wait-a', target: 'hello' },
      { id: 'e5', source: 'wait-b', target: 'hello' },
    ],
  };
}

describe('publishing a new version while enrollees wait, served by pnpm start', () => {
  it('shows who waits at each removed step, moves one step’s enrollees where chosen and keeps the other’s on version 1', async () => {
    const { page } = builder;
    const id = `renewal-${Date.now()}`;
    await api('POST', '/sequences', waitingSequence(id));

    // Open it from the server (giving the API token when asked) and publish version 1.
    await page.getByRole('button', { name: 'Open from server' }).click();
    await page.getByLabel('API token', { exact: true }).fill(inject('apiToken'));
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByTestId('open-dialog').locator(`[data-id="${id}"]`).click();
    await expect.poll(nodeIds).toEqual(['start', 'route', 'wait-a', 'wait-b', 'hello']);
    await page.getByRole('button', { name: 'Publish' }).click();
    const publish = page.getByTestId('publish-dialog');
    await publish.getByRole('button', { name: 'Publish version 1' }).click();
    await expect
      .poll(() => publish.getByTestId('publish-result').getAttribute('data-version'))
      .toBe('1');
    await publish.getByRole('button', { name: 'Done' }).click();

    // Three contacts enrolled through the API: two of group a, one of group b.
    const stamp = Date.now();
    const { ids } = await api<{ ids: string[] }>('POST', '/contacts', {
      contacts: [
        { email: `ana-${stamp}@example.com`, name: 'Ana', attributes: { group: 'a' } },
        { email: `bo-${stamp}@example.com`, name: 'Bo', attributes: { group: 'a' } },
        { email: `cy-${stamp}@example.com`, name: 'Cy', attributes: { group: 'b' } },
      ],
    });
    const enrolled = await api<{ enrolled: number }>('POST', `/sequences/${id}/enrollments`, {
      contactIds: ids,
    });
    expect(enrolled.enrolled).toBe(3);
    // The worker walks each to its delay, where it waits.
    await expect
      .poll(() => whereAre(id, ids), { timeout: 30_000 })
      .toEqual(['wait-a@v1 active', 'wait-a@v1 active', 'wait-b@v1 active']);

    // In the builder: delete both delays (each path is bridged to the email), and put a new
    // delay of one day on the condition's "yes" path.
    await node('wait-a').click();
    await page.keyboard.press('Delete');
    await node('wait-b').click();
    await page.keyboard.press('Delete');
    await expect.poll(nodeIds).toEqual(['start', 'route', 'hello']);
    await expect
      .poll(() => linkNames(page))
      .toEqual([
        'Link from start to route',
        'Link from route (Yes) to hello',
        'Link from route (No) to hello',
      ]);
    await node('route').click();
    await palette().getByRole('button', { name: 'Delay', exact: true }).click();
    await expect.poll(nodeIds).toEqual(['start', 'route', 'hello', 'delay-1']);
    await expect.poll(builder.errorCount).toBe('0 errors');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => page.locator('header.app__bar').textContent()).toContain('Saved');

    // Publish: each removed step with how many wait there, and a choice for each.
    await page.getByRole('button', { name: 'Publish' }).click();
    await expect.poll(() => publish.getByTestId('publish-removed').locator('li').count()).toBe(2);
    const removed = (stepId: string) =>
      publish.getByTestId('publish-removed').locator(`li[data-step-id="${stepId}"]`);
    expect(await removed('wait-a').getByTestId('publish-waiting').textContent()).toBe(
      '2 enrollees wait here',
    );
    expect(await removed('wait-b').getByTestId('publish-waiting').textContent()).toBe(
      '1 enrollee waits here',
    );
    expect(await publish.getByTestId('publish-added').textContent()).toContain('delay-1');
    expect(await publish.getByTestId('publish-in-progress').textContent()).toBe(
      '3 enrollees are going through the sequence now.',
    );
    expect(await publish.getByTestId('publish-move').isChecked()).toBe(true);

    // The selects are named by the step and its count; each offers staying, or the new delay.
    const mapA = publish.getByRole('combobox', { name: /^2 at Delay · wait-a/ });
    const mapB = publish.getByRole('combobox', { name: /^1 at Delay · wait-b/ });
    expect(await mapA.locator('option').allTextContents()).toEqual([
      'Stay on version 1 and finish its path',
      expect.stringMatching(/^Move to Delay · delay-1/),
    ]);
    expect(await mapB.inputValue()).toBe('');
    const moveTo = (await mapA.locator('option').nth(1).textContent()) as string;
    await mapA.selectOption({ label: moveTo });
    await mapB.selectOption({ label: 'Stay on version 1 and finish its path' });
    await page.screenshot({ path: artifact('builder-publish-mapping.png') });

    await publish.getByRole('button', { name: 'Publish version 2' }).click();
    const result = publish.getByTestId('publish-result');
    await expect.poll(() => result.getAttribute('data-version')).toBe('2');
    expect(await result.getByTestId('publish-moved').textContent()).toBe(
      '2 enrollees moved to version 2.',
    );
    const stayed = result.getByTestId('publish-stayed');
    expect(await stayed.locator('p').textContent()).toBe('1 enrollee stayed on their version:');
    expect(await stayed.locator('li').allTextContents()).toEqual([
      '1 × step wait-b is not in version 2, and no step was chosen for it',
    ]);
    await page.screenshot({ path: artifact('builder-published-moved.png') });
    await publish.getByRole('button', { name: 'Done' }).click();

    // The API agrees: group a waits at the new delay in version 2, Cy still at wait-b in 1.
    expect(await whereAre(id, ids)).toEqual([
      'delay-1@v2 active',
      'delay-1@v2 active',
      'wait-b@v1 active',
    ]);
    const version2 = await api<{ nodes: Array<{ id: string }> }>('GET', `/sequences/${id}/export`);
    expect(version2.nodes.map((n) => n.id)).toEqual(['start', 'route', 'hello', 'delay-1']);
  });
});
