import type { Contact, ScriptedEvent, Simulation } from '@nudge/runtime/core';
import type { Sequence } from '@nudge/schema';
import type { WhatIfRequest, WhatIfResult } from './what-if.ts';

/** What the page asks the simulation worker, and what it answers. */
export type WorkerRequest =
  | {
      id: number;
      kind: 'simulate';
      sequence: Sequence;
      contact: Contact;
      events: ScriptedEvent[];
      start: string;
      until: string;
    }
  | ({ id: number; kind: 'whatIf' } & WhatIfRequest);

export type WorkerAnswer =
  | { id: number; kind: 'simulate'; simulation: Simulation }
  | { id: number; kind: 'whatIf'; result: WhatIfResult }
  | { id: number; kind: 'error'; message: string };
