import type { Sequence } from '@nudge/schema';
import type { TransactionSql } from 'postgres';
import { type CompiledSequence, compile, type Sender } from '../core/index.ts';

/**
 * Compiled sequence versions, by workspace, sequence and version. Versions are immutable, so
 * an entry never goes stale; the bound only caps memory.
 */
const compiled = new Map<string, CompiledSequence>();
const LIMIT = 500;

export async function compiledVersion(
  tx: TransactionSql,
  workspace: string,
  sequence: string,
  version: number,
): Promise<CompiledSequence> {
  const key = `${workspace}\u0000${sequence}\u0000${version}`;
  const cached = compiled.get(key);
  if (cached) return cached;
  const [row] = await tx<Array<{ definition: Sequence; default_sender: Sender | null }>>`
    select v.definition, w.default_sender
    from sequence_versions v join workspaces w on w.id = v.workspace_id
    where v.workspace_id = ${workspace} and v.sequence_id = ${sequence} and v.version = ${version}`;
  if (!row) throw new Error(`sequence ${sequence} has no version ${version}`);
  const result = compile(row.definition, { sender: row.default_sender });
  if (compiled.size >= LIMIT) compiled.delete(compiled.keys().next().value as string);
  compiled.set(key, result);
  return result;
}
