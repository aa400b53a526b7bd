// The round every emulation screen works on: chosen from the rounds of all campaigns, kept in the address (?dot=…) so
// a link opens the same round, defaulting to the round in progress (or the latest published one).
import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { Select, Space, Tag } from 'antd';
import { emulationApi, type CampaignDto, type EmulationRoundDto } from '../../api/emulation-endpoints.ts';

export interface RoundChoice {
  round: EmulationRoundDto;
  campaign: CampaignDto;
}

let cache: Promise<CampaignDto[]> | null = null;

/** Every campaign with its criteria and rounds; fetched once per page load (refresh() after an edit). */
export function loadCampaigns(refresh = false): Promise<CampaignDto[]> {
  if (refresh || !cache) {
    cache = emulationApi.campaigns().then((list) => Promise.all(list.map((c) => emulationApi.campaign(c.id))));
    cache.catch(() => {
      cache = null;
    });
  }
  return cache;
}

/**
 * The round to show first: for work, the round in its self-assessment window, then in verification, then at the
 * council (older rounds merely awaiting publication are not "in progress"); for results, the newest published round.
 */
export function defaultRound(choices: readonly RoundChoice[], prefer: 'open' | 'published'): RoundChoice | undefined {
  const byNewest = [...choices].sort((a, b) => b.round.year - a.round.year || b.round.selfAssessmentFrom.localeCompare(a.round.selfAssessmentFrom));
  const inStage = (stage: string) => byNewest.find((c) => c.round.stage === stage);
  const open = inStage('self_assessment') ?? inStage('verification') ?? inStage('council');
  const published = byNewest.find((c) => c.round.published);
  return (prefer === 'open' ? (open ?? published) : (published ?? open)) ?? byNewest[0];
}

const stageColors: Record<string, string> = {
  upcoming: 'default',
  self_assessment: 'blue',
  verification: 'orange',
  council: 'purple',
  awaiting_publication: 'gold',
  published: 'green',
};

export function StageTag({ round }: { round: EmulationRoundDto }) {
  return (
    <Tag color={stageColors[round.stage] ?? 'default'} className="round-stage">
      {round.stageLabel}
    </Tag>
  );
}

export function useRoundChoice(prefer: 'open' | 'published' = 'open'): {
  choices: RoundChoice[];
  chosen: RoundChoice | undefined;
  choose(roundId: string): void;
  /** Reads the campaigns again (after a recompute, a publication or a date change). */
  refresh(): Promise<void>;
  loading: boolean;
  error: string | null;
} {
  const [campaigns, setCampaigns] = useState<CampaignDto[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [params, setParams] = useSearchParams();
  useEffect(() => {
    let active = true;
    loadCampaigns().then(
      (list) => active && setCampaigns(list),
      (failure: unknown) => active && setError(failure instanceof Error ? failure.message : 'Không tải được các phong trào thi đua.'),
    );
    return () => {
      active = false;
    };
  }, []);
  const choices = useMemo(() => (campaigns ?? []).flatMap((campaign) => campaign.rounds.map((round) => ({ round, campaign }))), [campaigns]);
  const wanted = params.get('dot');
  const chosen = choices.find((c) => c.round.id === wanted) ?? defaultRound(choices, prefer);
  return {
    choices,
    chosen,
    choose: (roundId) =>
      setParams((p) => {
        p.set('dot', roundId);
        return p;
      }),
    refresh: () => loadCampaigns(true).then(setCampaigns),
    loading: campaigns === null && error === null,
    error,
  };
}

export function RoundSelect({ choices, chosen, choose, loading }: Pick<ReturnType<typeof useRoundChoice>, 'choices' | 'chosen' | 'choose' | 'loading'>) {
  return (
    <Space wrap>
      <span>Đợt thi đua</span>
      <Select<string>
        aria-label="Đợt thi đua"
        className="round-select"
        style={{ minWidth: 420 }}
        loading={loading}
        value={chosen?.round.id}
        onChange={choose}
        showSearch={{ optionFilterProp: 'label' }}
        options={choices.map((c) => ({ value: c.round.id, label: `${c.round.name} — ${c.campaign.shortName ?? c.campaign.name}` }))}
      />
      {chosen ? <StageTag round={chosen.round} /> : null}
    </Space>
  );
}
