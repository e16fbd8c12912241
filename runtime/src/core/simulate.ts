import type { Sequence } from '@nudge/schema';
import type { Contact, EnrollmentStatus, EventType, Sender, StepAction } from './types.ts';

/** An event of a simulation's script (FORMAT.md section 6): `at` is ISO 8601. */
export interface ScriptedEvent {
  at: string;
  type: EventType;
  node?: string;
  name?: string;
}

export interface SimulateOptions {
  sequence: Sequence;
  contact: Contact;
  events?: ScriptedEvent[];
  /** When the contact is enrolled, ISO 8601. */
  start: string;
  /** When the simulation stops, ISO 8601: the enrollment may still be active then. */
  until: string;
  enrollmentId?: string;
  /** The workspace's default sender, when the sequence has none. */
  sender?: Sender;
}

/** One line of a simulated timeline: FORMAT.md section 7, plus local time and deferral. */
export interface TimelineEntry {
  /** ISO 8601, UTC. */
  at: string;
  /** The same instant in the enrollment's zone, ISO 8601 with its offset. */
  local: string;
  node: string;
  type: string;
  action: StepAction;
  handle?: string;
  channel?: string;
  subject?: string;
  /** For `wait`: until when, ISO 8601 UTC. */
  until?: string;
  /** For a send or task that waited past its due time: since when, and why. */
  deferred?: { from: string; reason: string };
  status?: Exclude<EnrollmentStatus, 'active'>;
  note?: string;
  warnings?: string[];
}

export interface Simulation {
  status: EnrollmentStatus;
  /** The enrollment's zone, in which `local` times are given. */
  zone: string;
  timeline: TimelineEntry[];
}

export function simulate(_options: SimulateOptions): Simulation {
  throw new Error('not yet');
}
