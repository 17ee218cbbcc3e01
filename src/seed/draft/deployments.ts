/**
 * Deployments: troops a country sends to another, from the force words of a sentence ("Russian
 * paratroopers arrived", "troops from Belarus", "Armenia sent some 70 soldiers to Kazakhstan"),
 * with their status from the verb, their troops figure, and the deployments other articles already
 * report of the same sender and destination (for the reviewer: the graph will hold both).
 */
import type { Span } from '../annotation.ts';
import { certaintyOf, type Certainty } from './attribution.ts';
import type { FoundEntity } from './entities.ts';
import type { FoundFigure } from './figures.ts';
import type { KnownDeployment } from './known.ts';
import { overlaps, spanAt } from './text.ts';

export type DeploymentStatus = 'ARRIVED' | 'SENT' | 'SENDING' | 'EXPECTED';

export interface FoundDeployment {
  countryId: string;
  destinationId: string;
  force: string;
  status: DeploymentStatus;
  sentence: Span;
  forceSpan: Span;
  figure?: FoundFigure;
  certainty: Certainty;
  restates: KnownDeployment[];
}

const FORCE = /\b(troops|soldiers|peacekeepers|paratroopers|servicemen|forces)\b/gi;

function statusOf(clause: string): DeploymentStatus | undefined {
  if (/\bexpected to (send|deploy|arrive)|\bwill (send|deploy|arrive)|\bplans? to (send|deploy)/i.test(clause)) return 'EXPECTED';
  if (/\barriv(ed|ing)|\blanded\b/i.test(clause)) return 'ARRIVED';
  if (/\b(are|is) (sending|deploying)\b/i.test(clause)) return 'SENDING';
  if (/\b(sent|deployed|dispatched)\b/i.test(clause)) return 'SENT';
  return undefined;
}

export function findDeployments(text: string, sentences: Span[], entities: FoundEntity[], figures: FoundFigure[], mainCountryId: string | undefined, known: KnownDeployment[]): FoundDeployment[] {
  const countries = entities.filter((entity) => entity.kind === 'COUNTRY');
  const countryAt = (span: { start: number; end: number }) => countries.find((country) => country.mentions.some((mention) => overlaps(mention, span)));
  const found: FoundDeployment[] = [];
  for (const sentence of sentences) {
    // Clauses: "Tajikistan are sending about 200 peacekeepers to Kazakhstan, and Kyrgyzstan is expected to send 150 troops".
    const clauses = sentence.text.split(/,\s+(?:and|followed by|while)\s+|;\s+/);
    let offset = sentence.start;
    for (const clause of clauses) {
      const clauseStart = text.indexOf(clause, offset);
      offset = clauseStart + clause.length;
      for (const match of clause.matchAll(FORCE)) {
        const forceSpan = spanAt(text, clauseStart + match.index, clauseStart + match.index + match[0].length);
        const status = statusOf(clause) ?? statusOf(sentence.text);
        if (!status) continue;
        const before = countries
          .flatMap((country) => country.mentions.filter((mention) => mention.start >= clauseStart && mention.end <= forceSpan.start).map((mention) => ({ country, mention })))
          .sort((a, b) => b.mention.start - a.mention.start);
        const fromMatch = /^\s+from\s+/.exec(text.slice(forceSpan.end, forceSpan.end + 8));
        const sender = fromMatch ? countryAt({ start: forceSpan.end + fromMatch[0].length, end: forceSpan.end + fromMatch[0].length + 1 }) : before[0]?.country;
        const toMatch = /\bto\s+/.exec(text.slice(forceSpan.end, clauseStart + clause.length));
        const destination = toMatch ? countryAt({ start: forceSpan.end + toMatch.index + toMatch[0].length, end: forceSpan.end + toMatch.index + toMatch[0].length + 1 }) : undefined;
        const destinationId = destination?.id ?? mainCountryId;
        if (!sender || !destinationId || sender.id === destinationId || found.some((deployment) => deployment.countryId === sender.id && deployment.sentence.start === sentence.start)) continue;
        const figure = figures.find((candidate) => candidate.metric === 'TROOPS' && candidate.sentence.start === sentence.start && candidate.span.end <= forceSpan.start && forceSpan.start - candidate.span.end < 3);
        found.push({
          countryId: sender.id,
          destinationId,
          force: match[0].toLowerCase(),
          status,
          sentence,
          forceSpan,
          ...(figure ? { figure } : {}),
          certainty: status === 'EXPECTED' ? 'EXPECTED' : certaintyOf(sentence.text).certainty,
          restates: known.filter((deployment) => deployment.countryId === sender.id && deployment.destinationId === destinationId),
        });
      }
    }
  }
  return found;
}
