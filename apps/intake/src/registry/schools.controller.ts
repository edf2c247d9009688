import { Body, Controller, Get, HttpCode, Param, Post, Put, UseFilters } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Roles, Scope, TenancyScope } from '@meldpunt/auth';
import { DomainErrorFilter } from './domain-error.filter';
import { SaveSchoolRequestDto } from './dto/save-school.request.dto';
import { SchoolListResponseDto, SchoolResponseDto } from './dto/school.response.dto';
import { REGISTRY_MESSAGES } from './registry.messages';
import type { SaveSchoolCommand } from './use-cases/save-school.use-case';
import { GetSchoolUseCase } from './use-cases/get-school.use-case';
import { ListSchoolsUseCase } from './use-cases/list-schools.use-case';
import { SaveSchoolUseCase } from './use-cases/save-school.use-case';
import { UuidParamPipe } from './uuid-param.pipe';

const schoolIdPipe = new UuidParamPipe(REGISTRY_MESSAGES.schoolNotFound);

function commandOf(body: SaveSchoolRequestDto): SaveSchoolCommand {
  return {
    clbId: body.clbId.toLowerCase(),
    instellingsnummer: body.instellingsnummer,
    name: body.name,
    address: { street: body.address.street, postalCode: body.address.postalCode, city: body.address.city },
    levels: body.levels,
    isInternaat: body.isInternaat,
    extraClbIds: (body.extraClbIds ?? []).map((id) => id.toLowerCase()),
  };
}

@ApiTags('registry')
@ApiBearerAuth()
@Controller('v1/schools')
@UseFilters(DomainErrorFilter)
export class SchoolsController {
  constructor(
    private readonly saveSchool: SaveSchoolUseCase,
    private readonly listSchools: ListSchoolsUseCase,
    private readonly getSchool: GetSchoolUseCase,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles('admin')
  @ApiOperation({
    summary: 'Register a school or internaat (admin); announced as intake.school.registered.v1',
  })
  @ApiCreatedResponse({ type: SchoolResponseDto })
  @ApiBadRequestResponse({ description: 'Invalid fields or unknown CLB (`fields`)' })
  @ApiConflictResponse({
    description: 'The instellingsnummer is taken (`fields[0].field = instellingsnummer`)',
  })
  async create(@Body() body: SaveSchoolRequestDto): Promise<SchoolResponseDto> {
    return SchoolResponseDto.of(await this.saveSchool.create(commandOf(body)));
  }

  @Put(':schoolId')
  @Roles('admin')
  @ApiOperation({ summary: "Replace a school's registry data (admin); announced again" })
  @ApiOkResponse({ type: SchoolResponseDto })
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'The instellingsnummer is taken' })
  async update(
    @Param('schoolId', schoolIdPipe) schoolId: string,
    @Body() body: SaveSchoolRequestDto,
  ): Promise<SchoolResponseDto> {
    return SchoolResponseDto.of(await this.saveSchool.update(schoolId, commandOf(body)));
  }

  @Get()
  @ApiOperation({
    summary:
      'Schools in scope: school users their schools, CLB users the schools their CLB serves, admins all',
  })
  @ApiOkResponse({ type: SchoolListResponseDto })
  async list(@Scope() scope: TenancyScope): Promise<SchoolListResponseDto> {
    return SchoolListResponseDto.of(await this.listSchools.execute(scope));
  }

  @Get(':schoolId')
  @ApiOperation({ summary: 'One school in scope (404 otherwise, whether or not it exists)' })
  @ApiOkResponse({ type: SchoolResponseDto })
  @ApiNotFoundResponse()
  async get(
    @Scope() scope: TenancyScope,
    @Param('schoolId', schoolIdPipe) schoolId: string,
  ): Promise<SchoolResponseDto> {
    return SchoolResponseDto.of(await this.getSchool.execute(scope, schoolId));
  }
}
