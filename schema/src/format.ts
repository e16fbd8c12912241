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
  /** What a template may do when it renders, known before it runs (template-cost.ts). */
  template: {
    /** Loop iterations and range elements in all, nested loops multiplied. */
    work: 100_000,
    /** Iterations counted for a loop over a variable: contact arrays hold no more. */
    dataItems: 100,
  },
  ruleDepth: 8,
  /**
   * RULEs (conditions, waits, goals, segments): each is evaluated for every enrollee and, as a
   * segment, translated to one SQL query, so its size is bounded as a whole.
   */
  rule: {
    /** Tests and all/any/not groups in one RULE. */
    parts: 200,
    /** Items of one `all` or `any`. */
    groupItems: 100,
    /** Keys after `contact.attributes` in a PATH (`contact.attributes.a.b.c.d.e`). */
    attributeKeys: 5,
    /** Characters of a PATH. */
    pathChars: 200,
    /** Items of an `in` list or of an array value. */
    listItems: 1000,
    /** Values in one RULE, every list item counted. */
    values: 2000,
    /** Characters of a string value. */
    valueChars: 1000,
  },
  /** Contacts (FORMAT.md section 6): every field ends up in an index, a message or a step. */
  contact: {
    idChars: 255,
    /** RFC 5321's limit on an address. */
    emailChars: 254,
    phoneChars: 32,
    /** name, company, title, owner.name. */
    textChars: 200,
    /** BCP 47 tags are at most 35 characters in practice. */
    localeChars: 35,
    tags: 100,
    tagChars: 64,
    /** Properties of attributes, and of any object inside them. */
    attributes: 100,
    attributeKeyChars: 64,
    /** Objects and arrays nested in attributes, attributes itself being the first. */
    attributeDepth: 4,
    /** Items of an array inside attributes. */
    attributeItems: 100,
    /** Characters of a string inside attributes. */
    attributeChars: 2000,
    /** The attributes as JSON, in UTF-8 bytes. */
    attributeBytes: 16 * 1024,
  },
  /** Nesting of the JSON as a whole; a valid file needs far less. */
  jsonDepth: 48,
  /** Properties of any one object; the largest valid ones (aliases, fields to set) hold 100. */
  objectKeys: 1000,
  /**
   * Values in a file, every object, array, string, number, boolean and null counted. The
   * checks' work grows with them (the schema validator reports every wrong item of a list, each
   * a few microseconds), so their number is bounded, far above the largest valid file (2,000
   * steps and 20,000 links take about 130,000).
   */
  values: 200_000,
  /** Problems reported for one file: past this, one more problem says how many were left out. */
  problems: 1000,
} as const;
