import {
  BadRequestException,
  Body,
  Controller,
  Get,
  Headers,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Res,
  UseFilters,
  UseGuards,
} from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Public, Roles, Scope, TenancyScope } from '@meldpunt/auth';
import type { HttpResponse } from './http/http-types';
import { ListMeldingenRequestDto } from './dto/list-meldingen.request.dto';
import {
  MeldingAcceptedResponseDto,
  MeldingListResponseDto,
  MeldingResponseDto,
} from './dto/melding.response.dto';
import { SubmitMeldingRequestDto } from './dto/submit-melding.request.dto';
import { JsonBodyGuard } from './http/json-body.guard';
import { CurrentCaller } from './http/meldingen-request';
import { SchoolCallerGuard } from './http/school-caller.guard';
import { idempotencyKeyFrom, sendSubmitResult } from './http/submit-response';
import type { MeldingCaller } from './melding-caller';
import { MeldingenExceptionFilter } from './meldingen-exception.filter';
import { MESSAGES } from './meldingen.messages';
import { GetMeldingUseCase } from './use-cases/get-melding.use-case';
import { ListMeldingenUseCase } from './use-cases/list-meldingen.use-case';
import { SubmitMeldingUseCase } from './use-cases/submit-melding.use-case';

const meldingIdPipe = new ParseUUIDPipe({
  exceptionFactory: () =>
    new BadRequestException({
      statusCode: 400,
      error: 'Bad Request',
      message: MESSAGES.invalidInput,
      fields: [{ field: 'id', messages: [`id ${MESSAGES.field.uuid}`] }],
    }),
});

/**
 * Meldingen for console users (token) and school software (X-Api-Key): the routes are @Public() for the global
 * token guard and authenticated by SchoolCallerGuard, which accepts exactly one of the two.
 */
@ApiTags('meldingen')
@ApiHeader({ name: 'X-Api-Key', required: false, description: 'School software: instead of a console token' })
@Controller('v1/meldingen')
@Public()
@UseGuards(SchoolCallerGuard)
@UseFilters(MeldingenExceptionFilter)
export class MeldingenController {
  constructor(
    private readonly submitMelding: SubmitMeldingUseCase,
    private readonly getMelding: GetMeldingUseCase,
    private readonly listMeldingen: ListMeldingenUseCase,
  ) {}

  @Post()
  @Roles('school')
  @UseGuards(JsonBodyGuard)
  @ApiOperation({ summary: 'Report an infection (school user or school software)' })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiResponse({ status: 202, type: MeldingAcceptedResponseDto, description: 'Accepted: a new melding' })
  @ApiResponse({
    status: 200,
    type: MeldingAcceptedResponseDto,
    description: 'Merged into an existing melding',
  })
  @ApiResponse({ status: 400, description: 'Malformed: { fields: [{ field, messages }] }' })
  @ApiResponse({ status: 422, description: 'Inconsistent (dates, unknown person …): { fields }' })
  @ApiResponse({ status: 503, description: 'Cannot be kept now: retry after Retry-After seconds' })
  async submit(
    @Body() body: SubmitMeldingRequestDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @CurrentCaller() caller: MeldingCaller,
    @Res({ passthrough: true }) response: HttpResponse,
  ): Promise<MeldingAcceptedResponseDto> {
    const key = idempotencyKeyFrom(idempotencyKey);
    return sendSubmitResult(
      await this.submitMelding.execute({ caller, input: body, idempotencyKey: key }),
      response,
    );
  }

  @Get(':id')
  @ApiOperation({ summary: 'Status of one melding (school: own school; CLB: the schools it serves)' })
  @ApiResponse({ status: 200, type: MeldingResponseDto })
  async show(
    @Param('id', meldingIdPipe) id: string,
    @Scope() scope: TenancyScope,
  ): Promise<MeldingResponseDto> {
    return MeldingResponseDto.of(await this.getMelding.execute(scope, id));
  }

  @Get()
  @ApiOperation({ summary: 'Meldingen the caller may see, newest first' })
  @ApiResponse({ status: 200, type: MeldingListResponseDto })
  async index(
    @Query() query: ListMeldingenRequestDto,
    @Scope() scope: TenancyScope,
  ): Promise<MeldingListResponseDto> {
    const limit = query.limit ?? 50;
    const offset = query.offset ?? 0;
    const meldingen = await this.listMeldingen.execute(scope, {
      ...(query.schoolId ? { schoolId: query.schoolId } : {}),
      ...(query.status ? { status: query.status } : {}),
      limit,
      offset,
    });
    return { items: meldingen.map((melding) => MeldingResponseDto.of(melding)), limit, offset };
  }
}
