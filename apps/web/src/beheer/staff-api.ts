import { apiClient } from '../common/api';
import { STAFF, tokens } from '../common/session';

/** The api as the signed-in civil servant: every call carries the staff token. */
export const staffApi = apiClient(() => tokens.get(STAFF));
