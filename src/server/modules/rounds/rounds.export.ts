import type { Db } from '../../../db/client.ts';
import type { Clock } from '../../../shared/clock.ts';
import type { Principal } from '../../../domain/access/authorize.ts';
import { TRANSITION_LABELS, type TransitionCode } from '../../../domain/poverty/index.ts';
import { buildXlsx } from '../../../documents/xlsx-export.ts';
import { categoryLabels } from '../../../shared/schemas/households.schema.ts';
import { foldForSearch } from '../../../shared/vi-text.ts';
import { AppError } from '../../errors.ts';
import type { ScopeChecker, UnitsCatalog } from '../units/units.service.ts';
import * as repo from './rounds.repository.ts';
import { roundReferenceDate, villagesUnder } from './rounds.service.ts';

const listTitles = {
  poor: 'Danh sách hộ nghèo',
  near_poor: 'Danh sách hộ cận nghèo',
  escaped: 'Danh sách hộ thoát nghèo',
  new_poor: 'Danh sách hộ nghèo phát sinh',
  relapsed: 'Danh sách hộ tái nghèo',
} as const;
export type ListKind = keyof typeof listTitles;

export function createRoundListExporter(deps: { db: Db; clock: Clock; catalog: UnitsCatalog; scope: ScopeChecker }) {
  return {
    async export(principal: Principal, roundId: string, unitCode: string, list: ListKind) {
      const round = await repo.getRound(deps.db, roundId);
      if (!round) throw new AppError('rounds.not_found', 'Không tìm thấy kỳ rà soát.');
      const date = roundReferenceDate(round.year);
      await deps.scope.requireUnit(principal, 'households.read', unitCode, date);
      const dir = await deps.catalog.directory();
      const unit = dir.versionOn(unitCode, date);
      if (!unit) throw new AppError('units.not_found', `Đơn vị ${unitCode} không tồn tại năm ${round.year}.`);
      const filter = list === 'poor' || list === 'near_poor' ? { category: list } : { transition: list };
      const rows = await repo.listForExport(deps.db, roundId, villagesUnder(dir, unitCode, date), filter);
      const title = `${listTitles[list]} năm ${round.year} — ${unit.name}`;
      const buffer = await buildXlsx([
        {
          name: listTitles[list],
          table: {
            title,
            note: round.isDemo ? 'DỮ LIỆU MẪU — không phải số liệu thật' : 'Đơn vị tính: hộ',
            columns: [
              { header: 'TT', kind: 'integer' },
              { header: 'Mã hộ', kind: 'text' },
              { header: 'Họ tên chủ hộ', kind: 'text' },
              { header: 'Thôn, bản', kind: 'text' },
              { header: 'Phân loại', kind: 'text' },
              { header: 'Biến động', kind: 'text' },
              { header: 'Thu nhập bình quân (đồng/người/tháng)', kind: 'money' },
              { header: 'Số chỉ số thiếu hụt', kind: 'integer' },
              { header: 'Căn cứ phân loại', kind: 'text' },
              { header: 'Đính chính', kind: 'text' },
            ],
            rows: rows.map(({ h, a }, i) => [
              i + 1,
              h.code,
              h.headName,
              dir.versionOn(a.villageCode, date)?.name ?? a.villageCode,
              categoryLabels[a.category],
              TRANSITION_LABELS[a.transition as TransitionCode] ?? a.transition,
              a.incomePerCapita,
              a.deprivations.length,
              a.reason,
              a.isAmendment ? `Có: ${a.amendmentReason ?? ''}` : '',
            ]),
            totalRow: ['', 'Tổng cộng', `${rows.length} hộ`, '', '', '', null, null, '', ''],
          },
        },
      ]);
      const name = `${title}.xlsx`;
      return { buffer, name, asciiName: `${foldForSearch(listTitles[list]).replace(/\W+/gu, '-')}-${round.year}-${unitCode}.xlsx` };
    },
  };
}
export type RoundListExporter = ReturnType<typeof createRoundListExporter>;
