/**
 * The reference dashboard at /dashboard/: the bundle `vite build` writes to dashboard/dist (npm's
 * prepare step), under a CSP of its own that allows this origin only: no inline code or styles,
 * no CDN, API calls to this server's /graphql.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { Router } from 'express';
import helmet from 'helmet';

export const DASHBOARD_DIST = fileURLToPath(new URL('../../dashboard/dist/', import.meta.url));

const dashboardHeaders = helmet({
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      scriptSrcAttr: ["'none'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'"],
      fontSrc: ["'self'"],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'self'"],
    },
  },
});

export function dashboardRouter(dist = DASHBOARD_DIST): Router {
  const router = Router();
  router.use(dashboardHeaders);
  // Checked per request, so a build made while the server runs is served at once.
  router.use((_request, response, next) => {
    if (existsSync(path.join(dist, 'index.html'))) return next();
    response
      .status(503)
      .type('text/plain')
      .send('The dashboard is not built: run `npm install` (its prepare step builds it) or `npm run build:dashboard`, then reload.\n');
  });
  router.use(express.static(dist));
  router.use((_request, response) => {
    response.status(404).type('text/plain').send('Not found.\n');
  });
  return router;
}
