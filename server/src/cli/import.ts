import { parseArgs } from 'node:util';
import { type Sequence, writeSequence } from '@nudge/schema';
import { sequenceIdFromName } from '../sequence-file.ts';
import type { Command } from './command.ts';
import { type CliIo, UsageError } from './io.ts';
import { clean, type FileReport, formatReport } from './report.ts';
import { apiError, DEFAULT_URL } from './server-answer.ts';
import { checkFile, inputName, STDIN } from './validate.ts';

/** The longest sequence id ([a-z0-9][a-z0-9_-]{0,63}). */
const MAX_ID = 64;
/** How many ids `--new-id` tries (ID-2, ID-3, ...) before it gives up. */
const NEW_ID_TRIES = 100;

/**
 * `nudge import FILE... [--replace | --new-id] [--publish]` (FORMAT.md section 7), against a
 * running server. All or nothing as far as it can be checked beforehand: every file is read
 * and validated first, then every id is looked up on the server, and only then is anything
 * written. What the server still refuses after that (a token that may only read, a draft
 * changed in between) stops the run at that file, saying what was imported before it.
 */
export const importCommand: Command = {
  name: 'import',
  synopsis: 'FILE... [--replace | --new-id] [--publish] [--url URL]',
  summary: 'create sequences on a running server from sequence files (or replace their drafts)',
  help: `Usage: pnpm nudge import FILE... [--replace | --new-id] [--publish] [--url URL]

Imports sequence files into a running Nudge server, each as the draft of the
sequence with the file's id (a file without an id gets one from its name, as the
API gives it). Prints one line per file:

  imported FILE as ID (created|replaced)[, published version N]

Every file is read and validated first, as \`nudge validate\` does: when one is
invalid or can't be read, its problems are printed and nothing is imported. Then
every id is looked up on the server: when one exists already, nothing is imported
unless you say what to do with it:

Options:
  --replace     overwrite the draft of a sequence that exists (its published
                versions and enrollments stay)
  --new-id      import such a file as a new sequence, under its id with -2, -3...
                added (the first that is free)
  --publish     publish each imported draft as the sequence's next version
                (enrollees of earlier versions stay on theirs)
  --url URL     the server (default: NUDGE_URL, else ${DEFAULT_URL})
  -h, --help    show this help

Environment:
  NUDGE_TOKEN  an API token of the workspace, an editor's or an admin's
  NUDGE_URL    the server, when --url is not given

Exit status:
  0  every file was imported (and published, with --publish)
  1  some file is invalid, some id exists already (without --replace or --new-id),
     or the server refused: a wrong token, a viewer's token, a draft that changed
  2  a wrong command line, some file can't be read or isn't JSON, no server
     answering at the URL, or an answer that is not the API's

A FILE of - is standard input (once), named <stdin>. Relative paths are taken from
the directory you ran pnpm in.`,

  async run(args, io) {
    const { values, positionals } = parseOptions(args);
    if (values.help) {
      io.out(`${this.help}\n`);
      return 0;
    }
    if (positionals.length === 0) throw new UsageError('import needs at least one FILE');
    if (positionals.filter((file) => file === STDIN).length > 1)
      throw new UsageError('`-` (stdin) can be given only once');
    if (values.replace && values['new-id'])
      throw new UsageError('--replace and --new-id exclude each other: choose one');
    const api = new Api(values.url ?? io.env.NUDGE_URL ?? DEFAULT_URL, io.env.NUDGE_TOKEN);

    const files = await readAll(positionals, io);
    if (!Array.isArray(files)) return files;
    const options = { replace: values.replace === true, newId: values['new-id'] === true };
    let imported = 0;
    // The line of a file imported whose publish is under way: printed when that fails too.
    let unpublished: string | undefined;
    try {
      const steps = await plan(files, api, options);
      if (!Array.isArray(steps)) {
        io.err(steps.message);
        return 1;
      }
      for (const step of steps) {
        const saved = await save(step, api);
        imported += 1;
        const line = `imported ${clean(step.file.name)} as ${clean(saved.id)} (${step.action === 'create' ? 'created' : 'replaced'})`;
        if (!values.publish) {
          io.out(`${line}\n`);
          continue;
        }
        unpublished = line;
        const version = await publishDraft(saved, api, step.file.name);
        unpublished = undefined;
        io.out(`${line}, published version ${version}\n`);
      }
      return 0;
    } catch (error) {
      if (!(error instanceof Stop)) throw error;
      if (unpublished) io.out(`${unpublished}\n`);
      const where = error.file === undefined ? '' : `${clean(error.file)}: `;
      io.err(`nudge import: ${where}${clean(error.message)}\n`);
      const left = files.slice(imported).map((file) => clean(file.name));
      if (imported === 0) io.err('nudge import: nothing was imported\n');
      else
        io.err(
          `nudge import: stopped after importing ${count(imported, 'file')} (above)${left.length ? `; not imported: ${left.join(', ')}` : ''}\n`,
        );
      return error.status;
    }
  },
};

