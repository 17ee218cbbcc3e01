/**
 * Who a sentence attributes its content to, and how certain it is: the cues of news style that
 * figures, claims, events and deployments share.
 */
import type { Span } from '../annotation.ts';
import type { FoundEntity } from './entities.ts';
import { SPEECH_VERBS } from './text.ts';

export type Certainty = 'STATED' | 'REPORTED' | 'ALLEGED' | 'EXPECTED';

const SPEAKER_THEN_VERB = new RegExp(`^\\s*(?:\\([^)]*\\)\\s*)?,?\\s*(?:has\\s+|have\\s+|had\\s+|also\\s+|reportedly\\s+|later\\s+|on\\s+\\w+\\s+)*(${SPEECH_VERBS})\\b`, 'u');
const ACCORDING_TO = /\baccording to\s+(?:the\s+)?$/i;

/** The entity a sentence names as the one who says it: "X said", "X told", "according to X". */
export function sourceIn(sentence: Span, text: string, entities: FoundEntity[], kinds: FoundEntity['kind'][] = ['PERSON', 'ORGANIZATION', 'COUNTRY']): { entity: FoundEntity; mention: Span; verb: string } | undefined {
  const mentions = entities
    .filter((entity) => kinds.includes(entity.kind))
    .flatMap((entity) => entity.mentions.filter((mention) => mention.start >= sentence.start && mention.end <= sentence.end).map((mention) => ({ entity, mention })))
    .sort((a, b) => a.mention.start - b.mention.start);
  for (const { entity, mention } of mentions) {
    const verb = SPEAKER_THEN_VERB.exec(text.slice(mention.end, Math.min(sentence.end, mention.end + 80)));
    if (verb) return { entity, mention, verb: verb[1]!.toLowerCase() };
    if (ACCORDING_TO.test(text.slice(Math.max(sentence.start, mention.start - 20), mention.start))) return { entity, mention, verb: 'according to' };
  }
  return undefined;
}

/** How certain the article is of what a sentence (or clause) says, by its cues. */
export function certaintyOf(clause: string): { certainty: Certainty; cue?: string } {
  const cue = (pattern: RegExp) => pattern.exec(clause)?.[0];
  const alleged = cue(/\b(allegedly|alleged|alleges|blamed|blames|accused|accuses|claimed|claims)\b/i);
  if (alleged) return { certainty: 'ALLEGED', cue: alleged };
  const expected = cue(/\b(is|are|was|were) expected to\b|\bplans? to\b|\bwill (send|deploy|arrive)\b/i);
  if (expected) return { certainty: 'EXPECTED', cue: expected };
  // "…, the RIA Novosti agency reported.": attributed to a medium.
  const reported = cue(/\b(reportedly|according to|media reports?|reports say|some media|news agencies reported)\b|,[^,]*\breported\.?$/i);
  if (reported) return { certainty: 'REPORTED', cue: reported };
  return { certainty: 'STATED' };
}
