import type { Principal } from '../../domain/access/authorize.ts';
import type { Permission } from '../../domain/access/roles.ts';

/** What a route declares it needs. 'public' routes answer without a session. */
export type RoutePermission = Permission | 'public' | 'authenticated';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
    sessionCsrf: string | null;
    sessionToken: string | null;
  }
  interface FastifyContextConfig {
    permission?: RoutePermission;
  }
}
