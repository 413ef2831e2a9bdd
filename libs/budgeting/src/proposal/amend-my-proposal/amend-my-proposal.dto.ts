import { ApiSchema } from '@nestjs/swagger';
import { AmendProposalDto } from '../amend-proposal/amend-proposal.dto.js';

/** The resident's new version: title, summary, cost estimate and why it changed. */
@ApiSchema({ description: 'The resident\'s new version of their plan (until the intake deadline), with why it changed' })
export class AmendMyProposalDto extends AmendProposalDto {}
