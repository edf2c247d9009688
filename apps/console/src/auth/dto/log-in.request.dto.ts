import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { MESSAGES } from '../../messages';

export class LogInRequestDto {
  @ApiProperty({ example: 'school@meldpunt.test' })
  @IsString({ message: MESSAGES.emailInvalid })
  @MinLength(3, { message: MESSAGES.emailInvalid })
  @MaxLength(320, { message: MESSAGES.emailInvalid })
  email!: string;

  @ApiProperty({ example: 'Meldpunt-demo-2026' })
  @IsString({ message: MESSAGES.badCredentials })
  @MinLength(1, { message: MESSAGES.badCredentials })
  @MaxLength(1024, { message: MESSAGES.badCredentials })
  password!: string;
}
