import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { newSequence, uniqueSequenceId } from '../commands/new-sequence.ts';
import { readToken, saveToken } from '../outbox/token.ts';
import { sequenceName } from '../sequence/file.ts';
import { type SequenceStore, sequenceStore } from '../sequence/store.ts';
import { ApiFailure, httpSequencesClient, type SequencesClient } from './api.ts';
import { downloadFile, type ExportedFile, exportSequence, myCopyName } from './export.ts';
import { type DocumentLifeApi, documentLife, type WorkAtRisk } from './life.ts';
import { type Conflict, changeSequenceId, saveDocument } from './save.ts';

/**
 * The document's actions as the toolbar offers them (New sequence, Open from server, Save,
 * Publish, Export), and what they ask of the person on the way: an API token, a choice in a
 * conflict, or a message when something failed. Which dialog is open and which message shows
 * is state here, so the flows are tested without a page.
 */

/** What to do once a token is given. */
export type Pending = 'save' | 'publish' | 'open' | 'new';

/** What is about to be opened in place of the document: a file (picked or dropped), an example. */
export type Replacement = { kind: 'file'; name: string } | { kind: 'example'; name: string };

export type DocumentDialog =
  | { kind: 'new' }
  | { kind: 'open' }
  | { kind: 'token'; refused: boolean; next: Pending }
  | { kind: 'conflict'; conflict: Conflict; next: Pending | null }
  | { kind: 'publish'; id: string; revision: number }
  /** Opening `what` would lose the work at `risk`: keep working, or discard it and `open`. */
  | { kind: 'replace'; what: Replacement; risk: Exclude<WorkAtRisk, null>; open: () => void };

/** A message under the toolbar: what failed, and that nothing was lost. */
export type DocumentNotice =
  /** The server found the sequence invalid: `count` errors (0: it did not list them). */
  | { kind: 'invalid'; count: number; message: string }
  /** No answer: the connection dropped. */
  | { kind: 'offline'; message: string }
  /** The token's role may not save or publish. */
  | { kind: 'not_allowed'; message: string }
  | { kind: 'failed'; message: string }
  /** The browser could not keep the working copy (storage full or disabled). */
  | { kind: 'not_kept' };

/** How a conflict is settled. */
export type ConflictChoice = 'theirs' | 'overwrite' | 'new_id' | 'cancel';

export interface DocumentUi {
  dialog: DocumentDialog | null;
  notice: DocumentNotice | null;
  /** A request is under way for the open dialog (its buttons wait). */
  busy: boolean;
}

export interface ActionDeps {
  sequences: StoreApi<SequenceStore>;
  life: DocumentLifeApi;
  clientFor?: (token: string) => SequencesClient;
  token?: { read(): string | null; save(token: string): void };
  download?: (file: ExportedFile) => void;
}

