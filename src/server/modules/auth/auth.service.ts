import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../../db/client.ts';
import type { Clock, IdGenerator } from '../../../shared/clock.ts';
import type { Principal, RoleAssignment } from '../../../domain/access/authorize.ts';
import { isRole } from '../../../domain/access/roles.ts';
import { defaultLoginRateLimit, isLoginBlocked } from '../../../domain/access/login-rate-limit.ts';
import { AppError } from '../../errors.ts';
import { hashPassword, passwordProblem, verifyPassword } from '../../auth/password.ts';
import { recordAudit, type Actor } from '../audit/audit.ts';
import * as repo from './auth.repository.ts';

export interface AuthDeps {
  db: Db;
  clock: Clock;
  ids: IdGenerator;
  provinceCode: string;
  sessionTtlHours: number;
}

export interface SignedIn {
  token: string;
  csrfToken: string;
  expiresAt: Date;
  principal: Principal;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

// A fixed hash to compare against when the user does not exist, so that response time does not reveal it.
let dummyHash: Promise<string> | null = null;

export function createAuthService(deps: AuthDeps) {
  const { db, clock, ids } = deps;

  async function loadPrincipal(user: repo.UserRow): Promise<Principal> {
    const rows = await repo.listAssignments(db, user.id);
    const assignments: RoleAssignment[] = rows
      .filter((r) => isRole(r.role))
      .map((r) => ({ role: r.role as RoleAssignment['role'], unitCode: r.unitCode, organisationId: r.organisationId }));
    return { userId: user.id, username: user.username, fullName: user.fullName, assignments };
  }

  return {
    async login(usernameRaw: string, password: string, ip: string): Promise<SignedIn> {
      const username = usernameRaw.trim().toLowerCase();
      const now = clock.now();
      const since = new Date(now.getTime() - defaultLoginRateLimit.windowMinutes * 60_000);
      if (isLoginBlocked(await repo.countRecentFailures(db, username, ip, since))) {
        throw new AppError(
          'auth.rate_limited',
          `Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ${defaultLoginRateLimit.windowMinutes} phút.`,
        );
      }
      const user = await repo.findUserByUsername(db, username);
      dummyHash ??= hashPassword('khong-co-nguoi-dung-nay-1');
      const ok = user ? await verifyPassword(password, user.passwordHash) : (await verifyPassword(password, await dummyHash), false);
      if (!user || !ok || !user.active) {
        await repo.insertLoginAttempt(db, { id: ids.newId(), username, ip, succeeded: false, at: now });
        throw new AppError('auth.invalid_credentials', 'Tên đăng nhập hoặc mật khẩu không đúng.');
      }
      const token = randomBytes(32).toString('base64url');
      const csrfToken = randomBytes(24).toString('base64url');
      const expiresAt = new Date(now.getTime() + deps.sessionTtlHours * 3600_000);
      await db.transaction(async (tx) => {
        await repo.insertLoginAttempt(tx, { id: ids.newId(), username, ip, succeeded: true, at: now });
        await repo.insertSession(tx, { tokenHash: hashToken(token), userId: user.id, csrfToken, createdAt: now, expiresAt });
        await repo.deleteExpiredSessions(tx, now);
      });
      return { token, csrfToken, expiresAt, principal: await loadPrincipal(user) };
    },

    /** The signed-in principal for a session cookie, or null when the session is unknown or expired. */
    async authenticate(token: string): Promise<{ principal: Principal; csrfToken: string } | null> {
      const found = await repo.findSession(db, hashToken(token), clock.now());
      if (!found || !found.user.active) return null;
      return { principal: await loadPrincipal(found.user), csrfToken: found.session.csrfToken };
    },

    async logout(token: string): Promise<void> {
      await repo.deleteSession(db, hashToken(token));
    },

    async changePassword(actor: Actor & { userId: string }, current: string, next: string): Promise<void> {
      const user = await repo.findUserById(db, actor.userId);
      if (!user) throw new AppError('users.not_found', 'Không tìm thấy người dùng.');
      if (!(await verifyPassword(current, user.passwordHash))) {
        throw new AppError('auth.wrong_password', 'Mật khẩu hiện tại không đúng.');
      }
      const problem = passwordProblem(next);
      if (problem) throw new AppError('auth.weak_password', problem);
      const hash = await hashPassword(next);
      await db.transaction(async (tx) => {
        await repo.updatePasswordHash(tx, user.id, hash, clock.now());
        await recordAudit(tx, { clock, provinceCode: deps.provinceCode }, actor, {
          action: 'user.password_changed',
          entityType: 'user',
          entityId: user.id,
        });
      });
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
