import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  Post,
  Query,
  Res,
  UseFilters,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, Roles, Scope, TenancyScope, type Principal } from '@meldpunt/auth';
import { DomainError } from '../registry/domain-error';
import { DomainErrorFilter } from '../registry/domain-error.filter';
import { UuidParamPipe } from '../registry/uuid-param.pipe';
import { CsvImportQueryDto } from './dto/csv-import.query.dto';
import { ImportRosterRequestDto } from './dto/import-roster.request.dto';
import {
  RosterImportAcceptedResponseDto,
  RosterImportListResponseDto,
  RosterImportResponseDto,
} from './dto/roster-import.response.dto';
import { ROSTER_MESSAGES } from './rosters.messages';
import { GetRosterImportUseCase } from './use-cases/get-roster-import.use-case';
import { RequestRosterImportUseCase, type RosterUpload } from './use-cases/request-roster-import.use-case';

const schoolIdPipe = new UuidParamPipe(ROSTER_MESSAGES.schoolNotFound);
const importIdPipe = new UuidParamPipe(ROSTER_MESSAGES.importNotFound);

function idempotencyKeyOf(header: string | undefined): string | null {
  const key = header?.trim() ?? '';
  if (key === '') return null;
  if (key.length > 200) {
    throw DomainError.invalid(ROSTER_MESSAGES.idempotencyKey, [
      { field: 'Idempotency-Key', messages: [ROSTER_MESSAGES.idempotencyKey] },
    ]);
  }
  return key;
}

/**
 * Roster uploads (JSON or CSV) for a school in the caller's scope, answered with 202 and a status URL: the
 * `roster-import` job validates every row and applies all or nothing.
 */
@ApiTags('rosters')
@ApiBearerAuth()
@ApiHeader({
  name: 'Idempotency-Key',
  required: false,
  description: 'The same key for the same school = the same import',
})
@Controller()
@UseFilters(DomainErrorFilter)
export class RosterImportsController {
  constructor(
    private readonly requestImport: RequestRosterImportUseCase,
    private readonly getImport: GetRosterImportUseCase,
  ) {}

  @Post('v1/schools/:schoolId/roster-imports')
  @HttpCode(202)
  @Roles('school', 'clb-staff', 'admin')
  @ApiOperation({ summary: "Import a school's roster (pupils with guardians, optionally staff) as JSON" })
  @ApiAcceptedResponse({ type: RosterImportAcceptedResponseDto })
  @ApiBadRequestResponse({ description: 'Malformed body or school year (`fields`)' })
  @ApiNotFoundResponse({ description: 'No such school in your scope' })
  async importJson(
    @Scope() scope: TenancyScope,
    @CurrentPrincipal() principal: Principal,
    @Param('schoolId', schoolIdPipe) schoolId: string,
    @Body() body: ImportRosterRequestDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<RosterImportAcceptedResponseDto> {
    const upload: RosterUpload = { format: 'json', roster: { pupils: body.pupils, staff: body.staff } };
    return this.accept(scope, principal, schoolId, body.schoolYear, upload, idempotencyKey, response);
  }

  @Post('v1/schools/:schoolId/roster-imports/csv')
  @HttpCode(202)
  @Roles('school', 'clb-staff', 'admin')
  @ApiOperation({ summary: "Import a school's pupils and guardians as CSV (see rosters/csv-format.md)" })
  @ApiConsumes('text/csv')
  @ApiBody({
    schema: { type: 'string', example: 'leerlingnummer;voornaam;familienaam;geboortedatum;klas;…' },
  })
  @ApiAcceptedResponse({ type: RosterImportAcceptedResponseDto })
  @ApiUnsupportedMediaTypeResponse({ description: 'Not sent as text/csv' })
  @ApiNotFoundResponse({ description: 'No such school in your scope' })
  async importCsv(
    @Scope() scope: TenancyScope,
    @CurrentPrincipal() principal: Principal,
    @Param('schoolId', schoolIdPipe) schoolId: string,
    @Query() query: CsvImportQueryDto,
    @Body() body: unknown,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<RosterImportAcceptedResponseDto> {
    if (typeof body !== 'string')
      throw new DomainError('unsupported-media-type', ROSTER_MESSAGES.csvContentType);
    const upload: RosterUpload = { format: 'csv', text: body };
    return this.accept(scope, principal, schoolId, query.schoolYear, upload, idempotencyKey, response);
  }

  @Get('v1/schools/:schoolId/roster-imports')
  @ApiOperation({ summary: "A school's latest roster imports, newest first" })
  @ApiOkResponse({ type: RosterImportListResponseDto })
  async list(
    @Scope() scope: TenancyScope,
    @Param('schoolId', schoolIdPipe) schoolId: string,
  ): Promise<RosterImportListResponseDto> {
    const rows = await this.getImport.listForSchool(scope, schoolId);
    return { items: rows.map((row) => RosterImportResponseDto.of(row)) };
  }

  @Get('v1/roster-imports/:importId')
  @ApiOperation({
    summary: 'Status, progress, counts and every rejected row (line, field, reason) of an import',
  })
  @ApiOkResponse({ type: RosterImportResponseDto })
  @ApiNotFoundResponse()
  async status(
    @Scope() scope: TenancyScope,
    @Param('importId', importIdPipe) importId: string,
  ): Promise<RosterImportResponseDto> {
    return RosterImportResponseDto.of(await this.getImport.execute(scope, importId));
  }

  private async accept(
    scope: TenancyScope,
    principal: Principal,
    schoolId: string,
    schoolYear: string,
    upload: RosterUpload,
    idempotencyKeyHeader: string | undefined,
    response: Response,
  ): Promise<RosterImportAcceptedResponseDto> {
    const { importId } = await this.requestImport.execute({
      scope,
      requestedBy: principal.userId,
      schoolId,
      schoolYear,
      upload,
      idempotencyKey: idempotencyKeyOf(idempotencyKeyHeader),
    });
    const accepted = RosterImportAcceptedResponseDto.of(importId);
    response.location(accepted.statusUrl);
    return accepted;
  }
}
