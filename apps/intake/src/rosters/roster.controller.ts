import { Controller, Get, Param, Query, UseFilters } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Scope, TenancyScope } from '@meldpunt/auth';
import { DomainErrorFilter } from '../registry/domain-error.filter';
import { UuidParamPipe } from '../registry/uuid-param.pipe';
import { ListGroupsQueryDto, ListPupilsQueryDto, ListStaffQueryDto } from './dto/roster-query.request.dto';
import {
  GroupListResponseDto,
  GroupResponseDto,
  PupilListResponseDto,
  PupilResponseDto,
  StaffListResponseDto,
  StaffResponseDto,
} from './dto/roster.response.dto';
import { ROSTER_MESSAGES } from './rosters.messages';
import { ReadRosterUseCase } from './use-cases/read-roster.use-case';

const schoolIdPipe = new UuidParamPipe(ROSTER_MESSAGES.schoolNotFound);

/** A school's roster for callers whose scope includes the school (404 otherwise). */
@ApiTags('rosters')
@ApiBearerAuth()
@Controller('v1/schools/:schoolId')
@UseFilters(DomainErrorFilter)
export class RosterController {
  constructor(private readonly readRoster: ReadRosterUseCase) {}

  @Get('pupils')
  @ApiOperation({ summary: 'Pupils by name or number (the melding form picker); active pupils unless told' })
  @ApiOkResponse({ type: PupilListResponseDto })
  @ApiNotFoundResponse()
  async pupils(
    @Scope() scope: TenancyScope,
    @Param('schoolId', schoolIdPipe) schoolId: string,
    @Query() query: ListPupilsQueryDto,
  ): Promise<PupilListResponseDto> {
    const pupils = await this.readRoster.pupils(scope, schoolId, {
      search: query.search,
      groupId: query.classId?.toLowerCase(),
      status: query.status ?? 'active',
      limit: query.limit ?? 50,
    });
    return { items: pupils.map((pupil) => PupilResponseDto.of(pupil)) };
  }

  @Get('groups')
  @ApiOperation({
    summary: "The school's classes, groups and living groups of a school year, with member counts",
  })
  @ApiOkResponse({ type: GroupListResponseDto })
  @ApiNotFoundResponse()
  async groups(
    @Scope() scope: TenancyScope,
    @Param('schoolId', schoolIdPipe) schoolId: string,
    @Query() query: ListGroupsQueryDto,
  ): Promise<GroupListResponseDto> {
    const result = await this.readRoster.groups(scope, schoolId, {
      schoolYear: query.schoolYear,
      kind: query.kind,
    });
    return { schoolYear: result.schoolYear, items: result.items.map((group) => GroupResponseDto.of(group)) };
  }

  @Get('staff')
  @ApiOperation({ summary: "The school's staff and the classes they teach" })
  @ApiOkResponse({ type: StaffListResponseDto })
  @ApiNotFoundResponse()
  async staff(
    @Scope() scope: TenancyScope,
    @Param('schoolId', schoolIdPipe) schoolId: string,
    @Query() query: ListStaffQueryDto,
  ): Promise<StaffListResponseDto> {
    const staff = await this.readRoster.staff(scope, schoolId, query.status ?? 'active');
    return { items: staff.map((member) => StaffResponseDto.of(member)) };
  }
}
