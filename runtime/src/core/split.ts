import type { NodeData } from '@nudge/schema';

/**
 * A split's branch for an enrollment: chosen by weight, from a hash of the enrollment id and the
 * node id (FORMAT.md section 4), so a retry, the simulator and the worker all pick the same one.
 */
export function chooseBranch(
  data: NodeData<'split'>,
  enrollmentId: string,
  nodeId: string,
): string {
  const branches = data.branches;
  const total = branches.reduce((sum, b) => sum + b.weight, 0);
  const point = unitHash(`${enrollmentId}\u0000${nodeId}`);
  // All weights zero: the validator warns; share equally rather than pick none.
  if (total === 0) return (branches[Math.floor(point * branches.length)] ?? branches[0])?.id ?? '';
  let edge = 0;
  for (const branch of branches) {
    edge += branch.weight / total;
    if (point < edge && branch.weight > 0) return branch.id;
  }
  // Rounding at the top end: the last branch with a weight.
  return [...branches].reverse().find((b) => b.weight > 0)?.id ?? '';
}

/** A number in [0, 1) from a string: FNV-1a (32 bits), then a murmur3 finaliser to spread it. */
export function unitHash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) / 2 ** 32;
}
