import { Controller, Get, NotFoundException, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiSchema, ApiTags } from '@nestjs/swagger';
import { Allow, ApiProblems, READ_ROLES } from '@lib/platform';
import { BudgetFrameView } from '../budget/budget-frame.dto.js';
import type { BudgetFrame } from '../budget/budget.events.js';
import { BUDGET_TEMPLATES, findTemplate } from './budget-templates.js';

@ApiSchema({ description: 'A ready-made frame to establish a budget from (`from` in POST /budgets)' })
export class BudgetTemplateView {
  @ApiProperty({ example: 'stadsdeel-burgerbegroting', description: 'Use as `from` in POST /budgets' })
  name!: string;
  @ApiProperty({ example: 'Burgerbegroting per stadsdeel (Amsterdam-style buurtbudget)' })
  title!: string;
  @ApiProperty({ example: 'A city district divides its budget over its wijken by fixed shares…' })
  description!: string;
  @ApiProperty({ type: BudgetFrameView, description: 'A complete frame: copy it with `from` and override the top-level fields that differ' })
  frame!: BudgetFrame;
}

/** Ready frames for the common Dutch variants: plain data, the same for every municipality. */
@ApiTags('budget-templates')
@ApiBearerAuth()
@Controller('budget-templates')
export class BudgetTemplatesController {
  @Get()
  @Allow(...READ_ROLES)
  @ApiOperation({ summary: 'The ready frames a municipality can copy and adapt' })
  @ApiOkResponse({ type: [BudgetTemplateView] })
  @ApiProblems({}, { store: false })
  list(): BudgetTemplateView[] {
    return BUDGET_TEMPLATES.map((t) => structuredClone(t));
  }

  @Get(':name')
  @Allow(...READ_ROLES)
  @ApiOperation({ summary: 'One template' })
  @ApiOkResponse({ type: BudgetTemplateView })
  @ApiProblems({ 404: ['BUDGET_TEMPLATE.NOT_FOUND'] }, { store: false })
  get(@Param('name') name: string): BudgetTemplateView {
    const template = findTemplate(name);
    if (!template) throw new NotFoundException({ code: 'BUDGET_TEMPLATE.NOT_FOUND', message: `There is no template ${name}` });
    return template;
  }
}
