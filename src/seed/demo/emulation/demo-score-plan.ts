// How the demo participants score and how the board judges them: drawn from a stream per participant and criterion,
// so the demo round is the same on every machine and does not depend on the order of the calls.
import { createRandom, streamSeed } from '../registry/demo-random.ts';

const SEED = 2018;

/** The actor every demo write is recorded under: the mark of demo records in tables without an is_demo column. */
export const DEMO_ACTOR_NAME = 'Dữ liệu mẫu (demo)';

/** Self-assessed points: 60–100% of the maximum, in half points. */
export function demoSelfPoints(participantKey: string, code: string, maxPoints: number): number {
  const r = createRandom(streamSeed(SEED, 'self', participantKey, code));
  return Math.min(maxPoints, Math.round(maxPoints * (0.6 + 0.4 * r.next()) * 2) / 2);
}

export type DemoDecision = { decision: 'accept' } | { decision: 'adjust'; points: number; reason: string } | { decision: 'reject'; reason: string };

/** The board accepts most self-assessments, lowers about one in six and rejects about one in twenty-five. */
export function demoVerification(participantKey: string, code: string, selfPoints: number): DemoDecision {
  const r = createRandom(streamSeed(SEED, 'verify', participantKey, code));
  const draw = r.next();
  if (draw < 0.04) return { decision: 'reject', reason: 'Minh chứng không thể hiện kết quả trong năm đánh giá (mẫu).' };
  if (draw < 0.2) {
    const points = Math.max(0, Math.round(selfPoints * 0.8 * 2) / 2);
    return { decision: 'adjust', points, reason: 'Minh chứng chỉ chứng minh được một phần nội dung tự chấm (mẫu).' };
  }
  return { decision: 'accept' };
}

/** Council points: 55–95% of the maximum, in half points. */
export function demoCouncilPoints(participantKey: string, code: string, maxPoints: number): number {
  const r = createRandom(streamSeed(SEED, 'council', participantKey, code));
  return Math.round(maxPoints * (0.55 + 0.4 * r.next()) * 2) / 2;
}
