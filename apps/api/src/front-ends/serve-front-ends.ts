import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import type { AppConfig } from '@lib/platform';

/** Where `npm run build:web` puts the two front ends (the project's root is the working directory, as `npm start` and the image run it). */
export const FRONT_END_DIR = join(process.cwd(), 'dist', 'web');

/** The front ends the api serves beside itself: the residents' portal and the back office. */
export const FRONT_ENDS = [
  { path: '/portaal', dir: 'portaal' },
  { path: '/beheer', dir: 'beheer' },
] as const;

/** What a front end is told at load time (apps/web/src/shared/config.ts reads it): nothing secret. */
export function frontEndSettings(config: AppConfig) {
  return {
    municipality: config.MUNICIPALITY_NAME,
    staffSignIn:
      config.AUTH_ISSUER && config.BACKOFFICE_CLIENT_ID ? { issuer: config.AUTH_ISSUER, clientId: config.BACKOFFICE_CLIENT_ID, audience: config.AUTH_AUDIENCE, scopes: config.BACKOFFICE_SCOPES } : null,
    developmentTokens: config.NODE_ENV !== 'production' && !config.AUTH_JWKS_URL,
    residentSignIn: Boolean(config.RESIDENT_AUTH_ISSUER),
  };
}

/** JSON safe inside a <script> element: no `<`, so no `</script>` can end it early. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

/**
 * Serves dist/web: the hashed assets under /assets/ (cached for a year), and each front end's
 * index.html for every path under its prefix (the front end routes in the browser), with the settings
 * injected as JSON and the municipality's theme (FRONT_END_THEME_CSS at <prefix>/thema.css, its class on
 * the body) linked after the built styles. Without a build, the prefixes answer 503 with the command that builds them.
 */
export function serveFrontEnds(app: NestExpressApplication, config: AppConfig, dir = FRONT_END_DIR): void {
  const settings = `<script type="application/json" id="ib-config">${scriptJson(frontEndSettings(config))}</script>`;
  app.useStaticAssets(join(dir, 'assets'), { prefix: '/assets/', immutable: true, maxAge: '365d', index: false, fallthrough: false });
  for (const frontEnd of FRONT_ENDS) {
    let page: string | undefined;
    const html = (): string | undefined => {
      if (page !== undefined) return page;
      const file = join(dir, frontEnd.dir, 'index.html');
      if (!existsSync(file)) return undefined;
      page = readFileSync(file, 'utf8')
        .replace('<!--ib-config-->', settings)
        .replace('class="voorbeeld-theme ', `class="${config.FRONT_END_THEME_CLASS} `)
        .replace('</head>', config.FRONT_END_THEME_CSS ? `<link rel="stylesheet" href="${frontEnd.path}/thema.css" />\n  </head>` : '</head>');
      return page;
    };
    app.use(frontEnd.path, (request: Request, response: Response, next: NextFunction) => {
      if (request.method !== 'GET' && request.method !== 'HEAD') return next();
      if (request.originalUrl === frontEnd.path) return response.redirect(301, `${frontEnd.path}/`);
      if (request.path === '/thema.css' && config.FRONT_END_THEME_CSS) {
        response.setHeader('Cache-Control', 'no-cache');
        return response.type('text/css').sendFile(resolve(config.FRONT_END_THEME_CSS));
      }
      const body = html();
      response.setHeader('Cache-Control', 'no-cache');
      if (body === undefined) {
        response.status(503).type('text/plain').send('The front ends are not built: run npm run build:web (npm start does).\n');
        return;
      }
      response.status(200).type('html').send(body);
    });
  }
}
