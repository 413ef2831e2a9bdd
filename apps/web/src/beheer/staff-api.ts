import { apiClient } from '../shared/api';
import { STAFF, tokens } from '../shared/session';

/** The api as the signed-in civil servant: every call carries the staff token. */
export const staffApi = apiClient(() => tokens.get(STAFF));
