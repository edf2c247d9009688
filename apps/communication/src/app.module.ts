import { type DynamicModule, Module } from '@nestjs/common';
import type { ServiceConfig } from '@meldpunt/config';
import { CONTRACTS } from '@meldpunt/contracts';
import { DirectoryConsumer, DirectoryModule, PlatformModule } from '@meldpunt/platform';
import { CampaignsConsumer } from './campaigns/campaigns.consumer';
import { CampaignsModule } from './campaigns/campaigns.module';
import { ContactsConsumer } from './contacts/contacts.consumer';
import { ContactsModule } from './contacts/contacts.module';
import { ENTITIES } from './entities';
import { DecisionsConsumer } from './letters/decisions.consumer';
import { LettersModule } from './letters/letters.module';
import { OptOutsModule } from './opt-outs/opt-outs.module';
import { DeliveryReportsModule } from './providers/delivery-reports.module';
import { TemplateAdminModule } from './templates/admin/template-admin.module';

@Module({})
export class CommunicationModule {
  static register(config: ServiceConfig): DynamicModule {
    return {
      module: CommunicationModule,
      imports: [
        PlatformModule.forRoot({
          config,
          entities: ENTITIES,
          registry: CONTRACTS,
          consumers: [DirectoryConsumer, ContactsConsumer, DecisionsConsumer, CampaignsConsumer],
        }),
        DirectoryModule,
        ContactsModule,
        LettersModule,
        OptOutsModule,
        CampaignsModule,
        DeliveryReportsModule,
        TemplateAdminModule,
      ],
    };
  }
}
