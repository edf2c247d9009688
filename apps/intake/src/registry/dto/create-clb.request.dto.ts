import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { REGISTRY_MESSAGES } from '../registry.messages';
import { Trim } from './trim';

export class CreateClbRequestDto {
  @ApiProperty({ example: 'Vrij CLB Gent', maxLength: 200 })
  @Trim()
  @IsString({ message: REGISTRY_MESSAGES.field.clbName })
  @Length(1, 200, { message: REGISTRY_MESSAGES.field.clbName })
  name!: string;
}
