import { Injectable } from '@nestjs/common';
import type { Disease } from '@meldpunt/contracts';
import type { FieldError } from '@meldpunt/platform';
import { Clock } from '../../../letters/clock';
import { LettersConfig } from '../../../letters/letters.config';
import { MESSAGE_KEYS, type Catalog, type Catalogs, type MessageKey } from '../../catalogs';
import { LetterRenderer } from '../../letter-renderer';
import type { LetterKind, LetterLanguage, RenderedLetter, RenderedSms } from '../../letter-renderer.types';
import { fieldErrors } from '../template-admin.errors';
import { TEMPLATE_ADMIN_MESSAGES as M } from '../template-admin.messages';
import { TemplateCatalogSource } from '../template-catalog-source';
import { isMessageKey, textFieldErrors } from '../template-rules';
import { sampleLetter } from '../sample-letter';

export interface SampleLetterRequest {
  readonly kind: LetterKind;
  readonly disease: Disease;
  readonly language: LetterLanguage;
  readonly channel: 'email' | 'sms';
}

export interface TemplatePreview {
  readonly subject: string;
  readonly html: string;
  readonly text: string;
  readonly sms: RenderedSms;
  readonly direction: 'ltr' | 'rtl';
  readonly language: LetterLanguage;
  readonly fellBack: boolean;
  readonly pdfBase64?: string;
}

/** Checks unsaved texts by key (`draft.<key>` field errors) and returns them as a catalog. */
export function checkedDraft(draft: Readonly<Record<string, unknown>> | undefined): Catalog {
  if (!draft) return {};
  const entries = Object.entries(draft);
  if (entries.length > MESSAGE_KEYS.length)
    throw fieldErrors([{ field: 'draft', messages: [`draft ${M.draftTooLarge(MESSAGE_KEYS.length)}`] }]);
  const errors: FieldError[] = [];
  const catalog: Partial<Record<MessageKey, string>> = {};
  for (const [key, text] of entries) {
    const field = `draft.${key}`;
    if (!isMessageKey(key)) {
      errors.push({ field, messages: [`${field} ${M.unknownKey}`] });
      continue;
    }
    const problems = textFieldErrors(field, key, text);
    if (problems.length > 0) errors.push(...problems);
    else catalog[key] = text as string;
  }
  if (errors.length > 0) throw fieldErrors(errors);
  return catalog;
}

/**
 * The sample letter of a kind × disease × language with the current texts, or with unsaved draft texts of that
 * language on top (nothing is saved).
 */
@Injectable()
export class PreviewTemplateUseCase {
  constructor(
    private readonly renderer: LetterRenderer,
    private readonly source: TemplateCatalogSource,
    private readonly clock: Clock,
    private readonly letters: LettersConfig,
  ) {}

  async execute(
    request: SampleLetterRequest & { draft?: Record<string, unknown> },
  ): Promise<TemplatePreview> {
    const draft = checkedDraft(request.draft);
    const letter = await this.render(request, draft, 'voorbeeld');
    const pdf = letter.attachments.find((attachment) => attachment.contentType === 'application/pdf');
    return {
      subject: letter.subject,
      html: letter.html,
      text: letter.text,
      sms: letter.sms,
      direction: letter.direction,
      language: letter.language,
      fellBack: letter.fellBack,
      ...(request.channel === 'email' && pdf ? { pdfBase64: pdf.content.toString('base64') } : {}),
    };
  }

  /** Renders the sample letter (also used by the test-send). */
  async render(request: SampleLetterRequest, draft: Catalog, letterId: string): Promise<RenderedLetter> {
    const catalogs = await this.source.catalogs();
    const withDraft: Catalogs =
      Object.keys(draft).length === 0
        ? catalogs
        : { ...catalogs, [request.language]: { ...catalogs[request.language], ...draft } };
    const input = sampleLetter(
      request.kind,
      request.disease,
      request.language,
      this.clock.now(),
      letterId,
      this.letters.letterBaseUrl,
    );
    return await this.renderer.renderWith(input, withDraft);
  }
}
