import type { Hono } from 'hono';
import type { ApiEnv } from '../auth.ts';
import { findDraft } from '../db/sequences.ts';
import type { Sql } from '../db/types.ts';
import { methodNotAllowed } from '../errors.ts';

export interface NodeStats {
  node: string;
  sent: number;
  delivered: number;
  opened: number;
  clicked: number;
  replied: number;
  bounced: number;
  tasks: number;
}

/**
 * GET /api/sequences/:id/stats → `{ nodes: [NodeStats] }`, one entry per node of the draft
 * (in its order), then any node only older versions had. `sent` counts messages sent from the
 * outbox; the event columns count contacts (an open seen five times is one contact that
 * opened); `tasks` counts tasks created at the node. All versions together.
 */
export function statsRoutes(api: Hono<ApiEnv>, sql: Sql): void {
  api.get('/sequences/:id/stats', async (c) => {
    const id = c.req.param('id');
    const workspace = c.var.workspace;
    const draft = await findDraft(sql, workspace, id);
    const rows = await sql<NodeStats[]>`
      with ours as (
        select id from enrollments where workspace_id = ${workspace} and sequence_id = ${id}),
      sent as (
        select m.node, count(*) filter (where m.status = 'sent')::int as sent
        from messages m join ours on ours.id = m.enrollment_id
        where m.workspace_id = ${workspace} group by m.node),
      happened as (
        select ev.node,
          count(distinct ev.contact_id) filter (where ev.type = 'delivered')::int as delivered,
          count(distinct ev.contact_id) filter (where ev.type = 'opened')::int as opened,
          count(distinct ev.contact_id) filter (where ev.type = 'clicked')::int as clicked,
          count(distinct ev.contact_id) filter (where ev.type = 'replied')::int as replied,
          count(distinct ev.contact_id) filter (where ev.type = 'bounced')::int as bounced
        from events ev
        where ev.workspace_id = ${workspace} and ev.node is not null
          and (ev.sequence_id = ${id} or ev.enrollment_id in (select id from ours))
        group by ev.node),
      made as (
        select t.node, count(*)::int as tasks
        from tasks t join ours on ours.id = t.enrollment_id
        where t.workspace_id = ${workspace} group by t.node),
      nodes as (select node from sent union select node from happened union select node from made)
      select n.node, coalesce(s.sent, 0) as sent, coalesce(h.delivered, 0) as delivered,
        coalesce(h.opened, 0) as opened, coalesce(h.clicked, 0) as clicked,
        coalesce(h.replied, 0) as replied, coalesce(h.bounced, 0) as bounced,
        coalesce(m.tasks, 0) as tasks
      from nodes n left join sent s using (node) left join happened h using (node)
        left join made m using (node)`;
    const found = new Map(rows.map((row) => [row.node, row]));
    const draftNodes = draft.nodes.map((n) => n.id);
    const nodes = [
      ...draftNodes,
      ...[...found.keys()].filter((n) => !draftNodes.includes(n)).sort(),
    ].map(
      (node) =>
        found.get(node) ?? {
          node,
          sent: 0,
          delivered: 0,
          opened: 0,
          clicked: 0,
          replied: 0,
          bounced: 0,
          tasks: 0,
        },
    );
    return c.json({ nodes });
  });
  api.all('/sequences/:id/stats', methodNotAllowed(['GET', 'HEAD']));
}
