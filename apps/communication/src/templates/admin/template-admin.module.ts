import { Module } from '@nestjs/common';
import { LettersModule } from '../../letters/letters.module';
import { TemplatesModule } from '../templates.module';
import { TemplatesAdminController } from './templates-admin.controller';
import { TestSendLimiter } from './test-send-limiter';
import {
  ResetTemplateOverrideUseCase,
  SaveTemplateOverrideUseCase,
} from './use-cases/edit-template.use-cases';
import { LanguageTemplatesUseCase, ListTemplatesUseCase } from './use-cases/list-templates.use-case';
import { PreviewTemplateUseCase } from './use-cases/preview-template.use-case';
import { TestSendTemplateUseCase } from './use-cases/test-send-template.use-case';

/**
 * The admins' template editor API (`/v1/templates`): overrides over the code catalogs, missing-translation
 * coverage, preview with drafts and test-send through the letters' channel adapters (LettersModule exports them).
 */
@Module({
  imports: [TemplatesModule, LettersModule],
  controllers: [TemplatesAdminController],
  providers: [
    TestSendLimiter,
    ListTemplatesUseCase,
    LanguageTemplatesUseCase,
    SaveTemplateOverrideUseCase,
    ResetTemplateOverrideUseCase,
    PreviewTemplateUseCase,
    TestSendTemplateUseCase,
  ],
})
export class TemplateAdminModule {}
