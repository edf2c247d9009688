import {
  Body,
  Controller,
  Get,
  Header,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  UseFilters,
  UseGuards,
} from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, Roles, Scope, TenancyScope } from '@meldpunt/auth';
import { JsonBodyGuard } from '../meldingen/http/json-body.guard';
import { MeldingenExceptionFilter } from '../meldingen/meldingen-exception.filter';
import { MESSAGES } from '../meldingen/meldingen.messages';
import { IssueSchoolCredentialsRequestDto } from './dto/issue-school-credentials.request.dto';
import {
  IssuedSchoolCredentialsResponseDto,
  SchoolCredentialListResponseDto,
} from './dto/school-credentials.response.dto';
import { IssueSchoolCredentialsUseCase } from './use-cases/issue-school-credentials.use-case';
import { ListSchoolCredentialsUseCase } from './use-cases/list-school-credentials.use-case';

/** API keys and webhook secrets of a school's software; managed by admins and the school's CLB staff. */
@ApiTags('credentials')
@Controller('v1/schools/:schoolId/credentials')
@UseFilters(MeldingenExceptionFilter)
@Roles('admin', 'clb-staff')
export class CredentialsController {
  constructor(
    private readonly issue: IssueSchoolCredentialsUseCase,
    private readonly list: ListSchoolCredentialsUseCase,
  ) {}

  @Post()
  @UseGuards(JsonBodyGuard)
  @HttpCode(201)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'Issue (rotate) the API key and webhook secret of a school; shown once' })
  @ApiResponse({ status: 201, type: IssuedSchoolCredentialsResponseDto })
  async create(
    @Param('schoolId', new ParseUUIDPipe()) schoolId: string,
    @Body() body: IssueSchoolCredentialsRequestDto,
    @CurrentPrincipal() principal: Principal,
    @Scope() scope: TenancyScope,
  ): Promise<IssuedSchoolCredentialsResponseDto> {
    const issued = await this.issue.execute({
      principal,
      scope,
      schoolId,
      gracePeriodMinutes: body.gracePeriodMinutes ?? 0,
    });
    return {
      keyId: issued.keyId,
      apiKey: issued.apiKey,
      webhookSecret: issued.webhookSecret,
      createdAt: issued.createdAt.toISOString(),
      revokedKeyIds: [...issued.revokedKeyIds],
      previousValidUntil: issued.previousValidUntil.toISOString(),
      message: MESSAGES.credentials.shownOnce,
    };
  }

  @Get()
  @ApiOperation({ summary: "List a school's credentials (metadata only, never a secret)" })
  @ApiResponse({ status: 200, type: SchoolCredentialListResponseDto })
  async index(
    @Param('schoolId', new ParseUUIDPipe()) schoolId: string,
    @Scope() scope: TenancyScope,
  ): Promise<SchoolCredentialListResponseDto> {
    const items = await this.list.execute(scope, schoolId);
    return {
      items: items.map((item) => ({
        keyId: item.keyId,
        createdAt: item.createdAt.toISOString(),
        createdBy: item.createdBy,
        revokedAt: item.revokedAt?.toISOString() ?? null,
        state: item.state,
      })),
    };
  }
}
