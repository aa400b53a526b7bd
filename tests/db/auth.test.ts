import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, login, testPassword, type TestContext } from '../support/test-app.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx.close());

describe('signing in', () => {
  it('sets an HttpOnly SameSite session cookie and returns the roles and a CSRF token', async () => {
    await ctx.userWith('viewer', { unitCode: '20' }, 'nguoixem');
    const res = await ctx.built.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'NguoiXem', password: testPassword } });
    expect(res.statusCode).toBe(200);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/ct_session=/u);
    expect(cookie).toMatch(/HttpOnly/iu);
    expect(cookie).toMatch(/SameSite=Lax/iu);
    expect(res.json().assignments[0].roleLabel).toBe('Người xem');
    expect(res.json().csrfToken.length).toBeGreaterThan(20);
  });

  it('refuses a wrong password in Vietnamese without saying which part was wrong', async () => {
    const res = await ctx.built.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'nguoixem', password: 'sai-mat-khau1' } });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.message).toBe('Tên đăng nhập hoặc mật khẩu không đúng.');
  });

  it('blocks an account after 5 failures in 15 minutes, even with the right password', async () => {
    await ctx.userWith('viewer', { unitCode: '20' }, 'bikhoa');
    for (let i = 0; i < 5; i += 1) {
      const r = await ctx.built.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'bikhoa', password: `sai-${i}-abc` } });
      expect(r.statusCode).toBe(401);
    }
    const res = await ctx.built.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'bikhoa', password: testPassword } });
    expect(res.statusCode).toBe(429);
    expect(res.json().error.message).toMatch(/quá nhiều lần/u);
  });

  it('stores passwords as scrypt hashes, never in clear', async () => {
    const rows = await ctx.testDb.database.query<{ password_hash: string }>("select password_hash from users where username = 'nguoixem'");
    expect(rows[0]!.password_hash.startsWith('scrypt$')).toBe(true);
    expect(rows[0]!.password_hash).not.toContain(testPassword);
  });
});

describe('sessions', () => {
  it('refuses anonymous calls with 401', async () => {
    const res = await ctx.built.app.inject({ method: 'GET', url: '/api/units/tree' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('auth.required');
  });

  it('refuses a state-changing request without the CSRF header', async () => {
    const client = await ctx.userWith('commune_officer', { unitCode: '06529' });
    const res = await ctx.built.app.inject({
      method: 'POST',
      url: '/api/units/villages',
      headers: { cookie: client.cookie },
      payload: { communeCode: '06529', name: 'Thôn CSRF', kind: 'Thôn', validFrom: '2026-01-01' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('auth.csrf');
  });

  it('logs out: the cookie no longer works', async () => {
    const client = await ctx.userWith('viewer', { unitCode: '20' });
    expect((await client.get('/api/auth/me')).statusCode).toBe(200);
    expect((await client.post('/api/auth/logout')).statusCode).toBe(200);
    expect((await client.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('expires a session after its lifetime', async () => {
    const client = await ctx.userWith('viewer', { unitCode: '20' });
    await ctx.testDb.database.query('update sessions set expires_at = $1', [new Date(ctx.clock.now().getTime() - 60_000)]);
    expect((await client.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('changes a password: the old one stops working, a weak one is refused', async () => {
    const client = await ctx.userWith('viewer', { unitCode: '20' }, 'doimatkhau');
    const weak = await client.post('/api/auth/password', { currentPassword: testPassword, newPassword: 'ngan' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.message).toMatch(/ít nhất 8 ký tự/u);
    const ok = await client.post('/api/auth/password', { currentPassword: testPassword, newPassword: 'MatKhauMoi-99' });
    expect(ok.statusCode).toBe(200);
    await expect(login(ctx.built, 'doimatkhau', testPassword)).rejects.toThrow();
    await expect(login(ctx.built, 'doimatkhau', 'MatKhauMoi-99')).resolves.toBeTruthy();
  });
});

describe('audit log', () => {
  it('lets a province board member browse writes with filters, and refuses a commune officer', async () => {
    const board = await ctx.userWith('emulation_board', { unitCode: '20' });
    const created = await board.post('/api/emulation-groups', { year: 2018, kind: 'block', name: 'Khối thử nghiệm' });
    expect(created.statusCode).toBe(200);
    const page = await board.get('/api/audit?entityType=emulation_group');
    expect(page.statusCode).toBe(200);
    const rows = page.json().rows as { action: string; actorName: string; after: { name: string } }[];
    expect(rows[0]).toMatchObject({ action: 'emulation_group.created', after: { name: 'Khối thử nghiệm' } });
    const commune = await ctx.userWith('commune_officer', { unitCode: '06529' });
    expect((await commune.get('/api/audit')).statusCode).toBe(403);
  });
});
