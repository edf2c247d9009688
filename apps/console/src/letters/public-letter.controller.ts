import { randomUUID } from 'node:crypto';
import { Controller, Get, Logger, Param, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '@meldpunt/auth';
import type { HttpRequest as Request, HttpResponse as Response } from '../http-types';
import { LetterLinkThrottle } from './letter-link-throttle';
import { PUBLIC_LETTER_MESSAGES as M } from './public-letter.messages';
import { PublicLetterClient } from './public-letter.client';

const TOKEN = /^[A-Za-z0-9_-]{22}$/;

/** The letter is e-mail HTML (inline styles, no script): nothing else may load or run. */
const LETTER_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; " +
  "frame-ancestors 'none'";

const escape = (text: string): string =>
  text.replace(
    /[&<>"']/g,
    (character) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[character] ?? '',
  );

function notice(title: string, text: string): string {
  return `<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${escape(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;color:#1d1d1b}</style>
</head><body><h1>${escape(title)}</h1><p>${escape(text)}</p></body></html>`;
}

/**
 * The full letter behind the link in an SMS (`/b/<token>`, also `/brief/<token>`), for parents, who never log in:
 * fetched from communication and served as is, never cached or indexed, no referrer leaves it. An unknown and an
 * expired token get the same Dutch 404 page; more than 30 requests a minute from one IP get a 429.
 */
@ApiExcludeController()
@Controller()
export class PublicLetterController {
  private readonly logger = new Logger('PublicLetter');

  constructor(
    private readonly letters: PublicLetterClient,
    private readonly throttle: LetterLinkThrottle,
  ) {}

  @Public()
  @Get(['/b/:token', '/brief/:token'])
  async show(
    @Param('token') token: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    response.setHeader('Cache-Control', 'no-store');
    response.setHeader('Referrer-Policy', 'no-referrer');
    response.setHeader('X-Robots-Tag', 'noindex, nofollow');
    response.setHeader('Content-Security-Policy', LETTER_CSP);
    response.setHeader('Content-Type', 'text/html; charset=utf-8');
    const wait = this.throttle.take(request.ip ?? 'unknown');
    if (wait > 0) {
      response.setHeader('Retry-After', String(Math.ceil(wait / 1000)));
      response.status(429).end(notice(M.tooManyTitle, M.tooMany));
      return;
    }
    if (!TOKEN.test(token)) {
      response.status(404).end(notice(M.notFoundTitle, M.notFound));
      return;
    }
    try {
      const letter = await this.letters.fetch(token, randomUUID());
      if (!letter) {
        response.status(404).end(notice(M.notFoundTitle, M.notFound));
        return;
      }
      response.setHeader('Content-Language', letter.language);
      response.status(200).end(letter.html);
    } catch (error) {
      this.logger.warn(`letter link: ${error instanceof Error ? error.message : String(error)}`);
      response.status(503).end(notice(M.unavailableTitle, M.unavailable));
    }
  }
}
