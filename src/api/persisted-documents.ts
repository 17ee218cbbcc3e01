/**
 * Persisted documents: the operations of `examples/` (graphql-codegen's manifest, id
 * `sha256:<hex>` → document) can be sent by id alone, as `documentId` (the GraphQL-over-HTTP
 * convention) or as an Apollo APQ hash (`extensions.persistedQuery.sha256Hash`), by GET or POST.
 * The id is replaced by its document before Apollo sees the request, so everything after (limits,
 * caching, the APQ hash check) treats it as the query it stands for.
 *
 * With PERSISTED_DOCUMENTS_ONLY every other document is refused, except the manifest's documents
 * as Apollo Client sends them: in its own field order and with the `__typename` fields its cache
 * adds. Its persisted-queries link sends their hash first; Apollo answers PERSISTED_QUERY_NOT_FOUND,
 * the link sends the document, it is compared with the manifest (both without `__typename`, in
 * graphql-codegen's normalised print), and once accepted Apollo's APQ cache knows its hash.
 */
import { printExecutableGraphQLDocument } from '@graphql-tools/documents';
import type { RequestHandler, Response } from 'express';
import { parse, visit } from 'graphql';
import type { Config } from '../config/env.ts';
import { errorBody, ErrorCode, type ErrorCodeName } from './errors.ts';

const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/** The APQ hash of a request's extensions, given as an object (POST) or as JSON text (GET); `undefined` when absent. */
function apqHash(extensions: unknown): unknown {
  let parsed = extensions;
  if (typeof extensions === 'string') {
    try {
      parsed = JSON.parse(extensions);
    } catch {
      // Apollo reports malformed extensions itself.
      return undefined;
    }
  }
  return isRecord(parsed) && isRecord(parsed.persistedQuery) ? parsed.persistedQuery.sha256Hash : undefined;
}

const HASH_NOT_TEXT = 'extensions.persistedQuery.sha256Hash must be a string: the SHA-256 of the query, in hex.';

/** A document without its unaliased `__typename` fields, in graphql-codegen's normalised print; undefined when it does not parse. */
function normalised(document: string, maxTokens: number): string | undefined {
  try {
    const parsed = parse(document, { noLocation: true, maxTokens });
    return printExecutableGraphQLDocument(visit(parsed, { Field: (field) => (field.name.value === '__typename' && !field.alias ? null : undefined) }));
  } catch {
    return undefined;
  }
}

const refuse = (response: Response, code: ErrorCodeName, message: string) =>
  response.status(400).set('cache-control', 'no-store').json(errorBody(code, message));

const NOT_FOUND = (id: string) =>
  `No persisted document "${id}" on this server: send the id of a document in its manifest ("sha256:" and the document's SHA-256), or the query itself.`;
const REQUIRED =
  'This server runs persisted documents only (PERSISTED_DOCUMENTS_ONLY): send the id of a document in its manifest ' +
  '(documentId "sha256:<hash>", or extensions.persistedQuery.sha256Hash), not a document of your own.';

export function persistedDocuments(settings: Config['graphql']['persistedDocuments'], maxTokens: number): RequestHandler {
  const { manifest, only } = settings;
  const documents = new Set(manifest.values());
  const normalisedDocuments = new Set([...documents].map((document) => normalised(document, Number.POSITIVE_INFINITY)));
  const inManifest = (query: unknown) =>
    typeof query === 'string' && (documents.has(query) || normalisedDocuments.has(normalised(query, maxTokens) ?? ''));
  return (request, response, next) => {
    const get = request.method === 'GET';
    const url = new URL(request.url, 'http://api');
    const params: Record<string, unknown> = get ? Object.fromEntries(url.searchParams) : request.body;
    // Anything else (a batch, a bad body) is Apollo's to refuse.
    if (!isRecord(params)) return next();

    const hash = apqHash(params.extensions);
    // Anything else would reach Apollo's APQ cache as a key it cannot handle (a 500).
    if (hash !== undefined && typeof hash !== 'string') return refuse(response, ErrorCode.BAD_REQUEST, HASH_NOT_TEXT);

    let document: string | undefined;
    if (params.documentId !== undefined) {
      if (typeof params.documentId !== 'string') return refuse(response, ErrorCode.BAD_REQUEST, 'documentId must be a string such as "sha256:<hash>".');
      if (params.query !== undefined) return refuse(response, ErrorCode.BAD_REQUEST, 'Send a documentId or a query, not both.');
      document = manifest.get(params.documentId);
      if (document === undefined) return refuse(response, ErrorCode.PERSISTED_DOCUMENT_NOT_FOUND, NOT_FOUND(params.documentId));
    } else if (params.query === undefined) {
      if (typeof hash === 'string') {
        // Not in the manifest: Apollo's own APQ cache may know it, or ask for the document, which
        // is then checked above.
        document = manifest.get(`sha256:${hash}`);
      }
    } else if (only && !inManifest(params.query)) {
      return refuse(response, ErrorCode.PERSISTED_DOCUMENT_REQUIRED, REQUIRED);
    }

    if (document !== undefined) {
      if (get) {
        url.searchParams.delete('documentId');
        url.searchParams.set('query', document);
        request.url = `${url.pathname}${url.search}`;
      } else {
        delete params.documentId;
        params.query = document;
      }
    }
    next();
  };
}
