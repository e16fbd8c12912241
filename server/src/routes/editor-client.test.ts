import { runStep, type StepPayload } from '@nudge/runtime/worker';
import { createTestDatabase } from '@nudge/runtime/worker/testing';
import { describe, expect, it } from 'vitest';
// The editor's client of these routes, run against them: what the editor's own tests read from
// a fake fetch is checked here against the real answers.
import { ApiFailure, httpSequencesClient } from '../../../editor/src/document/api.ts';
import { planPublish } from '../../../editor/src/document/publish-plan.ts';
import { reasonText } from '../../../editor/src/document/publish-reasons.ts';
import { apiOn, createWorkspace } from '../api.test-support.ts';

const { sql } = await createTestDatabase();
const { app, call } = apiOn(sql);
const w = await createWorkspace(sql);
const fetchFn = (async (input: Parameters<typeof fetch>[0], init?: RequestInit) =>
  app.request(String(input), init)) as typeof fetch;
const client = httpSequencesClient(w.tokens.editor, fetchFn);

const follow = (steps: Array<{ id: string; type: string; data: unknown }>) => ({
  format: 'nudge.sequence/v1',
  id: 'follow',
  name: '가입 후속 안내',
  settings: { timezone: 'UTC' },
  nodes: [{ id: 'start', type: 'entry', data: { triggers: [{ kind: 'manual' }] } }, ...steps],
  edges: steps.map((s, i) => ({
    id: `e${i + 1}`,
    source: i === 0 ? 'start' : (steps[i - 1] as { id: string }).id,
    target: s.id,
  })),
});
const mail = (id: string, subject: string) => ({
  id,
  type: 'email',
  data: { subject, body: 'Hello', format: 'text', mode: 'auto' },
});
const delay = (id: string, days: number) => ({
  id,
  type: 'delay',
  data: { amount: days, unit: 'days' },
});

/** The failure a call rejects with. */
async function failureOf(promise: Promise<unknown>): Promise<ApiFailure> {
  const error = await promise.then(
    () => new Error('it did not fail'),
    (e: unknown) => e,
  );
  if (error instanceof ApiFailure) return error;
  throw error;
}

/** Runs the workspace's pending step jobs now, as the worker would (no worker runs here). */
async function runPendingSteps(now: number): Promise<void> {
  for (;;) {
    const [job] = await sql<Array<{ key: string; payload: StepPayload }>>`
      select j.key, j.payload from graphile_worker._private_jobs j
      join graphile_worker._private_tasks t on t.id = j.task_id
      where t.identifier = 'step' and (j.payload->>'workspace') = ${w.id} and j.run_at <= ${new Date(now)}
      order by j.run_at, j.id limit 1`;
    if (!job) return;
    await sql`select graphile_worker.remove_job(${job.key})`;
    await runStep(sql, job.payload, now);
  }
}