/** A file of the command line, read and valid. */
interface Input {
  /** As the output names it (`<stdin>` for -). */
  name: string;
  sequence: Sequence;
}

/** What will be done with a file: the request, and the id it goes to. */
interface Step {
  file: Input;
  /** POST a new sequence, or PUT over the draft at `etag`. */
  action: 'create' | 'replace';
  /** The id in the body and the path; undefined: the file has none, the server derives it. */
  id: string | undefined;
  /** For `replace`: the draft's ETag when it was looked up (If-Match). */
  etag?: string;
}

/**
 * Reads and validates every file; prints the problems of those that are not valid (and the
 * warnings of those that are). The inputs when all are valid, else the exit status.
 */
async function readAll(paths: string[], io: CliIo): Promise<Input[] | number> {
  const inputs: Input[] = [];
  const bad: FileReport[] = [];
  for (const path of paths) {
    const { report, sequence } = await checkFile(path, io);
    if (sequence) inputs.push({ name: inputName(path), sequence });
    else bad.push(report);
    const warned = report.kind === 'checked' && report.result.warnings.length > 0;
    if (!sequence || warned) io.err(formatReport(report, { color: false }));
  }
  if (bad.length === 0) return inputs;
  const unreadable = bad.filter((report) => report.kind === 'unreadable').length;
  const invalid = bad.length - unreadable;
  const why = [
    ...(invalid ? [`${count(invalid, 'file')} invalid`] : []),
    ...(unreadable ? [`${count(unreadable, 'file')} can't be read or isn't JSON`] : []),
  ].join(', ');
  io.err(`nudge import: nothing was imported: ${why} (of ${paths.length})\n`);
  return unreadable ? 2 : 1;
}

/**
 * Looks up every id on the server and decides what each file does, before anything is
 * written. A refusal (exit 1) when ids exist and neither --replace nor --new-id says what to
 * do with them, or when two files of the batch would take one id.
 */
