// Issue 7, "Must show": the 2020 final review — Huyện Lộc Bình proposes three households and two communes for the
// provincial chairman's Bằng khen; one household fails the 3-year condition and is blocked with the reason; the rest
// pass the board and a council vote; the decision is generated; the awardees are in the registry and their
// certificates render with full diacritics. A Huân chương goes through public comment and the council cannot meet
// before the period ends. The same nominee proposed twice for the same form and round is flagged. The dossier DOCX
// open in LibreOffice without errors.

import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdftotext, soffice } from '../../src/documents/external-tools.test-support.ts';
import { pdfPageSizes, pdfText } from '../../src/documents/pdf-inspect.test-support.ts';
import type { DocumentFile } from '../../src/server/modules/reports/reports.documents.ts';
import type { BatchDto } from '../../src/shared/schemas/awards.schema.ts';
import { createAwardsFixture, dossierFor, LOC_BINH, TU_MICH, YEN_KHOAI, type AwardsFixture } from '../support/awards-fixture.ts';

const run = promisify(execFile);
let f: AwardsFixture;
const documents: Record<string, DocumentFile> = {};

async function rejects(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    return { code: (error as { code: string }).code, message: (error as Error).message };
  }
  throw new Error('expected a refusal');
}

beforeAll(async () => {
  f = await createAwardsFixture();
});
afterAll(async () => f?.close());

