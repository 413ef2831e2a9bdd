import { describe, it } from '@jest/globals';
import { DeciderSpecification } from '@lib/es/testing';
import { submitterErasureDecider } from './erase-contact-details.command.js';
import { ContactDetailsAlreadyErasedError, ErasureReasonRequiredError } from './submitter-erasure.errors.js';

const given = DeciderSpecification.for(submitterErasureDecider);
const erase = (reason: string) => ({ type: 'EraseContactDetails' as const, data: { submitterRef: 'sub-1', reason, at: '2026-06-01T10:00:00.000Z' } });

describe('EraseContactDetails', () => {
  it('records that the contact details were erased, with no personal data', () => {
    given([]).when(erase('Verzoek van betrokkene, AVG art. 17')).then([{ type: 'ContactDetailsErased', data: { submitterRef: 'sub-1', erasedAt: '2026-06-01T10:00:00.000Z' } }]);
  });

  it('refuses without a reason', () => {
    given([]).when(erase('  ')).thenThrows(ErasureReasonRequiredError, 'SUBMITTER.REASON_REQUIRED');
  });

  it('refuses a second erasure', () => {
    given([{ type: 'ContactDetailsErased', data: { submitterRef: 'sub-1', erasedAt: '2026-05-01T10:00:00.000Z' } }])
      .when(erase('Nog eens'))
      .thenThrows(ContactDetailsAlreadyErasedError, 'SUBMITTER.ALREADY_ERASED');
  });
});
