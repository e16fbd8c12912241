import { type Contact, type ScriptedEvent, simulate } from '@nudge/runtime/core';
import type { Sequence } from '@nudge/schema';
import { checkContact } from '@nudge/schema';
import { checkEvents } from './events-input.ts';
import type { CliIo } from './io.ts';
import { readJsonInput } from './json-input.ts';
import { clean, formatReport } from './report.ts';
import type { SimulateArgs } from './simulate.ts';
import { formatTimeline, type SimulatedTimeline } from './timeline.ts';
import { checkFile, inputName } from './validate.ts';

/** Problems listed per contact or events file: enough to act on, not a screenful per item. */
const MAX_PROBLEMS = 20;

/**
 * `nudge simulate` once its command line is checked: read the inputs, run the simulator,
 * print the timeline. Returns the exit status.
 */
export async function runSimulation(options: SimulateArgs, io: CliIo): Promise<number> {
  const inputs = await readInputs(options, io);
  if (typeof inputs === 'number') return inputs;
  let simulation: SimulatedTimeline;
  try {
    const { status, zone, timeline } = simulate({
      ...inputs,
      start: options.start,
      until: options.until,
    });
    // The --json shape of FORMAT.md section 7, plus the zone the local times are in.
    simulation = { status, zone, timeline };
  } catch (error) {
    io.err(`nudge simulate: ${clean((error as Error)?.message ?? String(error))}\n`);
    return 1;
  }
  if (options.json) io.out(`${JSON.stringify(simulation, null, 2)}\n`);
  else {
    const heading = {
      file: inputName(options.file),
      contact: inputs.contact,
      until: options.until,
    };
    io.out(formatTimeline(simulation, heading, io));
  }
  return 0;
}

/**
 * Reads and checks the sequence, the contact and the events, printing every problem found on
 * stderr. Returns the exit status when something is wrong: 2 wins over 1, as in validate.
 */
async function readInputs(
  options: SimulateArgs,
  io: CliIo,
): Promise<{ sequence: Sequence; contact: Contact; events: ScriptedEvent[] } | number> {
  const { report, sequence } = await checkFile(options.file, io);
  const shown = report.kind === 'unreadable' || !report.result.ok || report.result.warnings.length;
  if (shown) io.err(formatReport(report, { color: false }));
  let status = report.kind === 'unreadable' ? 2 : sequence ? 0 : 1;
  const refuse = (text: string) => {
    io.err(text);
    status = 2;
  };

  const contactFile = await readJsonInput(options.contact, io);
  const contact = contactFile.ok ? checkContact(contactFile.value) : undefined;
  if (!contactFile.ok) refuse(`${contactFile.line}\n`);
  else if (contact && !contact.ok)
    refuse(
      listProblems(
        options.contact,
        contact.problems.map((p) => p.message),
      ),
    );

  let events: ScriptedEvent[] = [];
  if (options.events !== undefined) {
    const eventsFile = await readJsonInput(options.events, io);
    // Node ids are checked against a valid sequence only; an invalid one has said enough.
    const nodeIds = sequence ? new Set(sequence.nodes.map((node) => node.id)) : null;
    const checked = eventsFile.ok ? checkEvents(eventsFile.value, nodeIds) : undefined;
    if (!eventsFile.ok) refuse(`${eventsFile.line}\n`);
    else if (checked && !checked.ok) refuse(listProblems(options.events, checked.problems));
    else if (checked?.ok) events = checked.events;
  }
  if (status !== 0 || !sequence || !contact?.ok) return status || 1;
  return { sequence, contact: contact.contact, events };
}

/** One line per problem, each naming the file, at most MAX_PROBLEMS of them. */
function listProblems(path: string, problems: string[]): string {
  const file = clean(inputName(path));
  const lines = problems.slice(0, MAX_PROBLEMS).map((problem) => `${file}: ${clean(problem)}`);
  const left = problems.length - MAX_PROBLEMS;
  if (left > 0) lines.push(`${file}: ${left} more problems are not listed: fix these first`);
  return lines.map((line) => `${line}\n`).join('');
}
