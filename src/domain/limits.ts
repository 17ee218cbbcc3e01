/**
 * The bounds every list in the API obeys. Page sizes are arguments with these maxima; the other
 * lists are capped by what one annotated statement may hold, which the seed loader enforces.
 */

/** The largest `first` of any list or connection. */
export const MAX_PAGE_SIZE = 100;

/** Evidence spans of one statement in one article. */
export const MAX_EVIDENCE_SPANS = 10;

/** Entities one claim is about. */
export const MAX_CLAIM_SUBJECTS = 10;

/** Edges a graph view returns per entity it holds; denser views are cut (and say so). */
export const MAX_EDGES_PER_NODE = 4;
