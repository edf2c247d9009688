import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  MaxLength,
} from 'class-validator';
import { ROLES, type Role } from '@meldpunt/auth';
import { MESSAGES } from '../../messages';

export class CreateUserRequestDto {
  @ApiProperty({ example: 'directie@deregenboog.be' })
  @IsEmail({}, { message: MESSAGES.emailInvalid })
  @MaxLength(320, { message: MESSAGES.emailInvalid })
  email!: string;

  @ApiProperty({ example: 'Directie De Regenboog' })
  @IsString({ message: MESSAGES.displayNameRequired })
  @Length(1, 200, { message: MESSAGES.displayNameRequired })
  displayName!: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES, { message: MESSAGES.roleInvalid })
  role!: Role;

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'For clb-staff, doctor, coordinator' })
  @IsOptional()
  @IsArray({ message: MESSAGES.idInvalid })
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true, message: MESSAGES.idInvalid })
  clbIds?: string[];

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'For school users' })
  @IsOptional()
  @IsArray({ message: MESSAGES.idInvalid })
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true, message: MESSAGES.idInvalid })
  schoolIds?: string[];

  @ApiProperty({
    description: 'Initial password, at least 12 characters',
    example: 'een lange zin als wachtwoord',
  })
  @IsString({ message: MESSAGES.passwordTooSimple })
  password!: string;
}

export class UpdateUserRequestDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString({ message: MESSAGES.displayNameRequired })
  @Length(1, 200, { message: MESSAGES.displayNameRequired })
  displayName?: string;

  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES, { message: MESSAGES.roleInvalid })
  role?: Role;

  @ApiPropertyOptional({ type: [String], format: 'uuid' })
  @IsOptional()
  @IsArray({ message: MESSAGES.idInvalid })
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true, message: MESSAGES.idInvalid })
  clbIds?: string[];

  @ApiPropertyOptional({ type: [String], format: 'uuid' })
  @IsOptional()
  @IsArray({ message: MESSAGES.idInvalid })
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true, message: MESSAGES.idInvalid })
  schoolIds?: string[];

  @ApiPropertyOptional({ description: 'false deactivates the account and ends its sessions' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ description: 'A new password (ends the sessions of the account)' })
  @IsOptional()
  @IsString({ message: MESSAGES.passwordTooSimple })
  password?: string;
}