describe("the editor's sequences client, against the API", () => {
  const v1 = follow([mail('welcome', 'Welcome'), delay('wait', 3), mail('later', 'Later')]);

  it('creates, lists and loads a draft with its revision', async () => {
    expect(await client.create(v1)).toEqual({ id: 'follow', revision: 1 });
    expect(await client.list()).toEqual([
      {
        id: 'follow',
        name: '가입 후속 안내',
        revision: 1,
        publishedVersion: null,
        updatedAt: expect.any(String),
      },
    ]);
    expect(await client.load('follow')).toMatchObject({
      id: 'follow',
      revision: 1,
      draft: v1,
      published: null,
      publishedStepIds: [],
    });
  });

  it('saves at the revision loaded, and reads a stale save as draft_changed with the revision now', async () => {
    expect(await client.save('follow', { ...v1, name: 'Renamed' }, 1)).toEqual({
      id: 'follow',
      revision: 2,
    });
    const stale = await failureOf(client.save('follow', { ...v1, name: 'Lost?' }, 1));
    expect(stale.kind).toBe('draft_changed');
    expect(stale.currentRevision).toBe(2);
    expect((await client.load('follow')).draft.name).toBe('Renamed');
  });

  it('reads the other refusals: a taken id, an invalid file, a viewer, a bad token, a missing draft', async () => {
    expect((await failureOf(client.create(v1))).kind).toBe('exists');
    const invalid = await failureOf(client.save('follow', { ...v1, nodes: [] }, 2));
    expect(invalid.kind).toBe('invalid');
    expect(invalid.errorCount).toBeGreaterThan(0);
    const viewer = httpSequencesClient(w.tokens.viewer, fetchFn);
    expect((await failureOf(viewer.save('follow', v1, 2))).kind).toBe('not_allowed');
    const stranger = httpSequencesClient('not-a-token', fetchFn);
    expect((await failureOf(stranger.list())).kind).toBe('token_refused');
    const gone = await failureOf(client.save('nowhere', { ...v1, id: 'nowhere' }, 1));
    expect(gone.kind).toBe('draft_changed');
    expect(gone.currentRevision).toBeNull();
    expect((await failureOf(client.load('nowhere'))).kind).toBe('not_found');
  });

  it('publishes a first version: the preview says nothing is published', async () => {
    await client.save('follow', v1, 2);
    const preview = await client.preview('follow');
    expect(preview).toMatchObject({ draftRevision: 3, published: null, changes: null });
    expect(planPublish(preview)).toMatchObject({ first: true, version: 1, waitingTotal: 0 });
    expect(await client.publish('follow', 3)).toEqual({ version: 1 });
    expect((await client.load('follow')).published).toMatchObject({ version: 1 });
  });

  it('previews a removed step with the enrollees waiting there, and moves them where they are mapped', async () => {
    await call(w.tokens.editor, 'POST', '/api/contacts', {
      contacts: [
        { id: 'c1', email: 'c1@a.example' },
        { id: 'c2', email: 'c2@a.example' },
      ],
    });
    await call(w.tokens.editor, 'POST', '/api/sequences/follow/enrollments', {
      contactIds: ['c1', 'c2'],
    });
    await runPendingSteps(Date.now());
    const v2 = follow([mail('welcome', 'Welcome!'), delay('pause', 1), mail('later', 'Later')]);
    const { revision } = await client.save('follow', v2, 3);
    const preview = await client.preview('follow');
    expect(preview.draftRevision).toBe(revision);
    const plan = planPublish(preview);
    expect(plan).toMatchObject({ first: false, version: 2, publishedVersion: 1, waitingTotal: 2 });
    expect(plan.removed.map((s) => [s.id, s.type, s.waiting])).toEqual([['wait', 'delay', 2]]);
    expect(plan.added.map((s) => s.id)).toEqual(['pause']);
    expect(plan.changed.map((s) => [s.id, s.fields])).toEqual([['welcome', ['subject']]]);

    // The draft changed since the preview: nothing is published.
    const stale = await failureOf(client.publish('follow', revision - 1, { wait: 'pause' }));
    expect(stale.kind).toBe('draft_changed');
    expect(await client.publish('follow', revision, { wait: 'pause' })).toEqual({
      version: 2,
      moved: 2,
      stayed: [],
      stayedTotal: 0,
    });
    // The removed step's id stays taken for the editor: version 1 had it.
    const loaded = await client.load('follow');
    expect(loaded.draft.nodes).not.toContainEqual(expect.objectContaining({ id: 'wait' }));
    expect(loaded.publishedStepIds).toEqual(expect.arrayContaining(['wait', 'pause', 'later']));
  });

  it('answers who stayed on their version and why, in words the dialog can say', async () => {
    const v3 = follow([mail('welcome', 'Welcome!'), mail('later', 'Later')]);
    const { revision } = await client.save('follow', v3, (await client.load('follow')).revision);
    const result = await client.publish('follow', revision, {});
    expect(result).toMatchObject({ version: 3, moved: 0, stayedTotal: 2 });
    const said: unknown[] = [];
    const t = ((key: string, options: unknown) => {
      said.push([key, options]);
      return key;
    }) as unknown as Parameters<typeof reasonText>[1];
    for (const stayed of result.stayed ?? []) reasonText(stayed.reason, t);
    expect(said).toEqual([
      ['document.publish.result.notInVersion', { step: 'pause', version: '3' }],
      ['document.publish.result.notInVersion', { step: 'pause', version: '3' }],
    ]);
  });
});
