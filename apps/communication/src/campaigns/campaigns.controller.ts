import { Body, Controller, Get, HttpCode, Param, Post, Query, UseFilters } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, Scope, TenancyScope, type Principal } from '@meldpunt/auth';
import {
  AudiencesRequestDto,
  CreateCampaignRequestDto,
  ListCampaignsRequestDto,
  PreviewCampaignRequestDto,
} from './dto/campaign.request.dto';
import { AudiencesDto, CampaignDto, CampaignPageDto, CampaignPreviewDto } from './dto/campaign.response.dto';
import { CampaignIdPipe } from './http/campaign-id.pipe';
import { CampaignsExceptionFilter } from './http/campaigns-exception.filter';
import { IdempotencyKey } from './http/idempotency-key';
import { CancelCampaignUseCase } from './use-cases/cancel-campaign.use-case';
import { GetCampaignUseCase, ListCampaignsUseCase } from './use-cases/campaign-progress.use-cases';
import { CreateCampaignUseCase } from './use-cases/create-campaign.use-case';
import { ListAudiencesUseCase } from './use-cases/list-audiences.use-case';
import { PreviewCampaignUseCase } from './use-cases/preview-campaign.use-case';

/** Information letters in bulk: audiences, preview, send, live progress, cancel. Scoped to the caller's CLBs. */
@ApiTags('campaigns')
@Controller('v1/campaigns')
@UseFilters(CampaignsExceptionFilter)
@Roles('clb-staff', 'doctor', 'coordinator', 'admin')
export class CampaignsController {
  constructor(
    private readonly listAudiences: ListAudiencesUseCase,
    private readonly previewCampaign: PreviewCampaignUseCase,
    private readonly createCampaign: CreateCampaignUseCase,
    private readonly listCampaigns: ListCampaignsUseCase,
    private readonly getCampaign: GetCampaignUseCase,
    private readonly cancelCampaign: CancelCampaignUseCase,
  ) {}

  @Get('audiences')
  @ApiOperation({
    summary: "The schools of the caller's CLB(s), with their levels and current classes/groups",
  })
  @ApiResponse({ status: 200, type: AudiencesDto })
  audiences(@Query() query: AudiencesRequestDto, @Scope() scope: TenancyScope): Promise<AudiencesDto> {
    return this.listAudiences.execute(scope, query.clbId?.toLowerCase() ?? null);
  }

  @Post('preview')
  @HttpCode(200)
  @ApiOperation({ summary: 'How many letters a campaign would send, per language and channel' })
  @ApiResponse({ status: 200, type: CampaignPreviewDto })
  async preview(
    @Body() body: PreviewCampaignRequestDto,
    @Scope() scope: TenancyScope,
  ): Promise<CampaignPreviewDto> {
    const preview = await this.previewCampaign.execute(scope, { ...body, clbId: body.clbId.toLowerCase() });
    return { ...preview, byLanguage: [...preview.byLanguage] };
  }

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Send a campaign (idempotent by client id or Idempotency-Key)' })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiResponse({ status: 201, type: CampaignDto })
  async create(
    @Body() body: CreateCampaignRequestDto,
    @IdempotencyKey() idempotencyKey: string | null,
    @Scope() scope: TenancyScope,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CampaignDto> {
    const campaign = await this.createCampaign.execute(
      scope,
      principal,
      { ...body, clbId: body.clbId.toLowerCase() },
      idempotencyKey,
    );
    return this.getCampaign.view(campaign);
  }

  @Get()
  @ApiOperation({ summary: "The caller's CLBs' campaigns, newest first, with progress" })
  @ApiResponse({ status: 200, type: CampaignPageDto })
  index(@Query() query: ListCampaignsRequestDto, @Scope() scope: TenancyScope): Promise<CampaignPageDto> {
    return this.listCampaigns.execute(scope, {
      clbId: query.clbId?.toLowerCase() ?? null,
      limit: query.limit ?? 50,
      offset: query.offset ?? 0,
    });
  }

  @Get(':id')
  @ApiOperation({ summary: 'One campaign with its live progress' })
  @ApiResponse({ status: 200, type: CampaignDto })
  show(@Param('id', CampaignIdPipe) id: string, @Scope() scope: TenancyScope): Promise<CampaignDto> {
    return this.getCampaign.execute(scope, id);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiOperation({ summary: 'Stop sending: letters not sent yet are cancelled' })
  @ApiResponse({ status: 200, type: CampaignDto })
  async cancel(
    @Param('id', CampaignIdPipe) id: string,
    @Scope() scope: TenancyScope,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CampaignDto> {
    return this.getCampaign.view(await this.cancelCampaign.execute(scope, principal, id));
  }
}
