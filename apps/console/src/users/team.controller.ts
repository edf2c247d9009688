import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@meldpunt/auth';
import type { AuthenticatedSession } from '../auth/authenticated-session';
import { CurrentSession } from '../auth/current-session.decorator';
import { ColleagueListResponseDto, ColleagueResponseDto } from './dto/colleague.response.dto';
import { UserRepository } from './user.repository';

/** The people of the caller's CLBs, so the risk queue can name assignees and offer whom to assign a case to. */
@ApiTags('team')
@Roles('clb-staff', 'doctor', 'coordinator')
@Controller('api/team')
export class TeamController {
  constructor(private readonly users: UserRepository) {}

  @Get()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: "Active CLB staff, doctors and coordinators of the caller's CLBs (id, name, role)",
  })
  @ApiOkResponse({ type: ColleagueListResponseDto })
  async list(@CurrentSession() session: AuthenticatedSession): Promise<ColleagueListResponseDto> {
    const colleagues = await this.users.listClbColleagues(session.user.clbIds);
    return { items: colleagues.map((user) => ColleagueResponseDto.from(user)) };
  }
}