export function createDocumentActions(deps: ActionDeps) {
  const { sequences, life } = deps;
  const clientFor = deps.clientFor ?? ((token: string) => httpSequencesClient(token));
  const token = deps.token ?? { read: readToken, save: saveToken };
  const download = deps.download ?? downloadFile;
  const ui = createStore<DocumentUi>()(() => ({ dialog: null, notice: null, busy: false }));
  const set = (state: Partial<DocumentUi>) => ui.setState(state);

  /** One client per token: the dialogs keep it between renders. */
  let made: { token: string; client: SequencesClient } | undefined;
  const keptClient = (): SequencesClient | null => {
    const kept = token.read();
    if (!kept) return null;
    if (made?.token !== kept) made = { token: kept, client: clientFor(kept) };
    return made.client;
  };

  /** The client with the kept token; else asks for one, to go on with `next`. */
  const client = (next: Pending): SequencesClient | null => {
    const api = keptClient();
    if (!api) set({ dialog: { kind: 'token', refused: false, next }, busy: false });
    return api;
  };

  /** Shows a failure: a refused token asks for another; the rest are messages. */
  const fail = (error: unknown, next: Pending) => {
    const failure = error instanceof ApiFailure ? error : new ApiFailure('other', String(error));
    if (failure.kind === 'token_refused') {
      set({ dialog: { kind: 'token', refused: true, next }, busy: false });
      return;
    }
    set({ notice: noticeOf(failure), busy: false });
  };

  /** Saves; true when the document is then saved (a conflict or a failure asked or said why). */
  const save = async (next: Pending | null = null): Promise<boolean> => {
    const api = client(next ?? 'save');
    if (!api) return false;
    set({ notice: null });
    const outcome = await saveDocument({ sequences, life, client: api });
    if (outcome.kind === 'saved') return true;
    if (outcome.kind === 'conflict')
      set({ dialog: { kind: 'conflict', conflict: outcome.conflict, next }, busy: false });
    else if (outcome.kind === 'failed') fail(outcome.failure, next ?? 'save');
    return false;
  };

  const openPublish = () => {
    const { origin } = life.store.getState();
    if (origin && life.saveState() === 'saved')
      set({ dialog: { kind: 'publish', id: origin.id, revision: origin.revision }, notice: null });
  };

  const actions = {
    ui,
    sequences,
    life,

    /** The client to the server with the kept token, or null (the dialogs ask for one). */
    client: keptClient,

    /** Opening something else now would lose work not saved on the server. */
    wouldLoseWork: () => life.wouldLoseWork(),

    newSequence() {
      set({ dialog: { kind: 'new' } });
    },

    /**
     * Opens a file or an example in place of the document: at once when that loses nothing,
     * else after asking (keep working, or discard the changes and open). Nothing happens while
     * another dialog is open (a file dropped on it). Returns whether it opened at once.
     */
    replaceWith(what: Replacement, open: () => void): boolean {
      const { dialog } = ui.getState();
      if (dialog && dialog.kind !== 'replace') return false;
      const risk = life.workAtRisk();
      if (risk === null) {
        if (dialog) set({ dialog: null });
        open();
        return true;
      }
      set({ dialog: { kind: 'replace', what, risk, open }, notice: null });
      return false;
    },

    /** Discards the changes and opens what the replace dialog asked about. */
    discardAndOpen() {
      const dialog = ui.getState().dialog;
      if (dialog?.kind !== 'replace') return;
      set({ dialog: null });
      dialog.open();
    },

    /** Opens a new sequence holding only its entry, named `name`, with this `id`. */
    create(name: string, id: string) {
      const sequence = { ...newSequence(name, []), id };
      life.open(`${id}.json`, sequence);
      set({ dialog: null, notice: null });
    },

    openFromServer() {
      if (client('open')) set({ dialog: { kind: 'open' } });
    },

    /** Opens the server's draft of `id`. */
    async load(id: string, next: Pending = 'open'): Promise<boolean> {
      const api = client(next);
      if (!api) return false;
      set({ busy: true });
      try {
        const sequence = await api.load(id);
        life.open(`${sequence.id}.json`, sequence.draft, {
          origin: { id: sequence.id, revision: sequence.revision },
          saved: true,
          reservedStepIds: stepIdList(sequence.publishedStepIds),
        });
        set({ dialog: null, busy: false, notice: null });
        return true;
      } catch (error) {
        fail(error, next);
        return false;
      }
    },

    save: () => save(),

    /** Publish needs the draft saved: saves first when it is not. */
    async publish() {
      if (life.saveState() !== 'saved' && !(await save('publish'))) return;
      if (!client('publish')) return;
      openPublish();
    },

    async settle(choice: ConflictChoice) {
      const dialog = ui.getState().dialog;
      if (dialog?.kind !== 'conflict') return;
      const { conflict, next } = dialog;
      if (choice === 'cancel') return set({ dialog: null });
      const api = client(next ?? 'save');
      if (!api) return;
      set({ busy: true });
      if (choice === 'theirs') {
        // The person's copy goes to their downloads first: loading theirs loses nothing.
        actions.exportCopy(myCopyName(conflict.id));
        await actions.load(conflict.id, next ?? 'save');
        return;
      }
      let target: Parameters<typeof saveDocument>[1];
      if (choice === 'new_id') {
        const taken = await api.list().then(
          (list) => list.map((s) => s.id),
          () => [conflict.id],
        );
        // The taken id with a number: still recognisably this sequence ("cold-mail-2").
        const base = conflict.id || (sequenceName(sequences.getState().file) ?? '');
        changeSequenceId(sequences, uniqueSequenceId(base, [...taken, conflict.id]));
        target = { create: true };
      } else if (conflict.kind === 'changed') {
        target = { to: { id: conflict.id, revision: conflict.revision } };
      } else if (conflict.kind === 'gone') {
        target = { create: true };
      } else {
        // Taken by a sequence this one never was loaded from: overwrite its draft as it is now.
        try {
          const theirs = await api.load(conflict.id);
          // Overwriting makes this document theirs: no new step may take an id they published.
          life.reserveStepIds(stepIdList(theirs.publishedStepIds));
          target = { to: { id: theirs.id, revision: theirs.revision } };
        } catch (error) {
          return fail(error, next ?? 'save');
        }
      }
      const outcome = await saveDocument({ sequences, life, client: api }, target);
      if (outcome.kind === 'saved') {
        set({ dialog: null, busy: false });
        if (next === 'publish') openPublish();
      } else if (outcome.kind === 'conflict') {
        // Changed again meanwhile: the choice is asked again, about the draft as it is now.
        set({ dialog: { kind: 'conflict', conflict: outcome.conflict, next }, busy: false });
      } else if (outcome.kind === 'failed') {
        set({ dialog: null });
        fail(outcome.failure, next ?? 'save');
      }
    },

    /** Downloads the document as `<id>.json` (or under `name`). */
    exportCopy(name?: string) {
      const file = sequences.getState().file;
      if (!file) return;
      const exported = exportSequence(file, life.store.getState().origin?.id);
      download(name ? { ...exported, name } : exported);
      life.markExported(file);
    },

    /** Keeps the token given, then goes on with what asked for it. */
    async giveToken(value: string) {
      const dialog = ui.getState().dialog;
      token.save(value);
      set({ dialog: null });
      if (dialog?.kind !== 'token') return;
      if (dialog.next === 'save') await actions.save();
      else if (dialog.next === 'publish') await actions.publish();
      else if (dialog.next === 'open') actions.openFromServer();
      else if (dialog.next === 'new') actions.newSequence();
    },

    /** Asks for another token (this one's role may not save or publish). */
    changeToken() {
      set({ dialog: { kind: 'token', refused: false, next: 'save' }, notice: null });
    },

    closeDialog() {
      set({ dialog: null, busy: false });
    },

    notify(notice: DocumentNotice | null) {
      set({ notice });
    },
  };
  return actions;
}

/** The server's list of published step ids, as far as it is one (absent from older servers). */
function stepIdList(ids: unknown): string[] {
  return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
}

function noticeOf(failure: ApiFailure): DocumentNotice {
  switch (failure.kind) {
    case 'invalid':
      return { kind: 'invalid', count: failure.errorCount, message: failure.message };
    case 'offline':
      return { kind: 'offline', message: failure.message };
    case 'not_allowed':
      return { kind: 'not_allowed', message: failure.message };
    default:
      return { kind: 'failed', message: failure.message };
  }
}

export type DocumentActions = ReturnType<typeof createDocumentActions>;

/** The editor's document actions. Tests and stories make their own. */
export const documentActions = createDocumentActions({
  sequences: sequenceStore,
  life: documentLife,
});

export function useDocumentUi<T>(selector: (ui: DocumentUi) => T): T {
  return useStore(documentActions.ui, selector);
}
