import type { Db } from '../../../db/client.ts';
import type { Clock, IdGenerator } from '../../../shared/clock.ts';
import type { Principal } from '../../../domain/access/authorize.ts';
import type { Role } from '../../../domain/access/roles.ts';
import { compareVi } from '../../../shared/vi-text.ts';
import type { UserDto } from '../../../shared/schemas/users.schema.ts';
import { AppError } from '../../errors.ts';
import { hashPassword, passwordProblem } from '../../auth/password.ts';
import { recordAudit, type Actor } from '../audit/audit.ts';
import { deleteUserSessions } from '../auth/auth.repository.ts';
import type { ScopeChecker, UnitsCatalog } from '../units/units.service.ts';
import * as repo from './users.repository.ts';

export interface UsersDeps {
  db: Db;
  clock: Clock;
  ids: IdGenerator;
  provinceCode: string;
  scope: ScopeChecker;
  catalog: UnitsCatalog;
}

export interface AssignmentInput {
  role: Role;
  unitCode: string | null;
  organisationId: string | null;
}

export interface NewUser {
  username: string;
  fullName: string;
  password: string;
  assignments: AssignmentInput[];
  isDemo?: boolean;
}

export function createUsersService(deps: UsersDeps) {
  const { db, clock, ids, scope, catalog } = deps;

  async function toDtos(rows: repo.UserRow[]): Promise<UserDto[]> {
    const assignments = await repo.listAssignmentsFor(db, rows.map((r) => r.id));
    return rows
      .map((u) => ({
        id: u.id,
        username: u.username,
        fullName: u.fullName,
        active: u.active,
        isDemo: u.isDemo,
        createdAt: u.createdAt.toISOString(),
        assignments: assignments
          .filter((a) => a.userId === u.id)
          .map((a) => ({ role: a.role as Role, unitCode: a.unitCode, organisationId: a.organisationId })),
      }))
      .sort((a, b) => compareVi(a.fullName, b.fullName));
  }

  async function validateAssignments(list: AssignmentInput[]): Promise<void> {
    const dir = await catalog.directory();
    for (const a of list) {
      if (a.unitCode && dir.historyOf(a.unitCode).versions.length === 0) {
        throw new AppError('users.invalid', `Không có đơn vị mã ${a.unitCode} để phân quyền.`);
      }
    }
  }

  async function requireAdmin(principal: Principal): Promise<void> {
    await scope.requireUnit(principal, 'users.write', deps.provinceCode, clock.today());
  }

  /** Used by the CLI (`chung-tay user create`) and the demo seeder as well as the API. */
  async function create(actor: Actor, input: NewUser): Promise<UserDto> {
    const problem = passwordProblem(input.password);
    if (problem) throw new AppError('auth.weak_password', problem);
    if (await repo.findUserByUsername(db, input.username)) {
      throw new AppError('users.duplicate', `Tên đăng nhập "${input.username}" đã tồn tại.`);
    }
    await validateAssignments(input.assignments);
    const row = {
      id: ids.newId(),
      username: input.username,
      fullName: input.fullName,
      passwordHash: await hashPassword(input.password),
      active: true,
      isDemo: input.isDemo ?? false,
      createdAt: clock.now(),
      passwordChangedAt: null,
    };
    await db.transaction(async (tx) => {
      await repo.insertUser(tx, row);
      await repo.replaceAssignments(tx, row.id, input.assignments.map((a) => ({ id: ids.newId(), userId: row.id, ...a })));
      await recordAudit(tx, deps, actor, {
        action: 'user.created',
        entityType: 'user',
        entityId: row.id,
        after: { username: row.username, fullName: row.fullName, assignments: input.assignments },
      });
    });
    const [dto] = await toDtos([row]);
    return dto!;
  }

  return {
    create,
    async list(principal: Principal): Promise<UserDto[]> {
      await scope.requireUnit(principal, 'users.read', deps.provinceCode, clock.today());
      return toDtos(await repo.listUsers(db));
    },
    async createByAdmin(principal: Principal, actor: Actor, input: NewUser): Promise<UserDto> {
      await requireAdmin(principal);
      return create(actor, input);
    },
    async update(principal: Principal, actor: Actor, id: string, patch: { fullName?: string; active?: boolean }) {
      await requireAdmin(principal);
      const user = await repo.findUser(db, id);
      if (!user) throw new AppError('users.not_found', 'Không tìm thấy người dùng.');
      if (patch.active === false && id === principal.userId) {
        throw new AppError('users.invalid', 'Không thể tự khoá tài khoản của chính mình.');
      }
      await db.transaction(async (tx) => {
        await repo.updateUser(tx, id, patch);
        if (patch.active === false) await deleteUserSessions(tx, id);
        await recordAudit(tx, deps, actor, {
          action: 'user.updated',
          entityType: 'user',
          entityId: id,
          before: { fullName: user.fullName, active: user.active },
          after: { fullName: patch.fullName ?? user.fullName, active: patch.active ?? user.active },
        });
      });
      const [dto] = await toDtos([{ ...user, ...patch }]);
      return dto!;
    },
    async setAssignments(principal: Principal, actor: Actor, id: string, assignments: AssignmentInput[]) {
      await requireAdmin(principal);
      const user = await repo.findUser(db, id);
      if (!user) throw new AppError('users.not_found', 'Không tìm thấy người dùng.');
      await validateAssignments(assignments);
      const before = await repo.listAssignmentsFor(db, [id]);
      await db.transaction(async (tx) => {
        await repo.replaceAssignments(tx, id, assignments.map((a) => ({ id: ids.newId(), userId: id, ...a })));
        await deleteUserSessions(tx, id);
        await recordAudit(tx, deps, actor, {
          action: 'user.roles_changed',
          entityType: 'user',
          entityId: id,
          before: before.map((a) => ({ role: a.role, unitCode: a.unitCode, organisationId: a.organisationId })),
          after: assignments,
        });
      });
      const [dto] = await toDtos([user]);
      return dto!;
    },
    async resetPassword(principal: Principal, actor: Actor, id: string, password: string) {
      await requireAdmin(principal);
      const problem = passwordProblem(password);
      if (problem) throw new AppError('auth.weak_password', problem);
      const user = await repo.findUser(db, id);
      if (!user) throw new AppError('users.not_found', 'Không tìm thấy người dùng.');
      const hash = await hashPassword(password);
      await db.transaction(async (tx) => {
        await repo.updateUser(tx, id, { passwordHash: hash, passwordChangedAt: clock.now() });
        await deleteUserSessions(tx, id);
        await recordAudit(tx, deps, actor, { action: 'user.password_reset', entityType: 'user', entityId: id });
      });
    },
  };
}

export type UsersService = ReturnType<typeof createUsersService>;
