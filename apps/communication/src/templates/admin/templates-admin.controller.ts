import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, UseFilters } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@meldpunt/auth';
import {
  PreviewTemplateRequestDto,
  SaveTemplateRequestDto,
  TestSendTemplateRequestDto,
} from './dto/template-requests.dto';
import {
  LanguageTemplatesDto,
  TemplateEntryDto,
  TemplatePreviewDto,
  TemplatesOverviewDto,
  TestSendAcceptedDto,
} from './dto/template-responses.dto';
import { TemplateAdminExceptionFilter } from './template-admin.exception-filter';
import {
  ResetTemplateOverrideUseCase,
  SaveTemplateOverrideUseCase,
} from './use-cases/edit-template.use-cases';
import { LanguageTemplatesUseCase, ListTemplatesUseCase } from './use-cases/list-templates.use-case';
import { PreviewTemplateUseCase } from './use-cases/preview-template.use-case';
import { TestSendTemplateUseCase } from './use-cases/test-send-template.use-case';
import { templateAddress } from './use-cases/edit-template.use-cases';

/** Letter texts per language and key: overrides (audited), missing translations, preview and test-send. Admins. */
@ApiTags('templates')
@Controller('v1/templates')
@UseFilters(TemplateAdminExceptionFilter)
@Roles('admin')
export class TemplatesAdminController {
  constructor(
    private readonly listTemplates: ListTemplatesUseCase,
    private readonly languageTemplates: LanguageTemplatesUseCase,
    private readonly saveOverride: SaveTemplateOverrideUseCase,
    private readonly resetOverride: ResetTemplateOverrideUseCase,
    private readonly previewTemplate: PreviewTemplateUseCase,
    private readonly testSend: TestSendTemplateUseCase,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Languages, kinds, diseases and per language the missing (→ Dutch) and overridden keys',
  })
  @ApiResponse({ status: 200, type: TemplatesOverviewDto })
  async overview(): Promise<TemplatesOverviewDto> {
    const overview = await this.listTemplates.execute();
    return {
      languages: [...overview.languages],
      kinds: [...overview.kinds],
      diseases: [...overview.diseases],
      coverage: overview.coverage.map((c) => ({
        language: c.language,
        missingKeys: [...c.missingKeys],
        overriddenKeys: [...c.overriddenKeys],
      })),
    };
  }

  @Post('preview')
  @HttpCode(200)
  @ApiOperation({
    summary: 'The sample letter with the current texts, or with unsaved draft texts (not saved)',
  })
  @ApiResponse({ status: 200, type: TemplatePreviewDto })
  async preview(@Body() body: PreviewTemplateRequestDto): Promise<TemplatePreviewDto> {
    const preview = await this.previewTemplate.execute(body);
    return { ...preview, sms: { ...preview.sms } };
  }

  @Post('test-send')
  @HttpCode(202)
  @ApiOperation({ summary: 'Send the sample letter, marked as a test, to an address of the admin' })
  @ApiResponse({ status: 202, type: TestSendAcceptedDto })
  async testSendLetter(
    @Body() body: TestSendTemplateRequestDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<TestSendAcceptedDto> {
    return await this.testSend.execute(principal, body);
  }

  @Get(':language')
  @ApiOperation({ summary: 'Every key of a language: text, source (override, catalog, fallback-nl), Dutch' })
  @ApiResponse({ status: 200, type: LanguageTemplatesDto })
  async language(@Param('language') language: string): Promise<LanguageTemplatesDto> {
    const { language: checked } = templateAddress(language, 'greeting');
    const result = await this.languageTemplates.execute(checked);
    return {
      language: result.language,
      direction: result.direction,
      entries: result.entries.map((entry) => ({
        ...entry,
        placeholders: [...entry.placeholders],
        updatedAt: entry.updatedAt?.toISOString() ?? null,
      })),
    };
  }

  @Put(':language/:key')
  @ApiOperation({ summary: 'Save the text of a key (409 when expectedVersion is not the current version)' })
  @ApiResponse({ status: 200, type: TemplateEntryDto })
  async save(
    @Param('language') language: string,
    @Param('key') key: string,
    @Body() body: SaveTemplateRequestDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<TemplateEntryDto> {
    await this.saveOverride.execute(principal, language, key, {
      text: body.text,
      ...(body.expectedVersion !== undefined ? { expectedVersion: body.expectedVersion } : {}),
    });
    return await this.entry(language, key);
  }

  @Delete(':language/:key')
  @ApiOperation({ summary: 'Reset a key to the catalog text (deletes the override; 404 when there is none)' })
  @ApiResponse({ status: 200, type: TemplateEntryDto })
  async reset(
    @Param('language') language: string,
    @Param('key') key: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<TemplateEntryDto> {
    await this.resetOverride.execute(principal, language, key);
    return await this.entry(language, key);
  }

  private async entry(language: string, key: string): Promise<TemplateEntryDto> {
    const address = templateAddress(language, key);
    const { entries } = await this.languageTemplates.execute(address.language);
    const entry = entries.find((e) => e.key === address.key);
    if (!entry) throw new Error(`no entry for ${address.key}`);
    return {
      ...entry,
      placeholders: [...entry.placeholders],
      updatedAt: entry.updatedAt?.toISOString() ?? null,
    };
  }
}
