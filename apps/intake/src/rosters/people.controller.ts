import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Scope, TenancyScope } from '@meldpunt/auth';
import { LookUpPeopleRequestDto, PeopleResponseDto, PersonResponseDto } from './dto/look-up-people.dto';
import { LookUpPeopleUseCase } from './use-cases/look-up-people.use-case';

/** Names behind pseudonymous refs, for the CLB's case pages (scoped: other schools' refs stay unanswered). */
@ApiTags('rosters')
@ApiBearerAuth()
@Controller('v1/people')
export class PeopleController {
  constructor(private readonly lookUp: LookUpPeopleUseCase) {}

  @Post('lookup')
  @HttpCode(200)
  @ApiOperation({ summary: 'Who these pupil/staff refs are (only those of schools in the caller’s scope)' })
  @ApiOkResponse({ type: PeopleResponseDto })
  async lookup(
    @Scope() scope: TenancyScope,
    @Body() body: LookUpPeopleRequestDto,
  ): Promise<PeopleResponseDto> {
    return {
      items: (await this.lookUp.execute(scope, body.refs)).map((person) => PersonResponseDto.of(person)),
    };
  }
}
