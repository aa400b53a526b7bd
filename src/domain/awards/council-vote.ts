// The council's vote on each nominee (DOMAIN.md §9): the share of the council's members who agree, compared with the
// form's threshold (≥ 80% for a Bằng khen, ≥ 90% for Chiến sĩ thi đua toàn quốc and Huân chương; configurable). The
// denominator is the council's whole membership, as the award rules count it, so an absent member counts against.
// The meeting is valid only with at least two thirds of the members present.

export interface NomineeVote {
  readonly agree: number;
  readonly disagree: number;
  readonly abstain: number;
}

export interface CouncilAttendance {
  readonly membersTotal: number;
  readonly membersPresent: number;
}

export interface VoteVerdict {
  /** Share of all members who agreed, percent with two decimals. */
  readonly ratePercent: number;
  readonly passed: boolean;
  readonly reason: string;
}

/** Quorum: two thirds of the members (Quy chế hoạt động của Hội đồng Thi đua - Khen thưởng). */
export function quorumOf(membersTotal: number): number {
  return Math.ceil((membersTotal * 2) / 3);
}

/** Problems with the attendance, in Vietnamese; empty when the meeting may vote. */
export function attendanceProblems(a: CouncilAttendance): string[] {
  const out: string[] = [];
  if (!Number.isInteger(a.membersTotal) || a.membersTotal < 1) out.push('Tổng số thành viên Hội đồng phải là số nguyên dương.');
  if (!Number.isInteger(a.membersPresent) || a.membersPresent < 0 || a.membersPresent > a.membersTotal) out.push('Số thành viên có mặt phải từ 0 đến tổng số thành viên.');
  else if (a.membersPresent < quorumOf(a.membersTotal)) {
    out.push(`Cuộc họp chỉ có ${a.membersPresent}/${a.membersTotal} thành viên, chưa đủ 2/3 (${quorumOf(a.membersTotal)} thành viên) để biểu quyết.`);
  }
  return out;
}

/** Problems with one nominee's votes; empty when they add up. */
export function voteProblems(a: CouncilAttendance, v: NomineeVote, subject: string): string[] {
  const counts = [v.agree, v.disagree, v.abstain];
  if (counts.some((n) => !Number.isInteger(n) || n < 0)) return [`${subject}: số phiếu phải là số nguyên không âm.`];
  const sum = v.agree + v.disagree + v.abstain;
  if (sum > a.membersPresent) return [`${subject}: tổng số phiếu (${sum}) nhiều hơn số thành viên có mặt (${a.membersPresent}).`];
  return [];
}

export function judgeVote(a: CouncilAttendance, v: NomineeVote, thresholdPercent: number): VoteVerdict {
  const ratePercent = a.membersTotal > 0 ? Math.round((v.agree * 10_000) / a.membersTotal) / 100 : 0;
  // Compared in whole numbers: agree / total ≥ threshold / 100.
  const passed = a.membersTotal > 0 && v.agree * 100 >= thresholdPercent * a.membersTotal;
  const shown = ratePercent.toLocaleString('vi-VN', { maximumFractionDigits: 2 });
  const reason = passed
    ? `${v.agree}/${a.membersTotal} thành viên đồng ý (${shown}%), đạt ngưỡng ${thresholdPercent}%.`
    : `${v.agree}/${a.membersTotal} thành viên đồng ý (${shown}%), chưa đạt ngưỡng ${thresholdPercent}%.`;
  return { ratePercent, passed, reason };
}
