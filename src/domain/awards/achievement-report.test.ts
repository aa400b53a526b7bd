import { describe, expect, it } from 'vitest';
import { draftAchievementReport, type AchievementFacts } from './achievement-report.ts';

const base: AchievementFacts = { kind: 'collective', name: 'Xã Yên Khoái', place: 'Huyện Lộc Bình', campaignName: 'phong trào thi đua "Lạng Sơn chung tay vì người nghèo"', roundName: 'Tổng kết 2020' };

describe('the first draft of an achievement report, from the data', () => {
  it.each<[string, Partial<AchievementFacts>, RegExp[]]>([
    ['a commune: rates year by year, score and rank, resources', { rates: [{ year: 2016, rate: 40 }, { year: 2019, rate: 24.27 }], score: { total: 92.5, rank: 2, groupName: 'Cụm thi đua số 3' }, resourcesMobilised: 1_250_000_000 }, [/giảm từ 40,00% \(năm 2016\) xuống 24,27% \(năm 2019\), giảm 15,73 điểm phần trăm/u, /92,50 điểm, xếp thứ 2 trong Cụm thi đua số 3/u, /1\.250\.000\.000 đ/u]],
    ['a household: the escape held, and its story', { kind: 'household', name: 'Hộ ông Hoàng Văn Bình', stableEscapeYears: 4, exemplarStory: 'Hộ nuôi trâu sinh sản, giúp 2 hộ khác.' }, [/^Hộ gia đình Hộ ông Hoàng Văn Bình/u, /thoát nghèo ổn định 4 năm/u, /giúp 2 hộ khác\.$/u]],
    ['one year of rates is no trend; nothing mobilised is not mentioned', { rates: [{ year: 2019, rate: 20 }], resourcesMobilised: 0 }, [/^Xã Yên Khoái \(Huyện Lộc Bình\) đã tích cực hưởng ứng/u]],
  ])('%s', (_name, patch, patterns) => {
    const text = draftAchievementReport({ ...base, ...patch });
    for (const p of patterns) expect(text).toMatch(p);
    if (!patch.resourcesMobilised) expect(text).not.toContain('Quỹ');
  });
});
