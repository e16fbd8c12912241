/** The one format this Nudge writes, and reads without migration. */
export const FORMAT_V1 = 'nudge.sequence/v1';

/** Limits, so that a file can't exhaust the server (FORMAT.md section 3a). */
export const LIMITS = {
  /**
   * The largest sequence file read, by the CLI, the API and the editor alike: far above any
   * real sequence, low enough that reading one can't exhaust a server.
   */
  fileBytes: 16 * 1024 * 1024,
  nodes: 2000,
  /** Each node has at most 10 outgoing handles with one edge each. */
  edges: 20000,
  /** Bytes of UTF-8 per template. */
  templateBytes: 64 * 1024,
  ruleDepth: 8,
  /** Nesting of the JSON as a whole; a valid file needs far less. */
  jsonDepth: 48,
  /** Properties of any one object; the largest valid ones (aliases, fields to set) hold 100. */
  objectKeys: 1000,
  /** Problems reported for one file: past this, one more problem says how many were left out. */
  problems: 1000,
} as const;
