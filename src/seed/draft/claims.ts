/**
 * Claims: direct speech (a quotation with its speaker: "…,” Balbek said; “…,” said he) and reported
 * speech ("X told RIA Novosti on January 6 that …", "X has blamed … for …"), each with its speaker,
 * the medium it was said to ("told Interfax"), its kind and certainty from the verb and the
 * article's cues ("blamed" BLAME and ALLEGED, "reportedly" REPORTED, "expected to" EXPECTED), and
 * the statement it continues when the speaker is a pronoun ("said he", "According to him").
 */
import type { Span } from '../annotation.ts';
import { certaintyOf, type Certainty } from './attribution.ts';
import type { FoundEntity } from './entities.ts';
import { overlaps, spanAt, SPEECH_VERBS } from './text.ts';

export type ClaimKind = 'ACCUSATION' | 'BLAME' | 'PREDICTION' | 'STATEMENT';

export interface FoundClaim {
  quote: Span;
  sentence: Span;
  speaker: FoundEntity;
  /** Where the speaker is named (or the pronoun that stands for them). */
  speakerSpan: Span;
  medium?: FoundEntity;
  kind: ClaimKind;
  certainty: Certainty;
  /** The earlier claim of the same statement, when a pronoun names the speaker. */
  continues?: FoundClaim;
  why: string;
}

/** Characters inside quotation marks for speech rather than a scare quote ("liquidated", "terrorist"). */
const MIN_SPEECH_CHARACTERS = 20;

