import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { EraseContactDetailsController } from './erase-contact-details.controller.js';
import { EraseContactDetailsHandler } from './erase-contact-details.handler.js';

/** `POST /submitters/{ref}/erasure`: the right to erasure by crypto-shredding. */
@Module({
  imports: [CqrsModule],
  controllers: [EraseContactDetailsController],
  providers: [EraseContactDetailsHandler],
})
export class ErasureModule {}
