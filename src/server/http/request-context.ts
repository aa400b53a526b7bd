import type { FastifyRequest } from 'fastify';
import type { Principal } from '../../domain/access/authorize.ts';
import type { Actor } from '../modules/audit/audit.ts';
import { AppError } from '../errors.ts';

/** The signed-in principal; the permission guard has already refused anonymous callers on non-public routes. */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new AppError('auth.required', 'Vui lòng đăng nhập.');
  return request.principal;
}

export function actorOf(request: FastifyRequest): Actor & { userId: string } {
  const p = principalOf(request);
  return { userId: p.userId, name: p.fullName, requestId: request.id };
}
