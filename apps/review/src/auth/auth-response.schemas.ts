import { z } from 'zod';

import { ROLES } from './role';

/** The signed-in user (`GET /auth/me`); the role is the users table's at that moment. */
export const authenticatedUserSchema = z.object({ id: z.string(), username: z.string(), role: z.enum(ROLES) });

/** A new access token (`POST /auth/refresh`). */
export const issuedTokenSchema = z.object({
  token: z.string().describe('send as `Authorization: Bearer <token>`'),
  expiresAt: z.string().describe('ISO 8601 instant: refresh before it'),
  sessionExpiresAt: z.string().describe('ISO 8601 instant: no refresh goes past it'),
});

/** `POST /auth/login`: the token and who signed in. */
export const loginResultSchema = issuedTokenSchema.extend({
  user: authenticatedUserSchema.extend({ displayName: z.string() }),
});
