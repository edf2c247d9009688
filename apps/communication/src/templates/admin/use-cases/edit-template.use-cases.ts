import { Injectable } from '@nestjs/common';
import type { Principal } from '@meldpunt/auth';
import { Clock } from '../../../letters/clock';
import type { MessageKey } from '../../catalogs';
import type { LetterLanguage } from '../../letter-renderer.types';
import { fieldErrors } from '../template-admin.errors';
import { TEMPLATE_ADMIN_MESSAGES as M } from '../template-admin.messages';
import { TemplateCatalogSource } from '../template-catalog-source';
import type { TemplateOverride } from '../template-override.entity';
import { TemplateOverrideRepository } from '../template-override.repository';
import { isLetterLanguage, isMessageKey, textFieldErrors } from '../template-rules';
import { LETTER_LANGUAGES } from '../../letter-renderer.types';

/** The language and key of a template route, checked (400 with Dutch field errors otherwise). */
export function templateAddress(
  language: string,
  key: string,
): { language: LetterLanguage; key: MessageKey } {
  const errors = [
    ...(isLetterLanguage(language)
      ? []
      : [{ field: 'language', messages: [`language ${M.unknownLanguage(LETTER_LANGUAGES)}`] }]),
    ...(isMessageKey(key) ? [] : [{ field: 'key', messages: [`key ${M.unknownKey}`] }]),
  ];
  if (errors.length > 0 || !isLetterLanguage(language) || !isMessageKey(key)) throw fieldErrors(errors);
  return { language, key };
}

/** Saves an admin's text for a key and language (audited), after checking it; letters use it from then on. */
@Injectable()
export class SaveTemplateOverrideUseCase {
  constructor(
    private readonly overrides: TemplateOverrideRepository,
    private readonly source: TemplateCatalogSource,
    private readonly clock: Clock,
  ) {}

  async execute(
    principal: Principal,
    language: string,
    key: string,
    change: { text: string; expectedVersion?: number },
  ): Promise<TemplateOverride> {
    const address = templateAddress(language, key);
    const problems = textFieldErrors('text', address.key, change.text);
    if (problems.length > 0) throw fieldErrors(problems);
    const saved = await this.overrides.save({
      ...address,
      text: change.text,
      ...(change.expectedVersion !== undefined ? { expectedVersion: change.expectedVersion } : {}),
      by: principal.userId,
      at: this.clock.now(),
    });
    this.source.invalidate();
    return saved;
  }
}

/** Deletes an override (audited): the key goes back to the catalog text (or the Dutch fallback). */
@Injectable()
export class ResetTemplateOverrideUseCase {
  constructor(
    private readonly overrides: TemplateOverrideRepository,
    private readonly source: TemplateCatalogSource,
    private readonly clock: Clock,
  ) {}

  async execute(principal: Principal, language: string, key: string): Promise<void> {
    const address = templateAddress(language, key);
    await this.overrides.reset(address.language, address.key, principal.userId, this.clock.now());
    this.source.invalidate();
  }
}
