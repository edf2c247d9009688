import { Module } from '@nestjs/common';
import { CreateUserUseCase } from './use-cases/create-user.use-case';
import { UpdateUserUseCase } from './use-cases/update-user.use-case';
import { TeamController } from './team.controller';
import { UsersController } from './users.controller';

/** Account administration (admins) and the list of a CLB user's colleagues. */
@Module({
  controllers: [UsersController, TeamController],
  providers: [CreateUserUseCase, UpdateUserUseCase],
  exports: [CreateUserUseCase, UpdateUserUseCase],
})
export class UsersModule {}
