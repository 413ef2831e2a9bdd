import { ApiSchema, PickType } from '@nestjs/swagger';
import { SubmitProposalDto } from '../submit-proposal/submit-proposal.dto.js';

/** A resident's own plan: as staff submit one, without a staff reference (the submitter is the caller). */
@ApiSchema({ description: 'A resident submits their own plan: area, theme, title, summary, cost estimate and contact details' })
export class SubmitMyProposalDto extends PickType(SubmitProposalDto, ['areaId', 'themeId', 'title', 'summary', 'costEstimate', 'contactDetails'] as const) {}
