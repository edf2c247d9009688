import { Module } from '@nestjs/common';
import { TemplateCatalogSource } from './admin/template-catalog-source';
import { TemplateOverrideRepository } from './admin/template-override.repository';
import { LetterRenderer } from './letter-renderer';
import { LETTER_RENDERING } from './letter-renderer.types';

/**
 * Provides LETTER_RENDERING (the letters pipeline depends only on the LetterRendering interface): the code
 * catalogs with the admins' overrides on top (TemplateCatalogSource, cached; needs the global DataSource).
 */
@Module({
  providers: [
    TemplateOverrideRepository,
    TemplateCatalogSource,
    LetterRenderer,
    { provide: LETTER_RENDERING, useExisting: LetterRenderer },
  ],
  exports: [LETTER_RENDERING, LetterRenderer, TemplateCatalogSource, TemplateOverrideRepository],
})
export class TemplatesModule {}
