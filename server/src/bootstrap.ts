import { hashToken } from './auth.ts';
import type { Sql } from './db/types.ts';

/**
 * NUDGE_BOOTSTRAP_TOKEN: when the workspace (the first one; created when there is none) has
 * no admin, an admin user and an admin API token with this value are created, so automation
 * can set up a fresh install. Once an admin exists this does nothing, so a leaked or old
 * bootstrap value can't mint a second admin. One transaction under an advisory lock: two
 * processes starting together create one admin.
 */
export async function bootstrapAdmin(sql: Sql, token: string): Promise<'created' | 'exists'> {
  return sql.begin(async (tx) => {
    await tx`select pg_advisory_xact_lock(hashtext('nudge:bootstrap'))`;
    let [workspace] = await tx<Array<{ id: string }>>`
      select id from workspaces order by created_at, id limit 1`;
    workspace ??= (
      await tx<Array<{ id: string }>>`insert into workspaces (name) values ('Default') returning id`
    )[0];
    if (!workspace) throw new Error('no workspace was created');
    const [admin] = await tx`
      select 1 from users where workspace_id = ${workspace.id} and role = 'admin'
      union all
      select 1 from api_tokens where workspace_id = ${workspace.id} and role = 'admin' and revoked_at is null
      limit 1`;
    if (admin) return 'exists';
    const [user] = await tx<Array<{ id: string }>>`
      insert into users (workspace_id, email, name, role)
      values (${workspace.id}, 'admin@nudge.invalid', 'Admin', 'admin') returning id`;
    await tx`
      insert into api_tokens (workspace_id, user_id, name, token_hash, role)
      values (${workspace.id}, ${user?.id ?? null}, 'bootstrap (NUDGE_BOOTSTRAP_TOKEN)', ${hashToken(token)}, 'admin')`;
    return 'created';
  });
}
