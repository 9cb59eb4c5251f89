import { createContext, useContext } from 'react';

import type { SessionUser } from './api/auth.types';

export interface SignedIn {
  user: SessionUser;
  /** Permission names review grants this user (GET /auth/permissions). */
  permissions: ReadonlySet<string>;
}

export const SessionContext = createContext<SignedIn | null>(null);

export function useSignedIn(): SignedIn {
  const s = useContext(SessionContext);
  if (!s) {
    throw new Error('useSignedIn outside a signed-in page');
  }
  return s;
}

export function useCan(): (permission: string) => boolean {
  const { permissions } = useSignedIn();
  return (permission) => permissions.has(permission);
}