/** Quotations as pairs of marks: curly ones by their shape, straight ones taken in turns. */
function quotationsOf(text: string): { start: number; end: number; inner: Span }[] {
  const found: { start: number; end: number; inner: Span }[] = [];
  let open: number | undefined;
  for (let index = 0; index < text.length; index++) {
    const mark = text[index];
    const closes = mark === '”' || (mark === '"' && open !== undefined);
    if (mark === '“' || (mark === '"' && open === undefined)) open = index;
    else if (closes && open !== undefined) {
      const inner = text.slice(open + 1, index).replace(/[\s,.]+$/, '');
      if (inner.length >= MIN_SPEECH_CHARACTERS) found.push({ start: open, end: index + 1, inner: spanAt(text, open + 1, open + 1 + inner.length) });
      open = undefined;
    }
  }
  return found;
}
const SPEAKER_AFTER_QUOTE = new RegExp(`^\\s*,?\\s*(?:(?<verbFirst>${SPEECH_VERBS})\\s+(?<pronounAfter>he|she)\\b|(?<name>[\\p{Lu}][\\p{L}’'-]*(?:\\s+[\\p{Lu}][\\p{L}’'-]*)*)\\s+(?:${SPEECH_VERBS})\\b|(?<pronoun>he|she)\\s+(?:${SPEECH_VERBS})\\b)`, 'u');
const SPEAKER_BEFORE_QUOTE = /(?:according to (?<pronoun>him|her)|(?<verb>said|added|wrote|stated)\s*:?)[\s,]*(?:the\s+)?[“"]?$/i;
const REPORTED_SPEECH = new RegExp(`^\\s*(?:\\([^)]*\\)\\s*)?(?:,\\s*(?:who|which)\\b[^,]{0,80},)?,?\\s*(?:has\\s+|have\\s+|had\\s+|also\\s+|reportedly\\s+)*(?<verb>${SPEECH_VERBS})\\b(?:\\s+(?:on\\s+)?(?<medium>[\\p{Lu}][\\p{L}/’'-]*(?:\\s+[\\p{Lu}][\\p{L}/’'-]*)*))?(?:\\s+(?:on|early on|late on)\\s+(?:[\\p{Lu}]\\p{L}+\\s+\\d{1,2}(?:,\\s*\\d{4})?|[\\p{Lu}]\\p{L}+))?(?:\\s+that)?\\s+`, 'u');

function kindOf(verb: string, content: string): ClaimKind {
  if (/blame/i.test(verb)) return 'BLAME';
  if (/accus|alleg/i.test(verb) || /\b(are|is|were|was) behind\b|\bat the helm\b|\borganiz(ed|ing|er)\b/i.test(content)) return 'ACCUSATION';
  if (/\b(will|would|expects?|expected to)\b/i.test(content)) return 'PREDICTION';
  return 'STATEMENT';
}

const mentionIn = (entities: FoundEntity[], span: { start: number; end: number }) =>
  entities.find((entity) => entity.mentions.some((mention) => overlaps(mention, span)));

export function findClaims(text: string, sentences: Span[], entities: FoundEntity[]): FoundClaim[] {
  const claims: FoundClaim[] = [];
  const speakers = entities.filter((entity) => entity.kind === 'PERSON' || entity.kind === 'ORGANIZATION' || entity.kind === 'COUNTRY');
  const sentenceOf = (at: number) => sentences.find((sentence) => sentence.start <= at && at < sentence.end) ?? spanAt(text, at, at + 1);
  const previousSpeech = (before: number) => [...claims].reverse().find((claim) => claim.quote.start < before && claim.speaker.kind === 'PERSON');

  const quotations = quotationsOf(text);

  // Reported speech: a speaker, a speech verb, perhaps a medium and a date, then what was said.
  for (const sentence of sentences) {
    if (quotations.some((quotation) => overlaps(quotation, sentence))) continue;
    for (const speaker of speakers) {
      const mention = speaker.mentions.find((span) => span.start >= sentence.start && span.end <= sentence.end);
      if (!mention) continue;
      const match = REPORTED_SPEECH.exec(text.slice(mention.end, sentence.end));
      if (!match) continue;
      const contentStart = mention.end + match[0].length;
      const verb = match.groups!['verb']!;
      let contentEnd = sentence.end;
      while (contentEnd > contentStart && /[\s.]/.test(text[contentEnd - 1]!)) contentEnd--;
      // "blamed X for Y and asked Z": the blame ends where the next verb begins.
      const blame = /blame/i.test(verb);
      let quoteStart = blame ? mention.end + match[0].indexOf(verb) : contentStart;
      // "…were behind the unrest, Tokayev said in a televised address.": what was said comes first.
      const saidFirst = /^(in|on|at|during|late|early|by|after|before|later)\b|^$/i.test(text.slice(contentStart, contentEnd).trim());
      if (saidFirst) {
        const comma = text.lastIndexOf(',', mention.start);
        if (comma <= sentence.start || !/^,\s+(the\s+)?$/i.test(text.slice(comma, mention.start).replace(/[\p{L} ]+$/u, (words) => (/^\s*(the\s+)?$/i.test(words) ? words : '')))) continue;
        quoteStart = sentence.start;
        contentEnd = comma;
      }
      const rest = text.slice(quoteStart, contentEnd);
      const cut = /\s+and\s+(?:\w+ed|has|have)\b/.exec(rest);
      if (cut) contentEnd = quoteStart + cut.index;
      if (contentEnd - quoteStart < 15) continue;
      const mediumName = match.groups!['medium'];
      const mediumAt = mediumName ? mention.end + match[0].indexOf(mediumName) : -1;
      const medium = mediumName ? mentionIn(entities, { start: mediumAt, end: mediumAt + mediumName.length }) : undefined;
      const quote = spanAt(text, quoteStart, contentEnd);
      const kind = kindOf(verb, quote.text);
      claims.push({
        quote,
        sentence,
        speaker,
        speakerSpan: mention,
        ...(medium && /^(told|wrote|posted)$/.test(verb) ? { medium } : {}),
        kind,
        certainty: kind === 'ACCUSATION' || kind === 'BLAME' ? 'ALLEGED' : certaintyOf(sentence.text).certainty,
        why: `reported speech: "${speaker.name} ${verb}"`,
      });
      break;
    }
  }
  // Direct speech.
  for (const quotation of quotations) {
    const quote = quotation.inner;
    const inner = quote.text;
    const closing = quotation.end;
    const after = SPEAKER_AFTER_QUOTE.exec(text.slice(closing, closing + 60));
    const before = SPEAKER_BEFORE_QUOTE.exec(text.slice(Math.max(0, quotation.start - 40), quotation.start + 1));
    let speaker: FoundEntity | undefined;
    let speakerSpan: Span | undefined;
    let continues: FoundClaim | undefined;
    let why = 'a quotation with its speaker';
    if (after?.groups?.['name']) {
      const nameStart = closing + after[0].indexOf(after.groups['name']);
      speakerSpan = spanAt(text, nameStart, nameStart + after.groups['name'].length);
      speaker = mentionIn(speakers, speakerSpan);
    } else if (after?.groups?.['pronounAfter'] || after?.groups?.['pronoun'] || before?.groups?.['pronoun']) {
      continues = previousSpeech(quotation.start);
      speaker = continues?.speaker;
      const pronoun = after ? closing + after[0].search(/\b(he|she)\b/) : quotation.start - 40 + before!.index;
      speakerSpan = after ? spanAt(text, closing, closing + after[0].length).text.trim() ? spanAt(text, closing + after[0].search(/\S/), closing + after[0].length) : undefined : spanAt(text, Math.max(0, pronoun), Math.max(0, pronoun) + before![0].replace(/[\s,“"]+$/, '').length);
      why = 'a quotation whose speaker is a pronoun: the same statement as the speech before it';
    } else if (/^\s*$/.test(text.slice(closing, closing + 1)) && text.slice(Math.max(0, quotation.start - 3), quotation.start).trim() === '') {
      // A quotation right after another one, with no speaker of its own: the same speaker goes on.
      continues = previousSpeech(quotation.start);
      speaker = continues?.speaker;
      why = 'a quotation that follows the same speaker\'s quotation';
    }
    if (!speaker) continue;
    // The same speaker quoted again after a statement with its medium or date: most likely that statement.
    continues ??= claims.find((claim) => claim.speaker === speaker && claim.quote.start < quote.start && (claim.medium !== undefined || /\bon\s+\p{Lu}/u.test(claim.sentence.text)));
    if (continues?.continues) continues = continues.continues;
    const sentence = sentenceOf(quote.start);
    const verb = after?.[0] ?? before?.[0] ?? '';
    const kind = kindOf(verb, inner);
    const claim: FoundClaim = {
      quote,
      sentence,
      speaker,
      speakerSpan: speakerSpan ?? quote,
      kind,
      certainty: kind === 'ACCUSATION' || kind === 'BLAME' ? 'ALLEGED' : certaintyOf(sentence.text).certainty,
      ...(continues ? { continues } : {}),
      why,
    };
    claims.push(claim);
  }

  return claims.sort((a, b) => a.quote.start - b.quote.start);
}
