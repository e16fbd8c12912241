import type { Context, Hono } from 'hono';
import type { ApiEnv } from '../auth.ts';
import { limitBody } from '../body.ts';
import {
  deleteTemplate,
  findTemplate,
  insertTemplate,
  listTemplates,
  type Template,
  type TemplateChannel,
  templateUsers,
  updateTemplate,
} from '../db/templates.ts';
import type { Sql } from '../db/types.ts';
import { ApiError, methodNotAllowed } from '../errors.ts';
import { etagOf, ifMatchHolds, readIfMatch } from '../etag.ts';
import { onlyKnown, readJsonObject } from '../json-body.ts';
import { linkNextPage, type PageRule, readPage, uuidCursor } from '../paging.ts';
import { STARTERS } from '../templates/starters.ts';
import {
  readChannel,
  readContent,
  readLabels,
  readTemplate,
  TEMPLATE_LIMITS,
} from './templates-body.ts';

const PAGE: PageRule<string> = {
  cursor: 'after',
  defaultLimit: 100,
  maxLimit: 500,
  parse: uuidCursor,
  what: 'a template',
};

/** Sequences "used by" lists at most. */
export const USERS_LIMIT = 1000;

/**
 * The template library (issue 14 §1a): email, SMS and AlimTalk contents saved once per
 * workspace. List (by name, searchable, by channel), create (whole, or a copy of a starter),
 * load, replace and delete, each answer about one template with its revision as a strong
 * ETag, honoured by If-Match on PUT and DELETE. "Used by" names the sequences whose draft or
 * latest version links it: an edit reaches them at their next publish (publish.ts refreshes
 * linked steps), never a published version. A template linked by a draft is not deleted
 * (409): the draft's next publish would have nothing to refresh from.
 */
export function templateRoutes(api: Hono<ApiEnv>, sql: Sql): void {
  // Before /templates/:id, which answers its other methods: "starters" names no template
  // there (a 404), as the document's /api/templates/{id} says.
  api.get('/templates/starters', (c) => c.json({ starters: STARTERS }));

  api.get('/templates', async (c) => {
    const { limit, cursor: after } = readPage(c, PAGE);
    const channelText = c.req.query('channel');
    const channel = channelText === undefined ? undefined : queryChannel(channelText);
    const search = c.req.query('q')?.trim() || undefined;
    if (search !== undefined && search.length > 100)
      throw new ApiError(400, 'invalid_query', '"q" must be at most 100 characters');
    const templates = await listTemplates(sql, c.var.workspace, {
      limit,
      after,
      channel,
      search,
    });
    linkNextPage(c, PAGE, limit, templates.length, templates.at(-1)?.id);
    return c.json({ templates });
  });

  api.post('/templates', limitBody(TEMPLATE_LIMITS.bodyBytes), async (c) => {
    const body = await readJsonObject(c, '{ "channel", "name", "tags"?, "content" }');
    const input = typeof body.starter === 'string' ? fromStarter(body) : readNew(body);
    const created = await sql.begin((tx) =>
      insertTemplate(
        tx,
        c.var.workspace,
        c.var.tokenId ?? null,
        input,
        TEMPLATE_LIMITS.perWorkspace,
      ),
    );
    if (!created)
      throw new ApiError(
        409,
        'too_many_templates',
        `the workspace has ${TEMPLATE_LIMITS.perWorkspace} templates, as many as it may keep: delete one first`,
        { limit: TEMPLATE_LIMITS.perWorkspace },
      );
    return answer(c, created, 201);
  });
  api.all('/templates', methodNotAllowed(['GET', 'HEAD', 'POST']));

  api.get('/templates/:id', async (c) => {
    const id = c.req.param('id');
    const template = await findTemplate(sql, c.var.workspace, id);
    if (!template) throw notFound(id);
    return answer(c, template, 200);
  });

  api.put('/templates/:id', limitBody(TEMPLATE_LIMITS.bodyBytes), async (c) => {
    const id = c.req.param('id');
    const ifMatch = readIfMatch(c);
    const body = await readJsonObject(c, '{ "name", "tags"?, "content", "channel"? }');
    onlyKnown(body, ['name', 'tags', 'content', 'channel']);
    const updated = await sql.begin(async (tx) => {
      const current = await findTemplate(tx, c.var.workspace, id, { lock: true });
      if (!current) throw notFound(id);
      if (!ifMatchHolds(ifMatch, current.revision)) throw changed(c, current);
      if (body.channel !== undefined && readChannel(body.channel) !== current.channel)
        throw new ApiError(
          422,
          'invalid_template',
          `a template keeps its channel: this one is ${current.channel}; create a new template for ${String(body.channel)}`,
          { problems: [{ pointer: '/channel', message: 'a template keeps its channel' }] },
        );
      const input = { ...readLabels(body), content: readContent(current.channel, body.content) };
      return updateTemplate(tx, c.var.workspace, id, c.var.tokenId ?? null, input);
    });
    return answer(c, updated, 200);
  });

  api.delete('/templates/:id', async (c) => {
    const id = c.req.param('id');
    const ifMatch = readIfMatch(c);
    await sql.begin(async (tx) => {
      const current = await findTemplate(tx, c.var.workspace, id, { lock: true });
      if (!current) throw notFound(id);
      if (!ifMatchHolds(ifMatch, current.revision)) throw changed(c, current);
      const drafts = (await templateUsers(tx, c.var.workspace, id, USERS_LIMIT)).filter(
        (user) => user.draftSteps.length > 0,
      );
      if (drafts.length > 0)
        throw new ApiError(
          409,
          'template_in_use',
          `the draft of ${drafts.map((d) => `"${d.id}"`).join(', ')} links template "${current.name}": unlink those steps (or copy it into them) and save, then delete it`,
          { sequences: drafts.map((d) => ({ id: d.id, steps: d.draftSteps })) },
        );
      await deleteTemplate(tx, c.var.workspace, id);
    });
    return c.body(null, 204);
  });
  api.all('/templates/:id', methodNotAllowed(['GET', 'HEAD', 'PUT', 'DELETE']));

  api.get('/templates/:id/used-by', async (c) => {
    const id = c.req.param('id');
    if (!(await findTemplate(sql, c.var.workspace, id))) throw notFound(id);
    const sequences = await templateUsers(sql, c.var.workspace, id, USERS_LIMIT);
    return c.json({ sequences });
  });
  api.all('/templates/:id/used-by', methodNotAllowed(['GET', 'HEAD']));
}

