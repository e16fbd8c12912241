import type { PublishPreview, PublishResult, SequencesClient } from '@nudge/editor';
import { diffSequences, type Sequence } from '@nudge/schema';

/*
 * A trial follow-up as published (version 3) and as its draft now: the 3-day wait is replaced by
 * a 1-day pause, the welcome's subject changed, a task removed; enrollees wait here and there.
 */

const entry = { id: 'start', type: 'entry', data: { triggers: [{ kind: 'manual' }] } };
const welcome = (subject: string) => ({
  id: 'welcome',
  type: 'email',
  data: { subject, body: '{{고객명}}님, 반갑습니다.', format: 'text', mode: 'auto' },
});
const call = {
  id: 'call',
  type: 'task',
  data: { kind: 'call', title: '체험 3일차 통화', waitForCompletion: true },
};
const nudge = {
  id: 'nudge',
  type: 'email',
  data: { subject: '아직 고민 중이신가요?', body: 'Hi', format: 'text', mode: 'auto' },
};
const sequence = (nodes: object[]) =>
  ({
    format: 'nudge.sequence/v1',
    id: 'trial-follow-up',
    name: '체험판 후속 안내',
    nodes: [entry, ...nodes],
    edges: [],
  }) as unknown as Sequence;

export const published = sequence([
  welcome('환영합니다'),
  { id: 'wait', type: 'delay', data: { amount: 3, unit: 'days' } },
  call,
  nudge,
]);

export const draft = sequence([
  welcome('{{고객명}}님, 환영합니다'),
  { id: 'pause', type: 'delay', data: { amount: 1, unit: 'days' } },
  nudge,
]);

export const changesPreview: PublishPreview = {
  draftRevision: 7,
  published: { version: 3, definition: published as never },
  changes: diffSequences(published, draft),
  waiting: [
    { node: 'wait', version: 2, count: 4 },
    { node: 'wait', version: 3, count: 8 },
    { node: 'call', version: 3, count: 2 },
    { node: 'welcome', version: 3, count: 3 },
  ],
};

export const firstPreview: PublishPreview = {
  draftRevision: 7,
  published: null,
  changes: null,
  waiting: [],
};

/** What the server answers a publish that moved the 3-day wait's enrollees to the pause. */
export const movedResult: PublishResult = {
  version: 4,
  moved: 15,
  stayed: [
    {
      enrollmentId: 'e1',
      contactId: 'kim',
      version: 3,
      reason: 'node "call" is not in version 4; map it in "migrate"',
    },
    {
      enrollmentId: 'e2',
      contactId: 'lee',
      version: 3,
      reason: 'node "call" is not in version 4; map it in "migrate"',
    },
  ],
  stayedTotal: 2,
};

/** The API, played by functions that answer a moment later, as a server does. */
export const later = <T>(answer: () => T) =>
  new Promise<T>((resolve, reject) =>
    setTimeout(() => {
      try {
        resolve(answer());
      } catch (error) {
        reject(error);
      }
    }, 20),
  );

export type PublishClient = Pick<SequencesClient, 'preview' | 'publish'>;
