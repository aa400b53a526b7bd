import { createInterface } from 'node:readline/promises';
import { readConfig } from '../../config.ts';
import { openAppDatabase } from '../../server/runtime.ts';
import { systemClock, randomIds } from '../../shared/clock.ts';
import { isRole, type Role } from '../../domain/access/roles.ts';
import { createScopeChecker, createUnitsCatalog } from '../../server/modules/units/units.service.ts';
import { createUsersService } from '../../server/modules/users/users.service.ts';
import { systemActor } from '../../server/modules/audit/audit.ts';
import { AppError } from '../../server/errors.ts';
import type { CliCommand } from '../cli-types.ts';
import { parseOptions } from '../args.ts';

const usage = `npx chung-tay user create --username <tên> --name "<Họ và tên>" (--admin | --role <vai trò> --unit <mã đơn vị>)
  [--password <mật khẩu>]   (nếu bỏ trống: đọc từ biến CHUNG_TAY_PASSWORD hoặc hỏi trên màn hình)

Ví dụ tạo quản trị viên đầu tiên:
  npx chung-tay user create --admin --username quantri --name "Quản trị hệ thống"`;

export const command: CliCommand = {
  name: 'user create',
  summary: 'Tạo người dùng (ví dụ quản trị viên đầu tiên với --admin)',
  usage,
  async run(argv, io) {
    const parsed = parseOptions(
      argv,
      { admin: { type: 'boolean' }, username: { type: 'string' }, name: { type: 'string' }, password: { type: 'string' }, role: { type: 'string' }, unit: { type: 'string' } },
      io.stderr,
      usage,
    );
    if (!parsed) return 2;
    const v = parsed.values;
    const config = readConfig(io.env, io.cwd);
    const role: string = v.admin ? 'admin' : (v.role ?? '');
    if (!v.username || !isRole(role)) {
      io.stderr.write(`Cần --username và --admin hoặc --role hợp lệ.\n\n${usage}\n`);
      return 2;
    }
    const unitCode = v.admin ? config.provinceCode : (v.unit ?? config.provinceCode);
    let password = v.password ?? io.env.CHUNG_TAY_PASSWORD;
    if (!password) {
      const rl = createInterface({ input: io.stdin, output: io.stdout });
      password = await rl.question('Mật khẩu: ');
      rl.close();
    }
    const database = await openAppDatabase(config);
    try {
      const catalog = createUnitsCatalog(database.db);
      const users = createUsersService({
        db: database.db,
        clock: systemClock,
        ids: randomIds,
        provinceCode: config.provinceCode,
        catalog,
        scope: createScopeChecker(catalog, systemClock),
      });
      const user = await users.create(systemActor, {
        username: v.username.trim().toLowerCase(),
        fullName: v.name ?? v.username,
        password,
        assignments: [{ role: role as Role, unitCode, organisationId: null }],
      });
      io.stdout.write(`Đã tạo người dùng "${user.username}" (${role}, phạm vi ${unitCode}).\n`);
      return 0;
    } catch (error) {
      if (error instanceof AppError) {
        io.stderr.write(`${error.message}\n`);
        return 1;
      }
      throw error;
    } finally {
      await database.close();
    }
  },
};
