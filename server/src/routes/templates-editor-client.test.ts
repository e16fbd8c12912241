import { createTestDatabase } from '@nudge/runtime/worker/testing';
import { describe, expect, it } from 'vitest';
// The editor's reader of the template library, run against the real routes: what the picker's
// own tests take from a stand-in is checked here against the API's answers.
import {
  httpLibrary,
  LibraryFailure,
  saveTemplate,
} from '../../../editor/src/templates/library-client.ts';
import { apiOn, createWorkspace } from '../api.test-support.ts';

const { sql } = await createTestDatabase();
const { app, call } = apiOn(sql);
const w = await createWorkspace(sql, 'editor-library');
const fetchFn = (async (input: Parameters<typeof fetch>[0], init?: RequestInit) =>
  app.request(String(input), init)) as typeof fetch;
const load = httpLibrary('', fetchFn);

describe("the editor's template library client", () => {
  it("reads the workspace's templates and the starters of a channel, searched", async () => {
    await call(w.tokens.editor, 'POST', '/api/templates', {
      channel: 'sms',
      name: '방문 리마인더',
      tags: ['리마인더'],
      content: { body: '내일 뵙겠습니다' },
    });
    await call(w.tokens.editor, 'POST', '/api/templates', { starter: 'email-welcome-ko' });
    const sms = await load(w.tokens.viewer, 'sms', '');
    expect(sms.templates.map((t) => t.name)).toEqual(['방문 리마인더']);
    expect(sms.templates[0]?.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(sms.starters.map((t) => t.key)).toEqual(['sms-reminder-ko', 'sms-reminder-en']);
    expect(sms.starters.every((t) => t.id === undefined)).toBe(true);
    const searched = await load(w.tokens.viewer, 'sms', 'reminder');
    expect(searched.templates).toEqual([]);
    expect(searched.starters.map((t) => t.name)).toEqual(['Reminder text']);
    const email = await load(w.tokens.viewer, 'email', '');
    expect(email.templates.map((t) => t.name)).toEqual(['환영 메일']);
  });

  it('fails with the status and the API’s message', async () => {
    const error = await load('not-a-token', 'sms', '').then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(LibraryFailure);
    expect((error as LibraryFailure).status).toBe(401);
  });

  it('saves a template (Save as template), and says why the server refused one', async () => {
    const saved = await saveTemplate(
      w.tokens.editor,
      { channel: 'kakao', name: '알림톡', tags: [], content: { templateCode: 'A1', body: '안내' } },
      { fetchFn },
    );
    expect(saved).toMatchObject({ channel: 'kakao', name: '알림톡', id: expect.any(String) });
    const viewer = await saveTemplate(
      w.tokens.viewer,
      { channel: 'sms', name: 'x', tags: [], content: { body: 'x' } },
      { fetchFn },
    ).catch((e: unknown) => e);
    expect((viewer as LibraryFailure).status).toBe(403);
    const invalid = await saveTemplate(
      w.tokens.editor,
      { channel: 'sms', name: 'x', tags: [], content: { body: '{{ }}' } },
      { fetchFn },
    ).catch((e: unknown) => e);
    expect((invalid as LibraryFailure).status).toBe(422);
    expect((invalid as LibraryFailure).message).toContain('/content/body');
  });
});
