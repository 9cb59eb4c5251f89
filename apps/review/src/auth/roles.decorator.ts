import { SetMetadata } from '@nestjs/common';

import type { Role } from './role';

export const ROLES_KEY = 'loanmesh:roles';
export const PUBLIC_KEY = 'loanmesh:public';

/** The roles admitted to a route; a route without `@Roles` or `@Public` is refused. */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator => SetMetadata(ROLES_KEY, roles);

/** Marks a route reachable without a token (login, the console's static files). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_KEY, true);
