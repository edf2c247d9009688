import { Body, Controller, Get, HttpCode, Post, UseFilters } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Roles, Scope, TenancyScope } from '@meldpunt/auth';
import { DomainErrorFilter } from './domain-error.filter';
import { ClbListResponseDto, ClbResponseDto } from './dto/clb.response.dto';
import { CreateClbRequestDto } from './dto/create-clb.request.dto';
import { CreateClbUseCase } from './use-cases/create-clb.use-case';
import { ListClbsUseCase } from './use-cases/list-clbs.use-case';

@ApiTags('registry')
@ApiBearerAuth()
@Controller('v1/clbs')
@UseFilters(DomainErrorFilter)
export class ClbsController {
  constructor(
    private readonly createClb: CreateClbUseCase,
    private readonly listClbs: ListClbsUseCase,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles('admin')
  @ApiOperation({ summary: 'Register a CLB (admin); announced as intake.clb.registered.v1' })
  @ApiCreatedResponse({ type: ClbResponseDto })
  @ApiBadRequestResponse({ description: 'Invalid fields (`fields`)' })
  @ApiConflictResponse({ description: 'A CLB with this name exists' })
  async create(@Body() body: CreateClbRequestDto): Promise<ClbResponseDto> {
    return ClbResponseDto.of(await this.createClb.execute({ name: body.name }));
  }

  @Get()
  @Roles('admin', 'clb-staff', 'doctor', 'coordinator')
  @ApiOperation({ summary: 'CLBs in scope: all for a platform admin, their own for CLB users' })
  @ApiOkResponse({ type: ClbListResponseDto })
  async list(@Scope() scope: TenancyScope): Promise<ClbListResponseDto> {
    return ClbListResponseDto.of(await this.listClbs.execute(scope));
  }
}
