// One approval engine for everything that goes up the hierarchy (DOMAIN.md §8): a unit's report now, an award
// nomination batch later (DOMAIN.md §9). The subject is whatever the caller says it is; the engine only knows the
// state, who acts (the subject's own level or the level above), which subjects below are still unapproved, and the
// words to name them in a refusal.
//
//   draft ──submit──▶ submitted ──approve──▶ approved
//     ▲                 │    ▲                  │
//     │              return  submit             revoke (with reason)
//     │                 ▼    │                  ▼
//     │               returned              submitted, or draft (back to the unit)
//     └───────────────────────────────────────┘
//
// "A unit's report can only be approved after its children's" (DOMAIN.md §8): approve is refused while a subject
// below is unapproved, and revoke is refused while the subject above is approved, so that "approved" never rests
// on something no longer approved.

export const approvalStates = ['draft', 'submitted', 'returned', 'approved'] as const;
export type ApprovalState = (typeof approvalStates)[number];

export const approvalStateLabels: Readonly<Record<ApprovalState, string>> = {
  draft: 'Đang soạn',
  submitted: 'Chờ phê duyệt',
  returned: 'Bị trả lại để chỉnh sửa',
  approved: 'Đã phê duyệt',
};

export type ApprovalAction =
  | { readonly type: 'submit' }
  | { readonly type: 'return'; readonly comment: string }
  | { readonly type: 'approve' }
  /** reopenTo 'submitted': the level above reconsiders it; 'draft': the unit corrects it and submits again. */
  | { readonly type: 'revoke'; readonly reason: string; readonly reopenTo: 'submitted' | 'draft' };

export type ApprovalActionType = ApprovalAction['type'];

export const approvalActionLabels: Readonly<Record<ApprovalActionType, string>> = {
  submit: 'Gửi',
  return: 'Trả lại',
  approve: 'Phê duyệt',
  revoke: 'Thu hồi phê duyệt',
};

/** Who acts, relative to the subject: its own level (the unit that prepares it) or the level above (who reviews it). */
export type ActorLevel = 'own' | 'above';

/** Which level may take each action. */
export const actionActor: Readonly<Record<ApprovalActionType, ActorLevel>> = {
  submit: 'own',
  return: 'above',
  approve: 'above',
  revoke: 'above',
};

export interface ApprovalChild {
  /** Identifies the child for bulk approval; not shown. */
  readonly id?: string;
  /** How the child is named in a refusal, e.g. "Xã Tú Đoạn". */
  readonly label: string;
}

export interface ApprovalContext {
  readonly actorLevel: ActorLevel;
  /** The subject as a refusal names it, e.g. "báo cáo của Huyện Lộc Bình". */
  readonly subjectLabel: string;
  /** Subjects one level below that are not approved yet; approval waits for them. */
  readonly pendingChildren: readonly ApprovalChild[];
  /** The noun for the children in a refusal ("xã", "huyện", "hồ sơ"); "đơn vị cấp dưới" when not given. */
  readonly childNoun?: string;
  /** Reasons the subject cannot be submitted yet (e.g. required sections left empty). */
  readonly submitBlockers?: readonly string[];
  /** The subject above, when it is already approved: the approval of this one cannot be revoked under it. */
  readonly approvedParentLabel?: string | null;
}

/** The history line an accepted action leaves. */
export interface ApprovalEvent {
  readonly action: ApprovalActionType;
  readonly from: ApprovalState;
  readonly to: ApprovalState;
  /** The return comment or the revocation reason, trimmed. */
  readonly note: string | null;
}

export type ApprovalResult =
  | { readonly ok: true; readonly state: ApprovalState; readonly event: ApprovalEvent }
  | { readonly ok: false; readonly message: string };

/** The comment of a return and the reason of a revocation must say something a unit can act on. */
export const MIN_NOTE_LENGTH = 5;

const verbs: Readonly<Record<ApprovalActionType, string>> = {
  submit: 'gửi',
  return: 'trả lại',
  approve: 'phê duyệt',
  revoke: 'thu hồi phê duyệt',
};

/** Who may act on what in each state: the subject is editable only while it is with its own unit. */
const fromStates: Readonly<Record<ApprovalActionType, readonly ApprovalState[]>> = {
  submit: ['draft', 'returned'],
  return: ['submitted'],
  approve: ['submitted'],
  revoke: ['approved'],
};

export function canEdit(state: ApprovalState): boolean {
  return state === 'draft' || state === 'returned';
}

function refuse(message: string): ApprovalResult {
  return { ok: false, message };
}

function listNames(children: readonly ApprovalChild[]): string {
  return children.map((c) => c.label).join(', ');
}

/** One step of the workflow. Pure: the caller stores the new state and the event, and audits them. */
export function applyApprovalAction(state: ApprovalState, action: ApprovalAction, ctx: ApprovalContext): ApprovalResult {
  const verb = verbs[action.type];
  if (ctx.actorLevel !== actionActor[action.type]) {
    return refuse(
      actionActor[action.type] === 'own'
        ? `Chỉ đơn vị được yêu cầu mới ${verb} được ${ctx.subjectLabel}.`
        : `Đơn vị không tự ${verb} ${ctx.subjectLabel} của mình: việc này do cấp trên thực hiện.`,
    );
  }
  const allowed = fromStates[action.type];
  if (!allowed.includes(state)) {
    return refuse(
      `Không thể ${verb} ${ctx.subjectLabel} khi đang ở trạng thái "${approvalStateLabels[state]}" (cần: ${allowed
        .map((s) => `"${approvalStateLabels[s]}"`)
        .join(' hoặc ')}).`,
    );
  }
  const accept = (to: ApprovalState, note: string | null = null): ApprovalResult => ({
    ok: true,
    state: to,
    event: { action: action.type, from: state, to, note },
  });
  switch (action.type) {
    case 'submit': {
      const blockers = ctx.submitBlockers ?? [];
      if (blockers.length > 0) return refuse(`Chưa thể gửi ${ctx.subjectLabel}: ${blockers.join('; ')}.`);
      return accept('submitted');
    }
    case 'return': {
      const comment = action.comment.trim();
      if (comment.length < MIN_NOTE_LENGTH) {
        return refuse(`Trả lại ${ctx.subjectLabel} phải kèm ý kiến nêu rõ nội dung cần chỉnh sửa.`);
      }
      return accept('returned', comment);
    }
    case 'approve': {
      const pending = ctx.pendingChildren;
      if (pending.length > 0) {
        const noun = ctx.childNoun ?? 'đơn vị cấp dưới';
        return refuse(
          `Chưa thể phê duyệt ${ctx.subjectLabel}: còn ${pending.length} ${noun} chưa được phê duyệt: ${listNames(pending)}.`,
        );
      }
      return accept('approved');
    }
    case 'revoke': {
      const reason = action.reason.trim();
      if (reason.length < MIN_NOTE_LENGTH) return refuse(`Thu hồi phê duyệt ${ctx.subjectLabel} phải ghi rõ lý do.`);
      if (ctx.approvedParentLabel) {
        return refuse(
          `Chưa thể thu hồi phê duyệt ${ctx.subjectLabel}: ${ctx.approvedParentLabel} đã được phê duyệt; cần thu hồi phê duyệt ở cấp trên trước.`,
        );
      }
      return accept(action.reopenTo, reason);
    }
  }
}
