import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PlatformStatusResponseDto } from './dto/platform-status.response.dto';
import { GetPlatformStatusUseCase } from './use-cases/get-platform-status.use-case';

@ApiTags('status')
@Controller('api/status')
export class StatusController {
  constructor(private readonly getPlatformStatus: GetPlatformStatusUseCase) {}

  @Get()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: "Health of every Meldpunt service (each service's GET /health, 2 s timeout)" })
  @ApiOkResponse({
    type: PlatformStatusResponseDto,
    description: 'Always 200; down services are in the body',
  })
  async get(): Promise<PlatformStatusResponseDto> {
    return PlatformStatusResponseDto.from(await this.getPlatformStatus.execute());
  }
}
