import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { writeSequence } from '@nudge/schema';
import type { Command } from './command.ts';
import { UsageError } from './io.ts';
import { clean } from './report.ts';
import { apiError, DEFAULT_URL } from './server-answer.ts';

/** `nudge export ID [-o FILE]` (FORMAT.md section 7), against a running server. */
export const exportCommand: Command = {
  name: 'export',
  synopsis: 'ID [-o FILE] [--url URL]',
  summary: 'write the draft of a sequence from a running server, in the canonical text',
  help: `Usage: pnpm nudge export ID [-o FILE] [--url URL]

Fetches the draft of sequence ID from a running Nudge server and writes it in the
canonical text of a sequence file: two-space indent, keys in the order of the format,
a final newline. Exporting, importing and exporting again gives the same bytes, and
two exports of one sequence diff cleanly in git.

Options:
  -o, --output FILE  write to FILE (replaced) instead of standard output
  --url URL          the server (default: NUDGE_URL, else ${DEFAULT_URL})
  -h, --help         show this help

Environment:
  NUDGE_TOKEN  an API token of the workspace (a viewer's may export)
  NUDGE_URL    the server, when --url is not given

Exit status:
  0  written
  1  the server refused: no such sequence, no token or a wrong one
  2  a wrong command line, no server answering at the URL, an answer that is not a
     sequence file, or FILE can't be written`,

  async run(args, io) {
    const { values, positionals } = parseOptions(args);
    if (values.help) {
      io.out(`${this.help}\n`);
      return 0;
    }
    if (positionals.length !== 1)
      throw new UsageError(`export takes one sequence ID (got ${positionals.length})`);
    const id = positionals[0] as string;
    const base = values.url ?? io.env.NUDGE_URL ?? DEFAULT_URL;
    let url: URL;
    try {
      url = new URL(`api/sequences/${encodeURIComponent(id)}/export`, withSlash(base));
    } catch {
      throw new UsageError(`${JSON.stringify(base)} is not a URL (http://host:port)`);
    }
    const fail = (status: number, message: string) => {
      io.err(`nudge export: ${clean(message)}\n`);
      return status;
    };
    const token = io.env.NUDGE_TOKEN;
    let res: Response;
    try {
      res = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    } catch (error) {
      const cause = (error as { cause?: { message?: string } }).cause?.message;
      return fail(2, `no answer from ${url.origin}: ${cause ?? (error as Error).message}`);
    }
    const text = await res.text();
    if (!res.ok) {
      const error = apiError(text);
      const refusal = `${res.status} ${error ? `${error.code}: ${error.message}` : res.statusText}`;
      const hint = res.status === 401 && !token ? ' (set NUDGE_TOKEN to an API token)' : '';
      return fail(res.status < 500 ? 1 : 2, `${refusal}${hint}`);
    }
    let file: string;
    try {
      // The server answers the canonical text already: written again, an older server's
      // answer is canonical too, and anything else is caught here.
      file = writeSequence(JSON.parse(text));
    } catch {
      return fail(2, `the answer from ${url.origin} is not a sequence file: is it a Nudge server?`);
    }
    if (!values.output) {
      io.out(file);
      return 0;
    }
    try {
      await writeFile(resolve(io.cwd, values.output), file);
    } catch (error) {
      return fail(2, `can't write ${values.output}: ${(error as Error).message}`);
    }
    return 0;
  },
};

const withSlash = (url: string) => (url.endsWith('/') ? url : `${url}/`);

function parseOptions(args: string[]) {
  try {
    return parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        output: { type: 'string', short: 'o' },
        url: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}