async function plan(
  files: Input[],
  api: Api,
  options: { replace: boolean; newId: boolean },
): Promise<Step[] | { message: string }> {
  // The id each file goes to: its own, else the one the server derives from its name (a name
  // without Latin letters or digits gives a random one: nothing to look up or to collide).
  const wanted = files.map((file) => file.sequence.id ?? derivedId(file.sequence.name));

  // Two files of the batch on one id: the second would replace or collide with the first.
  if (!options.newId) {
    const first = new Map<string, string>();
    const twice: string[] = [];
    files.forEach((file, i) => {
      const id = wanted[i];
      if (id === undefined) return;
      const earlier = first.get(id);
      if (earlier === undefined) first.set(id, file.name);
      else twice.push(`  ${id}: ${clean(earlier)} and ${clean(file.name)}`);
    });
    if (twice.length > 0)
      return {
        message: `nudge import: files of this run would import as the same sequence:\n${twice.join('\n')}\nNothing was imported. Give one of them another id, or run with --new-id to import the later ones under new ids.\n`,
      };
  }

  const existing = new Map<string, Existing | null>();
  for (const id of new Set(wanted)) if (id !== undefined) existing.set(id, await api.find(id));

  const conflicts = files.flatMap((file, i) => {
    const id = wanted[i];
    return id !== undefined && existing.get(id) ? [`  ${id} (${clean(file.name)})`] : [];
  });
  if (conflicts.length > 0 && !options.replace && !options.newId) {
    const [example] = wanted.filter((id) => id !== undefined && existing.get(id));
    return {
      message: `nudge import: ${conflicts.length === 1 ? 'a sequence exists' : 'sequences exist'} already with ${conflicts.length === 1 ? 'this id' : 'these ids'}:\n${conflicts.join('\n')}\nNothing was imported. Run again with --replace to overwrite ${conflicts.length === 1 ? 'its draft' : 'their drafts'}, or with --new-id to import ${conflicts.length === 1 ? 'it' : 'each'} as a new sequence under a new id made from its own (${freshCandidate(example as string, 2)}, or the next that is free).\n`,
    };
  }

  // Ids taken: on the server, or by an earlier file of this run (only with --new-id: two
  // files on one id were refused above otherwise).
  const taken = new Set([...existing].filter(([, found]) => found).map(([id]) => id));
  const steps: Step[] = [];
  for (const [i, file] of files.entries()) {
    const id = wanted[i];
    if (id === undefined || !taken.has(id)) {
      // A file without an id goes without it: the server derives the one predicted.
      steps.push({ file, action: 'create', id: file.sequence.id });
      if (id !== undefined) taken.add(id);
    } else if (options.newId) {
      const fresh = await freshId(id, taken, api);
      taken.add(fresh);
      steps.push({ file, action: 'create', id: fresh });
    } else {
      const found = existing.get(id) as Existing;
      steps.push({ file, action: 'replace', id, etag: found.etag });
    }
  }
  return steps;
}

/**
 * The id the server gives a file without one (sequenceIdFromName: its name as a slug), or
 * undefined when that is a random one (a name without Latin letters or digits, which differs
 * each time): nothing to look up or to collide.
 */
function derivedId(name: string): string | undefined {
  const id = sequenceIdFromName(name);
  return id === sequenceIdFromName(name) ? id : undefined;
}

/** `cold-mail` → `cold-mail-N`, cut so that it stays within the 64 characters of an id. */
function freshCandidate(id: string, n: number): string {
  const suffix = `-${n}`;
  return `${id.slice(0, MAX_ID - suffix.length)}${suffix}`;
}

/** The first of ID-2, ID-3... that no sequence has and no earlier file of the run takes. */
async function freshId(id: string, taken: Set<string>, api: Api): Promise<string> {
  for (let n = 2; n < 2 + NEW_ID_TRIES; n++) {
    const candidate = freshCandidate(id, n);
    if (taken.has(candidate)) continue;
    if (!(await api.find(candidate))) return candidate;
    taken.add(candidate);
  }
  throw new Stop(
    1,
    `no free id from ${freshCandidate(id, 2)} to ${freshCandidate(id, NEW_ID_TRIES + 1)} for ${id}: give the file another id`,
  );
}

/** Where a draft was saved: its id (the server's, for a file without one) and revision. */
interface Saved {
  id: string;
  revision: number;
}

/** Creates (POST) or replaces (PUT with If-Match) one draft. */
async function save(step: Step, api: Api): Promise<Saved> {
  const { file } = step;
  const sequence = step.id === undefined ? file.sequence : { ...file.sequence, id: step.id };
  const body = writeSequence(sequence);
  const answer =
    step.action === 'create'
      ? await api.call('POST', 'api/sequences', { body })
      : await api.call('PUT', `api/sequences/${encodeURIComponent(step.id as string)}`, {
          body,
          ifMatch: step.etag,
        });
  if (!answer.ok) throw api.refusal(answer, file.name);
  const saved = answer.json as { id?: unknown; revision?: unknown };
  if (typeof saved.id !== 'string' || typeof saved.revision !== 'number')
    throw api.notTheApi(file.name);
  return { id: saved.id, revision: saved.revision };
}

