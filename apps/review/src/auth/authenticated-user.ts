import type { Role } from './role';

/** Who is calling, as established by a verified token. */
export interface AuthenticatedUser {
  id: string;
  username: string;
  role: Role;
}
