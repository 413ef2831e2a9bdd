import { AmendProposalDto } from '../amend-proposal/amend-proposal.dto.js';

/** The resident's new version: title, summary, cost estimate and why it changed. */
export class AmendMyProposalDto extends AmendProposalDto {}
