import { Inject, Injectable, Optional } from '@nestjs/common';
import { TemplateCatalogSource } from './admin/template-catalog-source';
import { CATALOGS, type Catalogs, LETTER_CATALOGS } from './catalogs';
import { renderHtml, renderText } from './html';
import { renderIcs } from './ics';
import { buildLetterContent } from './letter-content';
import type { LetterInput, LetterRendering, RenderedLetter, RenderOptions } from './letter-renderer.types';
import { renderPdf } from './pdf';
import { segmentSms, smsFriendly } from './sms';

/** Replaces the code message catalogs (tests); admins' overrides come from TemplateCatalogSource. */
export { LETTER_CATALOGS };

/** Renders one letter in the guardian's language: subject, HTML + text email, SMS, PDF and `.ics`. */
@Injectable()
export class LetterRenderer implements LetterRendering {
  private readonly catalogs: Catalogs;

  constructor(
    @Optional() @Inject(LETTER_CATALOGS) catalogs?: Catalogs,
    @Optional() private readonly source?: TemplateCatalogSource,
  ) {
    this.catalogs = catalogs ?? CATALOGS;
  }

  /** Renders with the current texts: admins' overrides (TemplateCatalogSource) over the code catalogs. */
  async render(input: LetterInput, options: RenderOptions = {}): Promise<RenderedLetter> {
    return await this.renderWith(input, this.source ? await this.source.catalogs() : this.catalogs, options);
  }

  /** Renders with the given catalogs (the template preview renders unsaved drafts this way). */
  async renderWith(
    input: LetterInput,
    catalogs: Catalogs,
    options: RenderOptions = {},
  ): Promise<RenderedLetter> {
    const content = buildLetterContent(input, catalogs);
    const issuedAt = input.issuedAt ? new Date(input.issuedAt) : new Date();
    const smsBody = smsFriendly(content.sms);
    const { encoding, segments } = segmentSms(smsBody);
    const attachments = options.attachments ?? true;
    const [html, pdf] = await Promise.all([
      renderHtml(content),
      attachments ? renderPdf(content, { letterId: input.letterId, issuedAt }) : null,
    ]);
    const fileBase = input.letterId.replace(/[^A-Za-z0-9_-]/g, '-');
    return {
      language: content.language,
      fellBack: content.fellBack,
      direction: content.direction,
      subject: content.subject,
      html,
      text: renderText(content),
      sms: { body: smsBody, encoding, segments },
      attachments: pdf
        ? [
            { filename: `letter-${fileBase}.pdf`, contentType: 'application/pdf', content: pdf },
            {
              filename: `dates-${fileBase}.ics`,
              contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
              content: Buffer.from(renderIcs(content, input.letterId, issuedAt), 'utf8'),
            },
          ]
        : [],
    };
  }
}
