import { Body, Controller, Get, HttpCode, Param, Post, UseFilters } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, Roles } from '@meldpunt/auth';
import type { Disease } from '@meldpunt/contracts';
import { DiseaseParamPipe } from './disease-param.pipe';
import { CreateProtocolVersionRequestDto } from './dto/create-protocol-version.request.dto';
import {
  ProtocolAuditResponseDto,
  ProtocolListResponseDto,
  ProtocolVersionResponseDto,
  ProtocolVersionsResponseDto,
} from './dto/protocol.response.dto';
import { ProtocolsExceptionFilter } from './protocols-exception.filter';
import { CreateProtocolVersionUseCase } from './use-cases/create-protocol-version.use-case';
import { GetProtocolVersionsUseCase } from './use-cases/get-protocol-versions.use-case';
import { ListProtocolAuditUseCase } from './use-cases/list-protocol-audit.use-case';
import { ListProtocolsUseCase } from './use-cases/list-protocols.use-case';

const READERS = ['doctor', 'clb-staff', 'coordinator', 'admin'] as const;

@ApiTags('protocols')
@ApiBearerAuth()
@Controller('v1/protocols')
@UseFilters(ProtocolsExceptionFilter)
export class ProtocolsController {
  constructor(
    private readonly listProtocols: ListProtocolsUseCase,
    private readonly getVersions: GetProtocolVersionsUseCase,
    private readonly createVersion: CreateProtocolVersionUseCase,
    private readonly listAudit: ListProtocolAuditUseCase,
  ) {}

  @Get()
  @Roles(...READERS)
  @ApiOperation({ summary: 'Every disease protocol as in force today (shipped examples flagged)' })
  @ApiOkResponse({ type: ProtocolListResponseDto })
  async list(): Promise<ProtocolListResponseDto> {
    return ProtocolListResponseDto.of(await this.listProtocols.execute());
  }

  @Get(':disease')
  @Roles(...READERS)
  @ApiOperation({ summary: 'All versions of one disease protocol' })
  @ApiOkResponse({ type: ProtocolVersionsResponseDto })
  @ApiNotFoundResponse({ description: 'Not a disease' })
  async versions(@Param('disease', DiseaseParamPipe) disease: Disease): Promise<ProtocolVersionsResponseDto> {
    return ProtocolVersionsResponseDto.of(await this.getVersions.execute(disease));
  }

  @Post(':disease/versions')
  @HttpCode(201)
  @Roles('admin')
  @ApiOperation({ summary: 'Add a version of a disease protocol (admin; audited with the reason)' })
  @ApiCreatedResponse({ type: ProtocolVersionResponseDto })
  @ApiBadRequestResponse({ description: 'Malformed request: { fields: [{ field, messages }] }' })
  @ApiUnprocessableEntityResponse({ description: 'Invalid definition or past date: { fields }' })
  @ApiForbiddenResponse({ description: 'Not an admin' })
  @ApiNotFoundResponse({ description: 'Not a disease' })
  async create(
    @Param('disease', DiseaseParamPipe) disease: Disease,
    @Body() body: CreateProtocolVersionRequestDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ProtocolVersionResponseDto> {
    const created = await this.createVersion.execute({
      disease,
      effectiveFrom: body.effectiveFrom,
      reason: body.reason,
      definition: body.definition,
      actor: principal.userId,
    });
    return ProtocolVersionResponseDto.of(created);
  }

  @Get(':disease/audit')
  @Roles(...READERS)
  @ApiOperation({ summary: 'Who changed a disease protocol, when, why and what (newest first)' })
  @ApiOkResponse({ type: ProtocolAuditResponseDto })
  @ApiNotFoundResponse({ description: 'Not a disease' })
  async audit(@Param('disease', DiseaseParamPipe) disease: Disease): Promise<ProtocolAuditResponseDto> {
    return ProtocolAuditResponseDto.of(await this.listAudit.execute(disease));
  }
}
