import { useEffect, useMemo, useState } from 'react';
import { Alert, Spin } from 'antd';
import { formatNumber, formatPercent } from '../../../../src/shared/vi-format.ts';
import { errorMessage } from '../../api/client.ts';
import { publicApi, type GeoFeatureCollection } from '../../api/endpoints.ts';
import type { MapLayer } from '../../lib/stats-format.ts';
import { EChart } from './echart.tsx';
import { echarts, type EChartsCoreOption } from './echarts-setup.ts';

export interface MapValue {
  code: string;
  name: string;
  /** Null: no figure (no households, or withheld). */
  value: number | null;
  /** Shown under the value in the tooltip (households, predecessors…). */
  detail?: string;
}

const registered = new Map<MapLayer, Promise<GeoFeatureCollection>>();

/** Each boundary layer is fetched and registered with ECharts once per page load. */
function registerLayer(layer: MapLayer): Promise<GeoFeatureCollection> {
  let found = registered.get(layer);
  if (!found) {
    found = publicApi.geo(layer).then((geo) => {
      echarts.registerMap(layer, geo as never);
      return geo;
    });
    found.catch(() => registered.delete(layer));
    registered.set(layer, found);
  }
  return found;
}

/** A choropleth of the units of a layer: darker red is a higher value; areas without a figure stay grey. */
export function RateMap({
  layer,
  values,
  measure,
  percent,
  onAreaClick,
  height = 520,
}: {
  layer: MapLayer;
  values: MapValue[];
  measure: string;
  percent: boolean;
  onAreaClick?: (code: string) => void;
  height?: number;
}) {
  const [ready, setReady] = useState<MapLayer | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let active = true;
    setError(null);
    registerLayer(layer).then(
      () => active && setReady(layer),
      (failure: unknown) => active && setError(errorMessage(failure)),
    );
    return () => {
      active = false;
    };
  }, [layer]);

  const option = useMemo<EChartsCoreOption>(() => {
    const numbers = values.map((v) => v.value).filter((v): v is number => v !== null);
    const max = numbers.length > 0 ? Math.max(...numbers) : 1;
    const format = (v: number) => (percent ? formatPercent(v) : formatNumber(v));
    const byCode = new Map(values.map((v) => [v.code, v]));
    return {
      tooltip: {
        trigger: 'item',
        formatter: (p: { name: string }) => {
          const v = byCode.get(p.name);
          if (!v) return p.name;
          const figure = v.value === null ? 'không có số liệu' : format(v.value);
          return `<strong>${v.name}</strong><br/>${measure}: ${figure}${v.detail ? `<br/>${v.detail}` : ''}`;
        },
      },
      visualMap: {
        min: 0,
        max: max > 0 ? max : 1,
        left: 8,
        bottom: 8,
        calculable: true,
        text: [format(max), format(0)],
        formatter: (v: number) => format(Math.round(v * 100) / 100),
        inRange: { color: ['#fff7e6', '#ffc069', '#fa541c', '#a8071a'] },
        outOfRange: { color: '#d9d9d9' },
      },
      series: [
        {
          type: 'map',
          map: layer,
          nameProperty: 'code',
          roam: true,
          name: measure,
          emphasis: { label: { show: false }, itemStyle: { areaColor: '#69b1ff' } },
          itemStyle: { borderColor: '#595959', borderWidth: 0.6, areaColor: '#d9d9d9' },
          data: values.map((v) => ({ name: v.code, value: v.value ?? '-' })),
        },
      ],
    };
  }, [layer, values, measure, percent]);

  if (error) return <Alert type="error" showIcon title={error} />;
  if (ready !== layer) return <Spin description="Đang tải bản đồ…" style={{ display: 'block', padding: 64 }} />;
  return (
    <div className="rate-map" data-layer={layer} data-areas={values.filter((v) => v.value !== null).length}>
      <EChart
        option={option}
        height={height}
        label={`Bản đồ ${measure} theo đơn vị`}
        onClick={(item) => (onAreaClick && item.name ? onAreaClick(item.name) : undefined)}
      />
    </div>
  );
}