describe('2020 final review: a district proposes three households and two communes for the Bằng khen of the provincial chairman', () => {
  let batch: BatchDto;
  const nomineeId = (name: string) => batch.nominees.find((n) => n.name === name)!.id;

  it('the district opens the batch; the board of the province will appraise it', async () => {
    const { district } = f.people;
    batch = await f.service.createBatch(district.principal, district.actor, { roundId: f.finalRoundId, formId: 'bang_khen_tinh', unitCode: LOC_BINH });
    expect(batch).toMatchObject({ formName: 'Bằng khen của Chủ tịch UBND tỉnh', proposerName: 'Huyện Lộc Bình', reviewerName: 'Tỉnh Lạng Sơn', reviewerRole: 'appraises', state: 'draft', stage: 'proposing', voteThresholdPercent: 80, roundName: 'Tổng kết giai đoạn 2016 - 2020' });
    expect(batch.rules).toEqual({ voteThresholdPercent: 80, publicCommentWorkingDays: 10, appraisalDays: 15, stableEscapeYears: 3 });
  });

  it('adds the nominees from the registries, each with an achievement report drafted from the data and its checklist', async () => {
    const { district } = f.people;
    for (const householdId of [f.households.binh, f.households.hoa, f.households.duc]) {
      batch = await f.service.addNominee(district.principal, district.actor, batch.id, { kind: 'household', householdId });
    }
    for (const unitCode of [YEN_KHOAI, TU_MICH]) batch = await f.service.addNominee(district.principal, district.actor, batch.id, { kind: 'collective', unitCode });
    expect(batch.nominees.map((n) => n.name)).toEqual(['Hộ ông Hoàng Văn Bình', 'Hộ bà Nông Thị Hoa', 'Hộ ông Lăng Văn Đức', 'Xã Yên Khoái', 'Xã Tú Mịch']);
    const binh = batch.nominees[0]!;
    expect(binh.description).toBe('Thôn Nà Pàn, Xã Yên Khoái, Huyện Lộc Bình');
    expect(binh.achievementReport).toMatch(/Hộ gia đình Hộ ông Hoàng Văn Bình|thoát nghèo ổn định 4 năm/u);
    expect(binh.checks.find((c) => c.code === 'stable_escape')).toMatchObject({ status: 'pass' });
    expect(binh.checks.find((c) => c.code === 'no_overdue_loan')).toMatchObject({ status: 'pass', reason: expect.stringMatching(/1 khoản vay .* không có nợ quá hạn/u) });
    const yenKhoai = batch.nominees.find((n) => n.name === 'Xã Yên Khoái')!;
    expect(yenKhoai.checks.find((c) => c.code === 'rate_targets')).toMatchObject({ status: 'pass', reason: expect.stringMatching(/đạt chỉ tiêu giảm tỷ lệ hộ nghèo các năm 2017, 2018, 2019/u) });
    expect(yenKhoai.achievementReport).toMatch(/Tỷ lệ hộ nghèo trên địa bàn giảm từ 40,00% \(năm 2016\) xuống 24,27% \(năm 2019\)/u);
  });

  it('the household that escaped only 2 years ago is blocked, with the reason shown, and the batch cannot be sent', async () => {
    const duc = batch.nominees.find((n) => n.name === 'Hộ ông Lăng Văn Đức')!;
    expect(duc.blocked).toBe(true);
    expect(duc.checks.find((c) => c.code === 'stable_escape')).toMatchObject({ status: 'fail', statusLabel: 'Không đạt' });
    expect(duc.blockReasons[0]).toBe('Hộ ông Lăng Văn Đức: theo kết quả rà soát năm 2019 hộ mới thoát nghèo 2 năm, chưa đủ 3 năm thoát nghèo ổn định.');
    const { district } = f.people;
    batch = await f.service.saveDossier(district.principal, district.actor, batch.id, dossierFor(batch.nominees.map((n) => n.id), '2020-04-10'));
    expect(batch.dossierBlockers).toEqual([`Hộ ông Lăng Văn Đức không đủ điều kiện: ${duc.blockReasons[0]}`]);
    const refusal = await rejects(f.service.submit(district.principal, district.actor, batch.id));
    expect(refusal.code).toBe('awards.invalid');
    expect(refusal.message).toContain('chưa đủ 3 năm thoát nghèo ổn định');
  });

  it('without that household the dossier is complete and goes to the board, with its 15-day appraisal limit', async () => {
    const { district } = f.people;
    batch = await f.service.removeNominee(district.principal, district.actor, nomineeId('Hộ ông Lăng Văn Đức'));
    batch = await f.service.saveDossier(district.principal, district.actor, batch.id, dossierFor(batch.nominees.map((n) => n.id), '2020-04-10'));
    expect(batch.dossierBlockers).toEqual([]);
    f.setToday('2020-04-20');
    batch = await f.service.submit(district.principal, district.actor, batch.id);
    expect(batch).toMatchObject({ state: 'submitted', appraisal: { dueOn: '2020-05-05', daysLeft: 15, overdue: false } });
    const queue = await f.service.queue(f.people.board.principal);
    expect(queue.toReview.map((b) => b.id)).toContain(batch.id);
    // The district does not appraise its own batch; a district elsewhere does not even see it.
    expect((await rejects(f.service.approve(district.principal, district.actor, batch.id))).code).toBe('auth.out_of_scope');
    expect((await rejects(f.service.detail(f.people.otherDistrict.principal, batch.id))).code).toBe('auth.out_of_scope');
  });

  it('the board appraises it; the council votes each nominee against the 80% threshold', async () => {
    const { board, council } = f.people;
    f.setToday('2020-04-28');
    batch = await f.service.approve(board.principal, board.actor, batch.id);
    expect(batch).toMatchObject({ state: 'approved', stage: 'appraised' });
    // The board cannot vote for the council, nor the council decide.
    const meeting = {
      heldOn: '2020-05-05',
      startTime: '14:00',
      endTime: '16:30',
      venue: 'Phòng họp số 1, UBND tỉnh Lạng Sơn',
      chair: { name: 'Hồ Tiến Thiệu', position: 'Chủ tịch UBND tỉnh, Chủ tịch Hội đồng' },
      secretary: { name: 'Đoàn Thu Hà', position: 'Trưởng Ban Thi đua - Khen thưởng, Thư ký Hội đồng' },
      membersTotal: 15,
      attendees: ['Hồ Tiến Thiệu', 'Đoàn Thu Hà', ...Array.from({ length: 11 }, (_, i) => `Thành viên ${i + 1}`)],
      votes: batch.nominees.map((n, i) => ({ nomineeId: n.id, agree: i === 0 ? 12 : 13, disagree: i === 0 ? 1 : 0, abstain: 0 })),
    };
    f.setToday('2020-05-05');
    expect((await rejects(f.service.council(board.principal, board.actor, batch.id, meeting))).code).toBe('auth.out_of_scope');
    batch = await f.service.council(council.principal, council.actor, batch.id, meeting);
    expect(batch.stage).toBe('council_voted');
    expect(batch.nominees.map((n) => [n.name, n.council?.ratePercent, n.council?.passed])).toEqual([
      ['Hộ ông Hoàng Văn Bình', 80, true],
      ['Hộ bà Nông Thị Hoa', 86.67, true],
      ['Xã Yên Khoái', 86.67, true],
      ['Xã Tú Mịch', 86.67, true],
    ]);
    expect((await rejects(f.service.decide(council.principal, council.actor, batch.id, { number: '1/QĐ-UBND', date: '2020-05-06', signerName: 'X', signerAuthority: ['CHỦ TỊCH'] }))).code).toBe('auth.out_of_scope');
  });

  it('the decision is recorded; the awardees are in the registry, found without accents, with campaign and round', async () => {
    const { board } = f.people;
    f.setToday('2020-05-12');
    batch = await f.service.decide(board.principal, board.actor, batch.id, { number: '912/QĐ-UBND', date: '2020-05-12', signerName: 'Hồ Tiến Thiệu', signerAuthority: ['CHỦ TỊCH'] });
    expect(batch).toMatchObject({ stage: 'decided', decisionNumber: '912/QĐ-UBND', decisionDate: '2020-05-12' });
    const registry = await f.service.registry(board.principal, { q: 'hoang van binh', limit: 50, offset: 0 });
    expect(registry.rows).toHaveLength(1);
    expect(registry.rows[0]).toMatchObject({ recipientName: 'Hộ ông Hoàng Văn Bình', formName: 'Bằng khen của Chủ tịch UBND tỉnh', roundName: 'Tổng kết giai đoạn 2016 - 2020', decisionNumber: '912/QĐ-UBND', registryNumber: '1/2020' });
    expect(registry.rows[0]!.campaignName).toContain('Lạng Sơn chung tay vì người nghèo');
    const all = await f.service.registry(board.principal, { limit: 50, offset: 0 });
    expect(all.rows.map((r) => r.recipientName).sort()).toEqual(['Hộ bà Nông Thị Hoa', 'Hộ ông Hoàng Văn Bình', 'Xã Tú Mịch', 'Xã Yên Khoái']);
    // The commune officer of Yên Khoái sees the awards of the commune and its households; Tú Mịch's is not its own.
    const communeView = await f.service.registry(f.people.commune.principal, { limit: 50, offset: 0 });
    expect(communeView.rows.map((r) => r.recipientName).sort()).toEqual(['Hộ bà Nông Thị Hoa', 'Hộ ông Hoàng Văn Bình', 'Xã Yên Khoái']);
  });

  it('the certificate renders the awardee’s name with every diacritic (pdftotext)', async (context) => {
    if (!pdftotext.path) {
      if (pdftotext.skipAllowed) context.skip();
      throw new Error(pdftotext.missingMessage);
    }
    const row = (await f.service.registry(f.people.board.principal, { q: 'Nông Thị Hoa', limit: 5, offset: 0 })).rows[0]!;
    const file = await f.documents.certificatePdf(f.people.board.principal, row.id);
    expect(file.contentType).toBe('application/pdf');
    const dir = await mkdtemp(join(tmpdir(), 'chung-tay-cert-'));
    try {
      await writeFile(join(dir, 'c.pdf'), file.buffer);
      const text = (await pdfText(pdftotext.path, join(dir, 'c.pdf'))).normalize('NFC');
      expect(text).toContain('Hộ bà Nông Thị Hoa');
      expect(text).toContain('BẰNG KHEN');
      expect(text).toContain('CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN');
      expect(text).toContain('912/QĐ-UBND');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('generates the dossier and decision documents', async () => {
    const p = f.people.board.principal;
    documents['to-trinh'] = await f.documents.toTrinhDocx(p, batch.id);
    documents['bien-ban'] = await f.documents.proposerMinutesDocx(p, batch.id);
    documents['bao-cao-thanh-tich'] = await f.documents.achievementReportDocx(p, batch.nominees[0]!.id);
    documents['bien-ban-hoi-dong'] = await f.documents.councilMinutesDocx(p, batch.id);
    documents['quyet-dinh'] = await f.documents.decisionDocx(p, batch.id);
    for (const file of Object.values(documents)) {
      expect(file.contentType).toContain('wordprocessingml');
      expect(file.buffer.subarray(0, 2).toString()).toBe('PK');
    }
    expect(documents['quyet-dinh']!.name).toBe('Quyết định 912 QĐ-UBND - Bằng khen của Chủ tịch UBND tỉnh.docx');
  });
});

describe('a Huân chương goes through public comment before the council meets', () => {
  let batch: BatchDto;
  it('the department proposes directly to the province; the board appraises; the council cannot meet without publication', async () => {
    const { org, board, council } = f.people;
    f.setToday('2020-05-15');
    batch = await f.service.createBatch(org.principal, org.actor, { roundId: f.finalRoundId, formId: 'huan_chuong_ld_3', organisationId: f.orgId });
    expect(batch).toMatchObject({ proposerLevel: 'organisation', reviewerName: 'Tỉnh Lạng Sơn', stateLevel: true, voteThresholdPercent: 90 });
    batch = await f.service.addNominee(org.principal, org.actor, batch.id, { kind: 'collective', organisationId: f.orgId });
    const n = batch.nominees[0]!;
    batch = await f.service.updateNominee(org.principal, org.actor, n.id, { achievementReport: 'Sở đã chủ trì tham mưu thực hiện Chương trình mục tiêu quốc gia giảm nghèo bền vững, tỷ lệ hộ nghèo toàn tỉnh giảm bình quân trên 3% mỗi năm.' });
    batch = await f.service.saveDossier(org.principal, org.actor, batch.id, dossierFor([n.id], '2020-05-15', '88/TTr-SLĐTBXH'));
    batch = await f.service.submit(org.principal, org.actor, batch.id);
    batch = await f.service.approve(board.principal, board.actor, batch.id);
    expect(batch.stage).toBe('appraised');
    expect(batch.allowed.publish).toBe(true); // the board's view after its appraisal
    expect((await f.service.detail(org.principal, batch.id)).allowed.publish).toBe(false);
    const meeting = { ...dossierFor([n.id], '2020-05-18').proposerMeeting, membersTotal: 15, attendees: Array.from({ length: 14 }, (_, i) => `Thành viên ${i + 1}`), votes: [{ nomineeId: n.id, agree: 14, disagree: 0, abstain: 0 }] };
    f.setToday('2020-05-18');
    const refusal = await rejects(f.service.council(council.principal, council.actor, batch.id, meeting));
    expect(refusal.message).toMatch(/phải được công khai lấy ý kiến nhân dân trước khi Hội đồng họp xét/u);
  });

  it('the list is published for 10 working days; the public reads it without personal details and comments', async () => {
    const { board } = f.people;
    batch = await f.service.publish(board.principal, board.actor, batch.id, { publishedOn: '2020-05-18' });
    expect(batch).toMatchObject({ stage: 'public_comment', commentFrom: '2020-05-18', commentTo: '2020-05-29', councilFrom: '2020-05-30' });
    const list = await f.service.publicList();
    expect(list.map((l) => l.batchId)).toEqual([batch.id]);
    expect(JSON.stringify(list)).not.toMatch(/020075001234|householdId|citizen/u);
    await f.service.publicComment(batch.id, { authorName: 'Nguyễn Văn An', contact: '0912 345 678', content: 'Tôi đồng ý với đề nghị khen thưởng Sở, đơn vị đã hỗ trợ bản tôi rất nhiều.', nomineeId: batch.nominees[0]!.id });
    const comments = await f.service.comments(board.principal, batch.id);
    expect(comments).toHaveLength(1);
    await f.service.answer(board.principal, board.actor, comments[0]!.id, 'Ban Thi đua - Khen thưởng ghi nhận ý kiến đồng thuận của ông.');
    const published = await f.service.publicList();
    expect(published[0]!.answered).toEqual([expect.objectContaining({ content: expect.stringContaining('Tôi đồng ý'), answer: expect.stringContaining('ghi nhận') })]);
    expect(JSON.stringify(published)).not.toContain('0912 345 678');
    expect(JSON.stringify(published)).not.toContain('Nguyễn Văn An');
  });

  it('the council cannot meet on the last day of the period, only from the day after', async () => {
    const { council, board } = f.people;
    const n = batch.nominees[0]!;
    const meeting = (heldOn: string) => ({ ...dossierFor([n.id], heldOn).proposerMeeting, membersTotal: 15, attendees: Array.from({ length: 14 }, (_, i) => `Thành viên ${i + 1}`), votes: [{ nomineeId: n.id, agree: 14, disagree: 0, abstain: 0 }] });
    f.setToday('2020-05-29');
    const refusal = await rejects(f.service.council(council.principal, council.actor, batch.id, meeting('2020-05-29')));
    expect(refusal.message).toBe('Chưa hết thời gian lấy ý kiến nhân dân (10 ngày làm việc, từ 18/05/2020 đến hết 29/05/2020): Hội đồng chỉ được họp xét từ ngày 30/05/2020.');
    f.setToday('2020-06-01');
    batch = await f.service.council(council.principal, council.actor, batch.id, meeting('2020-06-01'));
    expect(batch.nominees[0]!.council).toMatchObject({ ratePercent: 93.33, passed: true });
    // Comments close with the period.
    expect((await rejects(f.service.publicComment(batch.id, { authorName: 'A', content: 'Muộn' }))).code).toBe('awards.not_found');
    batch = await f.service.decide(board.principal, board.actor, batch.id, { number: '1234/QĐ-CTN', date: '2020-08-20', signerName: 'Nguyễn Phú Trọng', signerAuthority: ['CHỦ TỊCH NƯỚC'] });
    expect(batch.stage).toBe('decided');
    // Once decided, the appraisal can no longer be revoked.
    const revoke = await rejects(f.service.revoke(board.principal, board.actor, batch.id, 'Phát hiện sai sót trong hồ sơ'));
    expect(revoke.message).toBe('Không thể thu hồi kết quả thẩm định khi hồ sơ đã ở bước "Đã có quyết định khen thưởng".');
  });
});

describe('the same nominee proposed twice for the same form and round is flagged', () => {
  it('a commune proposing a household its district already proposed sees the duplicate; the district consolidates the commune first', async () => {
    const { commune, district } = f.people;
    f.setToday('2020-06-02');
    let batch = await f.service.createBatch(commune.principal, commune.actor, { roundId: f.finalRoundId, formId: 'bang_khen_tinh', unitCode: YEN_KHOAI });
    expect(batch).toMatchObject({ reviewerName: 'Huyện Lộc Bình', reviewerRole: 'consolidates' });
    batch = await f.service.addNominee(commune.principal, commune.actor, batch.id, { kind: 'household', householdId: f.households.binh });
    const dup = batch.nominees[0]!.checks.find((c) => c.code === 'duplicate')!;
    expect(dup.status).toBe('fail');
    expect(dup.reason).toMatch(/Hộ ông Hoàng Văn Bình: đã được tặng Bằng khen của Chủ tịch UBND tỉnh trong đợt này: .*hồ sơ của Huyện Lộc Bình .*Quyết định số 912\/QĐ-UBND ngày 12\/05\/2020/u);
    expect(batch.nominees[0]!.blocked).toBe(true);
    // Adding the same nominee twice to one batch is refused outright.
    expect((await rejects(f.service.addNominee(commune.principal, commune.actor, batch.id, { kind: 'household', householdId: f.households.binh }))).code).toBe('awards.conflict');

    // A second district batch for the same round and form waits for the commune's batch (children before parent).
    batch = await f.service.removeNominee(commune.principal, commune.actor, batch.nominees[0]!.id);
    batch = await f.service.addNominee(commune.principal, commune.actor, batch.id, { kind: 'household', householdId: f.households.duc });
    const duc = batch.nominees[0]!;
    batch = await f.service.updateNominee(commune.principal, commune.actor, duc.id, { exceptionReason: 'Hộ điển hình đã giúp 3 hộ khác trong thôn thoát nghèo, đề nghị xét đặc cách.' });
    expect(batch.nominees[0]).toMatchObject({ blocked: false, excepted: ['stable_escape'] });
    batch = await f.service.saveDossier(commune.principal, commune.actor, batch.id, dossierFor([duc.id], '2020-06-02', '15/TTr-UBND'));
    batch = await f.service.submit(commune.principal, commune.actor, batch.id);
    // The district returns it with a comment; the commune corrects and sends it again.
    batch = await f.service.returnBatch(district.principal, district.actor, batch.id, 'Bổ sung xác nhận của trưởng thôn về việc giúp đỡ các hộ khác');
    expect(batch).toMatchObject({ state: 'returned', stage: 'proposing' });
    expect(batch.events.at(-1)).toMatchObject({ action: 'return', actionLabel: 'Trả lại', note: 'Bổ sung xác nhận của trưởng thôn về việc giúp đỡ các hộ khác' });
    batch = await f.service.submit(commune.principal, commune.actor, batch.id);
    let second = await f.service.createBatch(district.principal, district.actor, { roundId: f.finalRoundId, formId: 'bang_khen_tinh', unitCode: LOC_BINH, title: 'Đề nghị bổ sung' });
    second = await f.service.saveDossier(district.principal, district.actor, second.id, dossierFor([], '2020-06-03'));
    expect(second.children.map((c) => c.proposerName)).toEqual(['Xã Yên Khoái']);
    batch = await f.service.approve(district.principal, district.actor, batch.id);
    expect(batch.stage).toBe('forwarded');
    second = await f.service.detail(district.principal, second.id);
    expect(second.nominees.map((n) => [n.name, n.fromBatchName, n.excepted])).toEqual([['Hộ ông Lăng Văn Đức', 'Xã Yên Khoái', ['stable_escape']]]);
  });
});

describe.skipIf(soffice.path === null)('the dossier documents open in LibreOffice without errors', () => {
  let dir = '';
  let output = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'chung-tay-awards-soffice-'));
    const files: string[] = [];
    for (const [name, file] of Object.entries(documents)) {
      const path = join(dir, `${name}.docx`);
      await writeFile(path, file.buffer);
      files.push(path);
    }
    const profile = pathToFileURL(join(dir, 'profile')).href;
    const result = await run(soffice.path ?? 'soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', join(dir, 'pdf'), ...files], { timeout: 170_000, encoding: 'utf8' });
    output = `${result.stdout}\n${result.stderr}`;
  }, 180_000);
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('reports no load or conversion error', () => {
    expect(Object.keys(documents)).toHaveLength(5);
    expect(output).not.toMatch(/Error:/u);
  });

  it.each(['to-trinh', 'bien-ban', 'bao-cao-thanh-tich', 'bien-ban-hoi-dong', 'quyet-dinh'])('%s.pdf has A4 pages and the names with diacritics', async (name) => {
    const pdf = await readFile(join(dir, 'pdf', `${name}.pdf`));
    expect(pdfPageSizes(pdf).length).toBeGreaterThanOrEqual(1);
    if (pdftotext.path) {
      const text = (await pdfText(pdftotext.path, join(dir, 'pdf', `${name}.pdf`))).normalize('NFC');
      expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
      if (name !== 'bao-cao-thanh-tich') expect(text).toContain('Hoàng Văn Bình');
    }
  });
});
