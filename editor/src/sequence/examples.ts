// The examples ship with the schema package (and are validated by its tests); @nudge/schema
// does not export them, so they are imported by path.
import coldMail from '@nudge/schema/examples/cold-mail.json';
import contractRenewal from '@nudge/schema/examples/contract-renewal.json';
import onboarding from '@nudge/schema/examples/onboarding.json';
import { sequenceStore } from './store.ts';

export interface Example {
  fileName: string;
  name: string;
  sequence: unknown;
}

export const EXAMPLES: Example[] = [onboarding, coldMail, contractRenewal].map((sequence) => ({
  fileName: `${sequence.id}.json`,
  name: sequence.name,
  sequence,
}));

/** Opens a copy of an example, so edits never change the bundled one. */
export function openExample(example: Example, store = sequenceStore): void {
  store.getState().openValue(example.fileName, structuredClone(example.sequence));
}
