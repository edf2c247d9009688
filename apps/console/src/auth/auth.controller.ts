import {
  Body,
  Controller,
  ForbiddenException,
  Get,
  Header,
  HttpCode,
  HttpException,
  HttpStatus,
  Post,
  Req,
  Res,
  UnauthorizedException,
} from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { HttpResponse as Response } from '../http-types';
import { Public } from '@meldpunt/auth';
import { ConsoleConfig } from '../config';
import { message } from '../messages';
import type { AuthenticatedSession, ConsoleRequest } from './authenticated-session';
import { CurrentSession } from './current-session.decorator';
import { isCrossOrigin } from './csrf';
import { LogInRequestDto } from './dto/log-in.request.dto';
import { SessionResponseDto } from './dto/session.response.dto';
import { clearSessionCookie, SESSION_COOKIE, setSessionCookie } from './session-cookie';
import { LogInUseCase } from './use-cases/log-in.use-case';
import { LogOutUseCase } from './use-cases/log-out.use-case';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly logIn: LogInUseCase,
    private readonly logOut: LogOutUseCase,
    private readonly config: ConsoleConfig,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'Log in with e-mail and password; sets the meldpunt_session cookie' })
  @ApiOkResponse({ type: SessionResponseDto })
  async login(
    @Body() body: LogInRequestDto,
    @Req() request: ConsoleRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SessionResponseDto> {
    // Login needs no CSRF token (there is no session yet), but another site must not log a browser in.
    if (isCrossOrigin(request.get('origin'), request.get('host'))) {
      throw new ForbiddenException({ statusCode: 403, message: message('crossOriginRefused') });
    }
    const cookies = request.cookies;
    const previous = cookies?.[SESSION_COOKIE];
    const result = await this.logIn.execute({
      email: body.email,
      password: body.password,
      ip: request.ip ?? 'unknown',
      previousSessionId: typeof previous === 'string' ? previous : undefined,
    });
    switch (result.outcome) {
      case 'throttled': {
        const seconds = Math.ceil(result.retryAfterMs / 1000);
        response.setHeader('Retry-After', String(seconds));
        throw new HttpException(
          {
            statusCode: 429,
            message: message('tooManyAttempts', { minutes: Math.max(1, Math.ceil(seconds / 60)) }),
          },
          HttpStatus.TOO_MANY_REQUESTS,
        );
      }
      case 'refused':
        throw new UnauthorizedException({ statusCode: 401, message: message('badCredentials') });
      case 'ok':
        setSessionCookie(response, result.sessionId, this.config);
        return SessionResponseDto.from(result.session);
    }
  }

  @Post('logout')
  @HttpCode(204)
  @ApiOperation({ summary: 'End this session (needs X-CSRF-Token)' })
  async logout(
    @CurrentSession() session: AuthenticatedSession,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    await this.logOut.execute(session.idHash);
    clearSessionCookie(response, this.config);
  }

  @Get('me')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'Who is logged in, and the CSRF token of this session' })
  @ApiOkResponse({ type: SessionResponseDto })
  me(@CurrentSession() session: AuthenticatedSession): SessionResponseDto {
    return SessionResponseDto.from(session);
  }
}