/** Publishes the draft just saved, if it is still at that revision (If-Match); its version. */
async function publishDraft(saved: Saved, api: Api, file: string): Promise<number> {
  const answer = await api.call('POST', `api/sequences/${encodeURIComponent(saved.id)}/publish`, {
    ifMatch: `"${saved.revision}"`,
  });
  const notPublished = (stop: Stop) =>
    new Stop(stop.status, `imported, but not published: ${stop.message}`, file);
  if (!answer.ok) throw notPublished(api.refusal(answer));
  const { version } = answer.json as { version?: unknown };
  if (typeof version !== 'number') throw notPublished(api.notTheApi());
  return version;
}

/** The run stops here: exit `status`, with this message (about `file`, when it names one). */
class Stop extends Error {
  readonly status: number;
  readonly file: string | undefined;

  constructor(status: number, message: string, file?: string) {
    super(message);
    this.status = status;
    this.file = file;
  }
}

/** A sequence that exists on the server: its draft's ETag, for If-Match. */
interface Existing {
  etag: string;
}

type Answer =
  | { ok: true; status: number; json: unknown }
  | { ok: false; status: number; statusText: string; code?: string; message?: string };

/** The server's API, as this command calls it. */
class Api {
  private readonly base: URL;
  private readonly token: string | undefined;

  constructor(base: string, token: string | undefined) {
    this.token = token;
    try {
      this.base = new URL(base.endsWith('/') ? base : `${base}/`);
      if (this.base.protocol !== 'http:' && this.base.protocol !== 'https:') throw new Error();
    } catch {
      throw new UsageError(`${JSON.stringify(base)} is not a URL (http://host:port)`);
    }
  }

  get origin(): string {
    return this.base.origin;
  }

  /**
   * One request. An answer with a 4xx status is returned, for the caller to read; no answer,
   * a 5xx or an answer that is not JSON stops the run (exit 2).
   */
  async call(
    method: string,
    path: string,
    options: { body?: string; ifMatch?: string } = {},
  ): Promise<Answer> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    if (options.ifMatch !== undefined) headers['if-match'] = options.ifMatch;
    let text: string;
    let res: Response;
    try {
      res = await fetch(new URL(path, this.base), { method, headers, body: options.body });
      text = await res.text();
    } catch (error) {
      const cause = (error as { cause?: { message?: string } }).cause?.message;
      throw new Stop(2, `no answer from ${this.origin}: ${cause ?? (error as Error).message}`);
    }
    const error = apiError(text);
    if (res.status >= 500)
      throw new Stop(
        2,
        `${res.status} ${error ? `${error.code}: ${error.message}` : res.statusText} from ${this.origin}`,
      );
    if (!res.ok) return { ok: false, status: res.status, statusText: res.statusText, ...error };
    try {
      return { ok: true, status: res.status, json: JSON.parse(text) };
    } catch {
      throw this.notTheApi();
    }
  }

  /** The sequence `id` as it is now, or null when there is none. */
  async find(id: string): Promise<Existing | null> {
    const answer = await this.call('GET', `api/sequences/${encodeURIComponent(id)}`);
    if (!answer.ok) {
      if (answer.status === 404 && answer.code === 'sequence_not_found') return null;
      throw this.refusal(answer);
    }
    const revision = (answer.json as { revision?: unknown }).revision;
    if (typeof revision !== 'number') throw this.notTheApi();
    return { etag: `"${revision}"` };
  }

  /** The server said no: `403 forbidden: …`, exit 1 (2 when it is not the API's answer). */
  refusal(answer: Answer & { ok: false }, file?: string): Stop {
    if (answer.code === undefined)
      return this.notTheApi(file, `${answer.status} ${answer.statusText}`);
    let hint = '';
    if (answer.status === 401)
      hint = this.token ? ' (check NUDGE_TOKEN)' : ' (set NUDGE_TOKEN to an API token)';
    return new Stop(1, `${answer.status} ${answer.code}: ${answer.message}${hint}`, file);
  }

  notTheApi(file?: string, what = 'answer'): Stop {
    return new Stop(
      2,
      `the ${what} from ${this.origin} is not the Nudge API's: is it a Nudge server?`,
      file,
    );
  }
}

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

function parseOptions(args: string[]) {
  try {
    return parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        replace: { type: 'boolean' },
        'new-id': { type: 'boolean' },
        publish: { type: 'boolean' },
        url: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}