function readNew(body: Record<string, unknown>) {
  onlyKnown(body, ['channel', 'name', 'tags', 'content']);
  return readTemplate(body);
}

/** A copy of a starter, under its own name and tags unless the body gives others. */
function fromStarter(body: Record<string, unknown>) {
  onlyKnown(body, ['starter', 'name', 'tags']);
  const starter = STARTERS.find((s) => s.key === body.starter);
  if (!starter)
    throw new ApiError(
      422,
      'invalid_template',
      `there is no starter ${JSON.stringify(body.starter)}: GET /api/templates/starters lists them`,
      { problems: [{ pointer: '/starter', message: 'not a starter' }] },
    );
  const labels = readLabels({
    name: body.name ?? starter.name,
    tags: body.tags ?? starter.tags,
  });
  return { channel: starter.channel, ...labels, content: structuredClone(starter.content) };
}

function queryChannel(text: string): TemplateChannel {
  if (text === 'email' || text === 'sms' || text === 'kakao') return text;
  throw new ApiError(400, 'invalid_query', '"channel" must be email, sms or kakao');
}

function answer(c: Context, template: Template, status: 200 | 201) {
  c.header('ETag', etagOf(template.revision));
  if (status === 201) c.header('Location', `/api/templates/${template.id}`);
  return c.json(template, status);
}

const notFound = (id: string) =>
  new ApiError(404, 'template_not_found', `the workspace has no template "${id.slice(0, 100)}"`, {
    templateId: id.slice(0, 100),
  });

/** 412 `template_changed`: the template is not at the revision the client loaded. */
function changed(c: Context, current: Template): ApiError {
  const sent = JSON.stringify((c.req.header('if-match') ?? '').slice(0, 100));
  return new ApiError(
    412,
    'template_changed',
    `template "${current.name}" changed since it was loaded: it is at revision ${current.revision} (ETag ${etagOf(current.revision)}), not If-Match ${sent}. Nothing was changed: load it again and redo the change on it`,
    { templateId: current.id, revision: current.revision, etag: etagOf(current.revision) },
  );
}
