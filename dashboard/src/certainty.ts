/** How each certainty looks everywhere on the page: anything weaker than STATED must never look like a fact. */
import type { Certainty } from '../../examples/generated/graphql.ts';

export interface CertaintyLook {
  label: string;
  meaning: string;
  color: string;
  lineStyle: 'solid' | 'dashed' | 'dotted';
}

export const CERTAINTY: Record<Certainty, CertaintyLook> = {
  STATED: { label: 'stated', meaning: 'stated plainly by a named source', color: '#2b4a66', lineStyle: 'solid' },
  REPORTED: { label: 'reported', meaning: 'hearsay: “reportedly”, “media outlets say”', color: '#7a5aa6', lineStyle: 'dotted' },
  ALLEGED: { label: 'alleged', meaning: 'an accusation by a party, not established as fact', color: '#c0392b', lineStyle: 'dashed' },
  EXPECTED: { label: 'expected', meaning: 'planned or expected, not yet happened', color: '#8a8a8a', lineStyle: 'dotted' },
};

export const CERTAINTIES = Object.keys(CERTAINTY) as Certainty[];
