import { createTestDatabase } from '@nudge/runtime/worker/testing';
import { describe, expect, it } from 'vitest';
import { apiOn, createWorkspace } from '../api.test-support.ts';

/*
 * A step linked to a template, on PostgreSQL: publishing takes the template's content as it is
 * then; an edit of the template leaves every published version as it was and reaches the
 * sequence at its next publish; the publish preview shows it coming.
 */

const { sql } = await createTestDatabase();
const { call } = apiOn(sql);
const w = await createWorkspace(sql, 'publish-templates');
const editor = w.tokens.editor;

const content = (subject: string, body: string) => ({ subject, body, format: 'html' });

function linking(id: string, templateId: string) {
  return {
    format: 'nudge.sequence/v1',
    id,
    name: id,
    settings: { sender: { name: 'Nudge', email: 'team@nudge.example' } },
    nodes: [
      { id: 'start', type: 'entry', data: { triggers: [{ kind: 'manual' }] } },
      {
        id: 'hello',
        type: 'email',
        data: {
          ...content('the copy in the draft', '<p>draft copy</p>'),
          mode: 'auto',
          cc: ['boss@nudge.example'],
          template: { id: templateId, name: 'old name' },
        },
      },
      { id: 'done', type: 'exit', data: {} },
    ],
    edges: [
      { id: 'e1', source: 'start', target: 'hello' },
      { id: 'e2', source: 'hello', target: 'done' },
    ],
  };
}

async function versions(sequenceId: string) {
  const rows = await sql<
    Array<{ version: number; definition: { nodes: Array<{ data: object }> } }>
  >`
    select version, definition from sequence_versions
    where workspace_id = ${w.id} and sequence_id = ${sequenceId} order by version`;
  return rows.map((row) => ({ version: row.version, hello: row.definition.nodes[1]?.data }));
}

describe('publishing a step linked to a template', () => {
  it('takes the template of now, leaves published versions alone, and picks up an edit next time', async () => {
    const created = await call(editor, 'POST', '/api/templates', {
      channel: 'email',
      name: '환영 메일',
      content: content('환영합니다', '<p>v1 body</p>'),
    });
    const id = created.json.id as string;
    expect((await call(editor, 'POST', '/api/sequences', linking('linked', id))).status).toBe(201);

    const preview = await call(editor, 'GET', '/api/sequences/linked/publish-preview');
    expect(preview.json.templates).toEqual([
      { node: 'hello', templateId: id, name: '환영 메일', changed: true },
    ]);
    expect((await call(editor, 'POST', '/api/sequences/linked/publish', {})).status).toBe(200);
    const first = {
      ...content('환영합니다', '<p>v1 body</p>'),
      mode: 'auto',
      cc: ['boss@nudge.example'],
      template: { id, name: '환영 메일' },
    };
    expect(await versions('linked')).toEqual([{ version: 1, hello: first }]);
    // The draft keeps its own copy: the file stays as it was saved.
    const draft = await call(editor, 'GET', '/api/sequences/linked');
    expect(draft.json.draft.nodes[1].data.body).toBe('<p>draft copy</p>');

    const edited = await call(editor, 'PUT', `/api/templates/${id}`, {
      name: '환영 메일 2',
      content: content('다시 환영합니다', '<p>v2 body</p>'),
    });
    expect(edited.status).toBe(200);
    // The live version did not change.
    expect(await versions('linked')).toEqual([{ version: 1, hello: first }]);
    const users = await call(w.tokens.viewer, 'GET', `/api/templates/${id}/used-by`);
    expect(users.json.sequences).toEqual([
      {
        id: 'linked',
        name: 'linked',
        draftSteps: ['hello'],
        published: { version: 1, steps: ['hello'] },
      },
    ]);

    const next = await call(editor, 'GET', '/api/sequences/linked/publish-preview');
    expect(next.json.templates).toEqual([
      { node: 'hello', templateId: id, name: '환영 메일 2', changed: true },
    ]);
    expect(JSON.stringify(next.json.changes)).toContain('hello');
    expect((await call(editor, 'POST', '/api/sequences/linked/publish', {})).status).toBe(200);
    const all = await versions('linked');
    expect(all[0]).toEqual({ version: 1, hello: first });
    expect(all[1]).toEqual({
      version: 2,
      hello: {
        ...content('다시 환영합니다', '<p>v2 body</p>'),
        mode: 'auto',
        cc: ['boss@nudge.example'],
        template: { id, name: '환영 메일 2' },
      },
    });
  });

  it("refuses a link to a template the workspace lacks (another's, or gone), naming the step", async () => {
    const other = await createWorkspace(sql, 'elsewhere');
    const theirs = await call(other.tokens.editor, 'POST', '/api/templates', {
      channel: 'email',
      name: 'theirs',
      content: content('theirs', '<p>theirs</p>'),
    });
    const sequence = linking('broken', theirs.json.id);
    expect((await call(editor, 'POST', '/api/sequences', sequence)).status).toBe(201);
    const preview = await call(editor, 'GET', '/api/sequences/broken/publish-preview');
    expect(preview.json.templates).toEqual([
      {
        node: 'hello',
        templateId: theirs.json.id,
        name: null,
        changed: false,
        problem: 'no such template',
      },
    ]);
    const refused = await call(editor, 'POST', '/api/sequences/broken/publish', {});
    expect(refused.status).toBe(422);
    expect(refused.json.error.code).toBe('template_link_broken');
    expect(refused.json.error.details.problems).toEqual([
      expect.objectContaining({ node: 'hello', pointer: '/nodes/1/data/template/id' }),
    ]);
    expect(await versions('broken')).toEqual([]);
  });

  it('refuses a link to a template of another channel', async () => {
    const sms = await call(editor, 'POST', '/api/templates', {
      channel: 'sms',
      name: 'a text',
      content: { body: '안녕하세요' },
    });
    expect(
      (await call(editor, 'POST', '/api/sequences', linking('mixed', sms.json.id))).status,
    ).toBe(201);
    const refused = await call(editor, 'POST', '/api/sequences/mixed/publish', {});
    expect(refused.status).toBe(422);
    expect(refused.json.error.message).toContain('is for sms, not email');
  });
});
