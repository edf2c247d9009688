import { Body, Controller, Get, HttpCode, Param, Post, Query, UseFilters } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, Scope, TenancyScope, type Principal } from '@meldpunt/auth';
import { DeadLetterDto, DeadLetterPageDto } from './dto/dead-letter.response.dto';
import { ListDeadLettersRequestDto } from './dto/list-dead-letters.request.dto';
import { ResolveDeadLetterRequestDto } from './dto/resolve-dead-letter.request.dto';
import { LettersExceptionFilter } from './http/letters-exception.filter';
import { UuidParamPipe } from './http/uuid-param.pipe';
import {
  ListDeadLettersUseCase,
  ResolveDeadLetterUseCase,
  RetryDeadLetterUseCase,
} from './use-cases/dead-letters.use-cases';

/** Letters no channel delivered: CLB staff see them, send them again, or note how the family was reached. */
@ApiTags('dead-letters')
@Controller('v1/dead-letters')
@UseFilters(LettersExceptionFilter)
@Roles('clb-staff', 'doctor', 'coordinator', 'admin')
export class DeadLettersController {
  constructor(
    private readonly listDeadLetters: ListDeadLettersUseCase,
    private readonly retryDeadLetter: RetryDeadLetterUseCase,
    private readonly resolveDeadLetter: ResolveDeadLetterUseCase,
  ) {}

  @Get()
  @ApiOperation({ summary: "The caller's CLBs' undeliverable letters, newest first" })
  @ApiResponse({ status: 200, type: DeadLetterPageDto })
  async index(
    @Query() query: ListDeadLettersRequestDto,
    @Scope() scope: TenancyScope,
  ): Promise<DeadLetterPageDto> {
    const page = await this.listDeadLetters.execute(scope, {
      status: query.status ?? 'open',
      limit: query.limit ?? 100,
      offset: query.offset ?? 0,
    });
    return {
      items: page.items.map((item) => DeadLetterDto.of(item.deadLetter, item.guardian)),
      total: page.total,
    };
  }

  @Post(':id/retry')
  @HttpCode(202)
  @ApiOperation({ summary: 'Send the letter again on the same channel' })
  @ApiResponse({ status: 202, type: DeadLetterDto })
  async retry(
    @Param('id', UuidParamPipe) id: string,
    @Scope() scope: TenancyScope,
    @CurrentPrincipal() principal: Principal,
  ): Promise<DeadLetterDto> {
    return DeadLetterDto.of(await this.retryDeadLetter.execute(scope, principal, id));
  }

  @Post(':id/resolve')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark handled outside the pipeline ("called by phone")' })
  @ApiResponse({ status: 200, type: DeadLetterDto })
  async resolve(
    @Param('id', UuidParamPipe) id: string,
    @Body() body: ResolveDeadLetterRequestDto,
    @Scope() scope: TenancyScope,
    @CurrentPrincipal() principal: Principal,
  ): Promise<DeadLetterDto> {
    return DeadLetterDto.of(
      await this.resolveDeadLetter.execute(scope, principal, id, body.note, body.resolvedBy),
    );
  }
}
