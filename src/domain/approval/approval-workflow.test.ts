import { describe, expect, it } from 'vitest';
import { applyApprovalAction, canEdit, type ApprovalAction, type ApprovalContext, type ApprovalState } from './approval-workflow.ts';

const unit: ApprovalContext = { actorLevel: 'own', subjectLabel: 'báo cáo của Huyện Lộc Bình', pendingChildren: [] };
const above: ApprovalContext = { ...unit, actorLevel: 'above' };
const threeCommunes: ApprovalContext = {
  ...above,
  childNoun: 'xã',
  pendingChildren: [{ label: 'Xã Tú Đoạn' }, { label: 'Xã Khuất Xá' }, { label: 'Thị trấn Na Dương' }],
};
const blocked: ApprovalContext = { ...unit, submitBlockers: ['chưa viết phần "Kết quả thực hiện"'] };
const underApprovedParent: ApprovalContext = { ...above, approvedParentLabel: 'báo cáo của Tỉnh Lạng Sơn' };

const submit: ApprovalAction = { type: 'submit' };
const approve: ApprovalAction = { type: 'approve' };
const returnIt = (comment: string): ApprovalAction => ({ type: 'return', comment });
const revoke = (reason: string, reopenTo: 'submitted' | 'draft' = 'submitted'): ApprovalAction => ({ type: 'revoke', reason, reopenTo });

// state, action, context → new state, or the refusal it must give
const cases: [string, ApprovalState, ApprovalAction, ApprovalContext, ApprovalState | RegExp][] = [
  ['the unit submits its draft', 'draft', submit, unit, 'submitted'],
  ['the unit resubmits after a return', 'returned', submit, unit, 'submitted'],
  ['a submitted report cannot be submitted twice', 'submitted', submit, unit, /trạng thái "Chờ phê duyệt"/u],
  ['an approved report cannot be submitted', 'approved', submit, unit, /trạng thái "Đã phê duyệt"/u],
  ['the level above does not submit for the unit', 'draft', submit, above, /Chỉ đơn vị được yêu cầu mới gửi/u],
  ['a required section left empty blocks submission', 'draft', submit, blocked, /^Chưa thể gửi báo cáo của Huyện Lộc Bình: chưa viết phần "Kết quả thực hiện"\.$/u],
  ['the level above returns with a comment', 'submitted', returnIt('Bổ sung số hộ tái nghèo'), above, 'returned'],
  ['a return needs a comment', 'submitted', returnIt('   '), above, /phải kèm ý kiến/u],
  ['a four-letter comment is not enough (5 is the minimum)', 'submitted', returnIt('sửa '), above, /phải kèm ý kiến/u],
  ['a five-letter comment is enough', 'submitted', returnIt('Sửa !'), above, 'returned'],
  ['a draft cannot be returned', 'draft', returnIt('Bổ sung'), above, /Không thể trả lại .* "Đang soạn"/u],
  ['the unit cannot return its own report', 'submitted', returnIt('Bổ sung'), unit, /không tự trả lại/u],
  ['the level above approves when no child is pending', 'submitted', approve, above, 'approved'],
  [
    'approval waits for the children, naming them',
    'submitted',
    approve,
    threeCommunes,
    /^Chưa thể phê duyệt báo cáo của Huyện Lộc Bình: còn 3 xã chưa được phê duyệt: Xã Tú Đoạn, Xã Khuất Xá, Thị trấn Na Dương\.$/u,
  ],
  ['one pending child is enough to refuse', 'submitted', approve, { ...above, pendingChildren: [{ label: 'Xã Tú Đoạn' }] }, /còn 1 đơn vị cấp dưới chưa được phê duyệt: Xã Tú Đoạn/u],
  ['the unit cannot approve itself', 'submitted', approve, unit, /không tự phê duyệt/u],
  ['a draft cannot be approved', 'draft', approve, above, /Không thể phê duyệt .* "Đang soạn"/u],
  ['a returned report cannot be approved before resubmission', 'returned', approve, above, /"Bị trả lại để chỉnh sửa"/u],
  ['approving twice is refused', 'approved', approve, above, /"Đã phê duyệt"/u],
  ['revocation reopens for the level above', 'approved', revoke('Phát hiện sai số liệu hộ nghèo'), above, 'submitted'],
  ['revocation can send the report back to the unit', 'approved', revoke('Phát hiện sai số liệu', 'draft'), above, 'draft'],
  ['revocation needs a reason', 'approved', revoke(' '), above, /phải ghi rõ lý do/u],
  ['a report not approved cannot be revoked', 'submitted', revoke('Sai số liệu'), above, /Không thể thu hồi phê duyệt/u],
  ['the unit cannot revoke', 'approved', revoke('Sai số liệu'), unit, /không tự thu hồi phê duyệt/u],
  [
    'revocation under an approved parent is refused',
    'approved',
    revoke('Sai số liệu'),
    underApprovedParent,
    /báo cáo của Tỉnh Lạng Sơn đã được phê duyệt; cần thu hồi phê duyệt ở cấp trên trước/u,
  ],
];

describe('the approval workflow, step by step', () => {
  it.each(cases)('%s', (_case, state, action, context, expected) => {
    const result = applyApprovalAction(state, action, context);
    if (typeof expected === 'string') {
      expect(result).toMatchObject({ ok: true, state: expected });
    } else {
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.message).toMatch(expected);
    }
  });

  it('records the comment of a return and the reason of a revocation, trimmed', () => {
    expect(applyApprovalAction('submitted', returnIt('  Bổ sung biểu 02  '), above)).toEqual({
      ok: true,
      state: 'returned',
      event: { action: 'return', from: 'submitted', to: 'returned', note: 'Bổ sung biểu 02' },
    });
    expect(applyApprovalAction('approved', revoke('Sai số hộ', 'draft'), above)).toMatchObject({
      event: { action: 'revoke', from: 'approved', to: 'draft', note: 'Sai số hộ' },
    });
  });

  it('takes a full round trip: submit, return, resubmit, approve, revoke, approve again', () => {
    const steps: [ApprovalAction, ApprovalContext][] = [
      [submit, unit],
      [returnIt('Bổ sung phần khó khăn'), above],
      [submit, unit],
      [approve, above],
      [revoke('Số liệu thay đổi sau phúc tra'), above],
      [approve, above],
    ];
    let state: ApprovalState = 'draft';
    const trail: ApprovalState[] = [];
    for (const [action, context] of steps) {
      const result = applyApprovalAction(state, action, context);
      if (!result.ok) throw new Error(result.message);
      state = result.state;
      trail.push(state);
    }
    expect(trail).toEqual(['submitted', 'returned', 'submitted', 'approved', 'submitted', 'approved']);
  });
});

describe('editing', () => {
  it.each([
    ['draft', true],
    ['returned', true],
    ['submitted', false],
    ['approved', false],
  ] as const)('a %s subject is editable by its unit: %s', (state, editable) => {
    expect(canEdit(state)).toBe(editable);
  });
});
