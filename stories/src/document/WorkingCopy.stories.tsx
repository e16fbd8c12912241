import {
  createDocumentLife,
  createSequenceStore,
  documentLife,
  indexedDbCopies,
  keepWorkingCopy,
  restoreWorkingCopy,
  SaveStatus,
  sequenceStore,
} from '@nudge/editor';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor, within } from 'storybook/test';

/*
 * The working copy in the browser's IndexedDB, as a reload finds it: a page keeps the document
 * on every change, and the next page (here the editor's own stores, which the status shows)
 * reopens it with its file name, where it lives on the server and its unsaved state.
 */

const trial = {
  format: 'nudge.sequence/v1',
  id: 'trial-follow-up',
  name: '체험판 후속 안내',
  nodes: [{ id: 'start', type: 'entry', data: { triggers: [{ kind: 'manual' }] } }],
  edges: [],
};

const meta = {
  title: 'Document/Working copy',
  component: SaveStatus,
  parameters: { layout: 'centered' },
  // The copies are the browser's, shared by every story: none is left for the next one.
  afterEach: forgetAllCopies,
} satisfies Meta<typeof SaveStatus>;
export default meta;
type Story = StoryObj<typeof meta>;

function forgetAllCopies(): Promise<void> {
  return new Promise((resolve) => {
    const request = indexedDB.deleteDatabase('nudge-editor');
    request.onsuccess = request.onerror = request.onblocked = () => resolve();
  });
}

/**
 * A page before the reload: its own stores, keeping copies for `tab` in IndexedDB; `later`
 * dates its copies that many ms ahead (two pages made in one ms would keep copies of one time).
 */
function pageBefore(tab: string, later = 0) {
  const sequences = createSequenceStore();
  const life = createDocumentLife(sequences);
  const storage = indexedDbCopies(indexedDB);
  const stop = keepWorkingCopy({
    sequences,
    life,
    storage,
    tab,
    delay: 10,
    page: new EventTarget(),
    now: () => Date.now() + later,
  });
  return { sequences, life, storage, stop };
}

export const ReloadKeepsUnsavedWork: Story = {
  play: async ({ canvasElement }) => {
    const tab = `story-${crypto.randomUUID()}`;
    const before = pageBefore(tab);
    before.life.open('trial-follow-up.json', structuredClone(trial), {
      origin: { id: 'trial-follow-up', revision: 3 },
      saved: true,
    });
    // More than localStorage holds (its few megabytes): IndexedDB takes any sequence file.
    const big = 'x'.repeat(6_000_000);
    before.sequences
      .getState()
      .edit((s) => ({ sequence: { ...s, name: '체험판 후속 안내 v2', description: big } }));
    before.stop();
    await waitFor(async () =>
      expect((await before.storage.read(tab))?.document.name).toBe('체험판 후속 안내 v2'),
    );

    // The next page load, in the same tab.
    expect(
      await restoreWorkingCopy({
        sequences: sequenceStore,
        life: documentLife,
        storage: before.storage,
        tab,
      }),
    ).toBe(true);
    const { file, fileName } = sequenceStore.getState();
    await expect(fileName).toBe('trial-follow-up.json');
    await expect(file?.name).toBe('체험판 후속 안내 v2');
    await expect(String(file?.description).length).toBe(big.length);
    await expect(documentLife.store.getState().origin).toEqual({
      id: 'trial-follow-up',
      revision: 3,
    });
    const status = within(canvasElement).getByTestId('save-status');
    await waitFor(() => expect(status).toHaveTextContent('Unsaved changes'));
    await expect(status).toHaveAttribute('data-state', 'unsaved');
    await expect(status).toHaveAttribute('role', 'status');
  },
};

export const NewTabOpensTheLatest: Story = {
  globals: { locale: 'ko' },
  play: async ({ canvasElement }) => {
    const first = pageBefore(`story-${crypto.randomUUID()}`);
    first.life.open('a.json', { ...structuredClone(trial), name: '먼저 연 시퀀스' });
    first.stop();
    const second = pageBefore(`story-${crypto.randomUUID()}`, 1000);
    second.life.open(
      'b.json',
      { ...structuredClone(trial), name: '나중에 연 시퀀스' },
      {
        origin: { id: 'b', revision: 1 },
        saved: true,
      },
    );
    second.stop();
    await waitFor(async () =>
      expect((await second.storage.read('nobody'))?.fileName).toBe('b.json'),
    );

    // A tab that kept nothing yet reopens the latest copy of any tab.
    const storage = indexedDbCopies(indexedDB);
    expect(
      await restoreWorkingCopy({
        sequences: sequenceStore,
        life: documentLife,
        storage,
        tab: `story-${crypto.randomUUID()}`,
      }),
    ).toBe(true);
    await expect(sequenceStore.getState().file?.name).toBe('나중에 연 시퀀스');
    await waitFor(() =>
      expect(within(canvasElement).getByTestId('save-status')).toHaveTextContent('저장됨'),
    );
  },
};
