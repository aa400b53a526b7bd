import type { FastifyInstance, FastifyRequest } from 'fastify';
import { hasPermission } from '../../domain/access/authorize.ts';
import { AppError } from '../errors.ts';
import type { AuthService } from '../modules/auth/auth.service.ts';
import type { RoutePermission } from './fastify-types.ts';

export const sessionCookie = 'ct_session';
export const csrfHeader = 'x-csrf-token';

export interface RegisteredRoute {
  method: string;
  url: string;
  permission: RoutePermission | undefined;
}

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Authentication, permission and CSRF for every /api route:
 *  - every route must declare `config.permission` (the app refuses to start otherwise; a test lists them);
 *  - the session cookie identifies the principal;
 *  - state-changing requests carry the session's CSRF token in a header (a cross-site form cannot set it).
 */
export function installAuthGuard(app: FastifyInstance, auth: AuthService, registry: RegisteredRoute[]): void {
  app.decorateRequest('principal', null);
  app.decorateRequest('sessionCsrf', null);
  app.decorateRequest('sessionToken', null);

  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const permission = route.config?.permission;
    for (const method of methods) {
      if (method === 'HEAD') continue;
      registry.push({ method, url: route.url, permission });
    }
    if (route.url.startsWith('/api/') && !permission) {
      throw new Error(`Route ${methods.join(',')} ${route.url} declares no permission`);
    }
  });

  app.addHook('onRequest', async (request: FastifyRequest) => {
    const token = request.cookies[sessionCookie];
    if (!token) return;
    const found = await auth.authenticate(token);
    if (!found) return;
    request.principal = found.principal;
    request.sessionCsrf = found.csrfToken;
    request.sessionToken = token;
  });

  app.addHook('preHandler', async (request: FastifyRequest) => {
    const permission = request.routeOptions.config.permission;
    if (!permission || permission === 'public') return;
    const principal = request.principal;
    if (!principal) throw new AppError('auth.required', 'Phiên đăng nhập đã hết hạn hoặc chưa đăng nhập. Vui lòng đăng nhập.');
    if (unsafeMethods.has(request.method)) {
      const sent = request.headers[csrfHeader];
      if (typeof sent !== 'string' || sent !== request.sessionCsrf) {
        throw new AppError('auth.csrf', 'Yêu cầu bị từ chối vì thiếu mã chống giả mạo (CSRF). Hãy tải lại trang.');
      }
    }
    if (permission !== 'authenticated' && !hasPermission(principal, permission)) {
      throw new AppError('auth.forbidden', 'Bạn không có quyền thực hiện chức năng này.');
    }
  });
}
