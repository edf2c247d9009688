import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Roles, Scope, TenancyScope } from '@meldpunt/auth';
import { PageRequestDto } from '@meldpunt/platform';
import { SchoolNoticeListResponseDto, SchoolNoticeResponseDto } from './dto/school-notice.response.dto';
import { ListSchoolNoticesUseCase } from './use-cases/list-school-notices.use-case';

@ApiTags('school notices')
@Controller('v1/school-notices')
@Roles('school', 'clb-staff', 'doctor', 'coordinator', 'admin')
export class SchoolNoticesController {
  constructor(private readonly listNotices: ListSchoolNoticesUseCase) {}

  @Get()
  @ApiOperation({ summary: "The CLB's anonymised class notices the caller may see, latest version per case" })
  @ApiResponse({ status: 200, type: SchoolNoticeListResponseDto })
  async index(
    @Query() query: PageRequestDto,
    @Scope() scope: TenancyScope,
  ): Promise<SchoolNoticeListResponseDto> {
    const limit = query.limit ?? 50;
    const offset = query.offset ?? 0;
    const notices = await this.listNotices.execute(scope, { limit, offset });
    return { items: notices.map((named) => SchoolNoticeResponseDto.of(named)), limit, offset };
  }
}
