import {
  Body,
  ConflictException,
  Controller,
  Get,
  Header,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  BadRequestException,
} from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@meldpunt/auth';
import type { AuthenticatedSession } from '../auth/authenticated-session';
import { CurrentSession } from '../auth/current-session.decorator';
import { message } from '../messages';
import { CreateUserRequestDto, UpdateUserRequestDto } from './dto/user.request.dto';
import { UserListResponseDto, UserResponseDto } from './dto/user.response.dto';
import { CreateUserUseCase } from './use-cases/create-user.use-case';
import { UpdateUserUseCase } from './use-cases/update-user.use-case';
import { SelfLockoutError, UserNotFoundError, UserRuleError } from './user-errors';
import { EmailTakenError, UserRepository } from './user.repository';

/** Account administration: platform admins only. */
@ApiTags('admin')
@Roles('admin')
@Controller('api/admin/users')
export class UsersController {
  constructor(
    private readonly createUser: CreateUserUseCase,
    private readonly updateUser: UpdateUserUseCase,
    private readonly users: UserRepository,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Create an account with a role, its CLBs or schools and an initial password' })
  @ApiCreatedResponse({ type: UserResponseDto })
  async create(@Body() body: CreateUserRequestDto): Promise<UserResponseDto> {
    try {
      return UserResponseDto.from(
        await this.createUser.execute({
          ...body,
          clbIds: body.clbIds ?? [],
          schoolIds: body.schoolIds ?? [],
        }),
      );
    } catch (error) {
      throw toHttp(error);
    }
  }

  @Get()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'Every account' })
  @ApiOkResponse({ type: UserListResponseDto })
  async list(): Promise<UserListResponseDto> {
    return { users: (await this.users.list()).map((user) => UserResponseDto.from(user)) };
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Deactivate or reactivate an account, change its role, tenancy, name or password',
  })
  @ApiOkResponse({ type: UserResponseDto })
  async update(
    @Param('id', new ParseUUIDPipe({ exceptionFactory: () => new NotFoundException(notFound()) })) id: string,
    @Body() body: UpdateUserRequestDto,
    @CurrentSession() session: AuthenticatedSession,
  ): Promise<UserResponseDto> {
    try {
      return UserResponseDto.from(
        await this.updateUser.execute({ ...body, userId: id, actorId: session.user.id }),
      );
    } catch (error) {
      throw toHttp(error);
    }
  }
}

function notFound() {
  return { statusCode: 404, message: message('userNotFound') };
}

function toHttp(error: unknown): unknown {
  if (error instanceof UserRuleError) {
    return new BadRequestException({
      statusCode: 400,
      message: message('invalidInput'),
      fields: error.fields,
    });
  }
  if (error instanceof EmailTakenError) {
    return new ConflictException({
      statusCode: 409,
      message: message('emailTaken'),
      fields: [{ field: 'email', messages: [message('emailTaken')] }],
    });
  }
  if (error instanceof UserNotFoundError) return new NotFoundException(notFound());
  if (error instanceof SelfLockoutError) {
    return new ConflictException({ statusCode: 409, message: message('cannotChangeSelf') });
  }
  return error;
}
