import { diffSequences, type Sequence, validateSequence } from '@nudge/schema';
import { sequenceIdFrom } from '../commands/new-sequence.ts';
import {
  ApiFailure,
  type PublishResult,
  type SequenceSummary,
  type SequencesClient,
  type ServerSequence,
  type Waiting,
} from './api.ts';

/*
 * Test support: the sequences API's contract held in memory, for the document flows' tests
 * (the HTTP client itself is tested against the real server in
 * server/src/routes/editor-client.test.ts). It keeps what the real one keeps: a draft's
 * revision bumped on every write, If-Match refused with the revision now (412), a taken id on
 * POST (409), invalid files refused with the validator's errors (422), tokens refused (401).
 */

interface Stored {
  draft: Sequence;
  revision: number;
  versions: Array<{ version: number; definition: Sequence }>;
  waiting: Waiting[];
}

export class MemoryServer {
  readonly sequences = new Map<string, Stored>();
  readonly tokens = new Set(['good-token']);
  /** Every call fails as a dropped connection while set. */
  offline = false;
  /** Calls made, as "METHOD id". */
  readonly calls: string[] = [];

  /** Someone else's write: the draft as it is saved from another tab. */
  put(id: string, draft: Sequence): number {
    const stored = this.sequences.get(id);
    if (stored) {
      stored.draft = structuredClone(draft);
      stored.revision += 1;
      return stored.revision;
    }
    this.sequences.set(id, {
      draft: structuredClone(draft),
      revision: 1,
      versions: [],
      waiting: [],
    });
    return 1;
  }

  clientFor = (token: string): SequencesClient => {
    const check = (call: string) => {
      this.calls.push(call);
      if (this.offline) throw new ApiFailure('offline', 'Failed to fetch');
      if (!this.tokens.has(token))
        throw new ApiFailure('token_refused', 'the bearer token is not valid', 401);
    };
    const find = (id: string): Stored => {
      const stored = this.sequences.get(id);
      if (!stored) throw new ApiFailure('not_found', `there is no sequence "${id}"`, 404);
      return stored;
    };
    const valid = (file: unknown): Sequence => {
      const { ok, errors, warnings } = validateSequence(file);
      if (!ok)
        throw new ApiFailure(
          'invalid',
          `not valid: ${errors.length} errors`,
          422,
          'invalid_sequence',
          {
            errors,
            warnings,
          },
        );
      return structuredClone(file) as Sequence;
    };
    return {
      list: async (): Promise<SequenceSummary[]> => {
        check('GET list');
        return [...this.sequences].map(([id, s]) => ({
          id,
          name: s.draft.name,
          revision: s.revision,
          publishedVersion: s.versions.at(-1)?.version ?? null,
          updatedAt: '2026-12-01T09:00:00.000Z',
        }));
      },
      load: async (id): Promise<ServerSequence> => {
        check(`GET ${id}`);
        const s = find(id);
        const last = s.versions.at(-1);
        return {
          id,
          name: s.draft.name,
          revision: s.revision,
          draft: structuredClone(s.draft) as unknown as Record<string, unknown>,
          published: last ? { version: last.version, publishedAt: '2026-12-01T09:00:00Z' } : null,
          publishedStepIds: [
            ...new Set(s.versions.flatMap((v) => v.definition.nodes.map((n) => n.id))),
          ].sort(),
        };
      },
      create: async (file) => {
        check('POST');
        const draft = valid(file);
        const id = draft.id ?? sequenceIdFrom(draft.name);
        if (this.sequences.has(id))
          throw new ApiFailure(
            'exists',
            `a sequence "${id}" already exists`,
            409,
            'sequence_exists',
            {
              sequenceId: id,
            },
          );
        return { id, revision: this.put(id, { ...draft, id }) };
      },
      save: async (id, file, revision) => {
        check(`PUT ${id}`);
        const draft = valid(file);
        const current = this.sequences.get(id)?.revision ?? null;
        if (current !== revision)
          throw new ApiFailure(
            'draft_changed',
            `the draft of "${id}" changed`,
            412,
            'draft_changed',
            {
              sequenceId: id,
              revision: current,
            },
          );
        return { id, revision: this.put(id, { ...draft, id }) };
      },
      preview: async (id) => {
        check(`GET ${id} preview`);
        const s = find(id);
        const last = s.versions.at(-1);
        return {
          draftRevision: s.revision,
          published: last
            ? { version: last.version, definition: structuredClone(last.definition) as never }
            : null,
          changes: last ? diffSequences(last.definition, s.draft) : null,
          waiting: s.waiting,
        };
      },
      publish: async (id, draftRevision, migrate): Promise<PublishResult> => {
        check(`POST ${id} publish`);
        const s = find(id);
        if (s.revision !== draftRevision)
          throw new ApiFailure('draft_changed', 'changed', 412, 'draft_changed', {
            revision: s.revision,
          });
        const version = (s.versions.at(-1)?.version ?? 0) + 1;
        s.versions.push({ version, definition: structuredClone(s.draft) });
        if (!migrate) return { version };
        return { version, moved: 0, stayed: [], stayedTotal: 0 };
      },
    };
  };
}
