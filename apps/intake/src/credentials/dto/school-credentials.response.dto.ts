import { ApiProperty } from '@nestjs/swagger';

export class IssuedSchoolCredentialsResponseDto {
  @ApiProperty({ example: '3f9a0c1b2d4e' }) keyId!: string;
  @ApiProperty({ description: 'Shown once. Send as X-Api-Key.', example: 'mpk_3f9a0c1b2d4e_…' })
  apiKey!: string;
  @ApiProperty({ description: 'Shown once. HMAC key for signed webhooks.', example: 'whsec_…' })
  webhookSecret!: string;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ type: [String] }) revokedKeyIds!: string[];
  @ApiProperty({ description: 'Until when the revoked credentials still work (grace period).' })
  previousValidUntil!: string;
  @ApiProperty() message!: string;
}

export class SchoolCredentialMetadataDto {
  @ApiProperty() keyId!: string;
  @ApiProperty() createdAt!: string;
  @ApiProperty() createdBy!: string;
  @ApiProperty({ nullable: true, type: String }) revokedAt!: string | null;
  @ApiProperty({ enum: ['active', 'grace', 'revoked'] }) state!: 'active' | 'grace' | 'revoked';
}

export class SchoolCredentialListResponseDto {
  @ApiProperty({ type: [SchoolCredentialMetadataDto] }) items!: SchoolCredentialMetadataDto[];
}
