import type { FastifyReply, FastifyRequest } from 'fastify';
import { roleLabels, rolePermissions, type Permission } from '../../../domain/access/roles.ts';
import { errorBody, okBody } from '../../../shared/schemas/common.schema.ts';
import { loginBody, meResponse, passwordBody } from '../../../shared/schemas/auth.schema.ts';
import type { App } from '../../http/app-types.ts';
import { sessionCookie } from '../../http/auth-guard.ts';
import { actorOf, principalOf } from '../../http/request-context.ts';
import type { AuthService } from './auth.service.ts';
import type { Principal } from '../../../domain/access/authorize.ts';

function describe(principal: Principal, csrfToken: string) {
  const perms = new Set<Permission>();
  for (const a of principal.assignments) for (const p of rolePermissions[a.role]) perms.add(p);
  return {
    user: { id: principal.userId, username: principal.username, fullName: principal.fullName },
    assignments: principal.assignments.map((a) => ({ ...a, roleLabel: roleLabels[a.role] })),
    permissions: [...perms],
    csrfToken,
  };
}

export function registerAuthRoutes(app: App, auth: AuthService, cookieSecure: 'auto' | boolean): void {
  const secureFor = (req: FastifyRequest) => (cookieSecure === 'auto' ? req.protocol === 'https' : cookieSecure);
  const clearCookie = (req: FastifyRequest, reply: FastifyReply) =>
    reply.clearCookie(sessionCookie, { path: '/', httpOnly: true, sameSite: 'lax', secure: secureFor(req) });

  app.post(
    '/api/auth/login',
    {
      schema: { tags: ['Tài khoản'], summary: 'Đăng nhập', body: loginBody, response: { 200: meResponse, 401: errorBody, 429: errorBody } },
      config: { permission: 'public' },
    },
    async (req, reply) => {
      const signedIn = await auth.login(req.body.username, req.body.password, req.ip);
      reply.setCookie(sessionCookie, signedIn.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: secureFor(req),
        expires: signedIn.expiresAt,
      });
      return describe(signedIn.principal, signedIn.csrfToken);
    },
  );

  app.post(
    '/api/auth/logout',
    { schema: { tags: ['Tài khoản'], summary: 'Đăng xuất', response: { 200: okBody } }, config: { permission: 'authenticated' } },
    async (req, reply) => {
      if (req.sessionToken) await auth.logout(req.sessionToken);
      clearCookie(req, reply);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/auth/me',
    { schema: { tags: ['Tài khoản'], summary: 'Người đang đăng nhập', response: { 200: meResponse, 401: errorBody } }, config: { permission: 'authenticated' } },
    async (req) => describe(principalOf(req), req.sessionCsrf ?? ''),
  );

  app.post(
    '/api/auth/password',
    { schema: { tags: ['Tài khoản'], summary: 'Đổi mật khẩu', body: passwordBody, response: { 200: okBody, 400: errorBody } }, config: { permission: 'authenticated' } },
    async (req) => {
      await auth.changePassword(actorOf(req), req.body.currentPassword, req.body.newPassword);
      return { ok: true as const };
    },
  );
}
