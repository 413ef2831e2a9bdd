import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AmendFrameController } from './budget/amend-frame/amend-frame.controller.js';
import { AmendFrameHandler } from './budget/amend-frame/amend-frame.handler.js';
import { EstablishBudgetController } from './budget/establish-budget/establish-budget.controller.js';
import { EstablishBudgetHandler } from './budget/establish-budget/establish-budget.handler.js';
import { GetBudgetController } from './budget/get-budget/get-budget.controller.js';
import { GetBudgetHandler } from './budget/get-budget/get-budget.query.js';
import { BudgetTemplatesController } from './templates/budget-templates.controller.js';

/** The `Budget-<id>` stream over HTTP (establish, amend, read) and the frame templates. */
@Module({
  imports: [CqrsModule],
  controllers: [EstablishBudgetController, AmendFrameController, GetBudgetController, BudgetTemplatesController],
  providers: [EstablishBudgetHandler, AmendFrameHandler, GetBudgetHandler],
})
export class BudgetModule {}
