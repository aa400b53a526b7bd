// The public disclosure of the Fund for the Poor (no login): per level and campaign period, the totals (opening +
// received − spent = closing), the donors who agreed to be named, the anonymous total and the spending by purpose.
// Nobody who received support is named: the API never sends a beneficiary on this page.
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Alert, Button, Card, Col, Layout, Row, Select, Skeleton, Space, Statistic, Table, Tag, Typography } from 'antd';
import { LoginOutlined } from '@ant-design/icons';
import { formatMoney, formatNumber } from '../../../../src/shared/vi-format.ts';
import { publicFundApi, type PublicPeriodDto } from '../../api/emulation-endpoints.ts';
import { appName, tagline } from '../../branding.ts';
import { useApi } from '../../lib/use-api.ts';
import { paths } from '../../paths.ts';
import { reconciles } from '../emulation/emulation-helpers.ts';

export default function PublicFundPage() {
  const [params, setParams] = useSearchParams();
  const levels = useApi(() => publicFundApi.levels(), []);
  const unitCode = params.get('cap') ?? levels.data?.[0]?.unitCode;
  const [periods, setPeriods] = useState<PublicPeriodDto[]>([]);
  useEffect(() => {
    if (!unitCode) return;
    let active = true;
    void publicFundApi.periods(unitCode).then(
      (list) => active && setPeriods(list),
      () => active && setPeriods([]),
    );
    return () => {
      active = false;
    };
  }, [unitCode]);
  const periodId = params.get('ky') ?? periods.at(-1)?.id;
  const page = useApi(() => (unitCode && periodId && periods.some((p) => p.id === periodId) ? publicFundApi.disclosure(unitCode, periodId) : Promise.resolve(null)), [unitCode, periodId, periods]);
  const set = (key: string, value: string) =>
    setParams((p) => {
      p.set(key, value);
      if (key === 'cap') p.delete('ky');
      return p;
    });
  const d = page.data;

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 16 }}>
        <div style={{ display: 'flex', flexDirection: 'column', lineHeight: 1.25, flex: 1, minWidth: 0 }}>
          <Typography.Text style={{ color: '#fff', fontSize: 22, fontWeight: 700 }}>{appName} – Công khai Quỹ &quot;Vì người nghèo&quot;</Typography.Text>
          <Typography.Text style={{ color: '#d6e6f7', fontSize: 13 }} ellipsis>
            {tagline}
          </Typography.Text>
        </div>
        <Link to={paths.public}>
          <Button>Tỷ lệ hộ nghèo</Button>
        </Link>
        <Link to={paths.login}>
          <Button icon={<LoginOutlined />}>Đăng nhập</Button>
        </Link>
      </Layout.Header>
      <Layout.Content style={{ padding: 24, maxWidth: 1200, width: '100%', margin: '0 auto' }}>
        <Space wrap style={{ marginBottom: 16 }}>
          <span>Quỹ cấp</span>
          <Select<string>
            aria-label="Quỹ cấp"
            style={{ minWidth: 300 }}
            loading={levels.loading}
            value={unitCode}
            onChange={(v) => set('cap', v)}
            options={(levels.data ?? []).map((l) => ({ value: l.unitCode, label: l.name }))}
          />
          <span>Kỳ vận động</span>
          <Select<string> aria-label="Kỳ vận động" style={{ minWidth: 260 }} value={periodId} onChange={(v) => set('ky', v)} options={periods.map((p) => ({ value: p.id, label: p.name }))} />
        </Space>
        {levels.error ? <Alert type="error" showIcon title={levels.error.message} /> : null}
        {page.error ? <Alert type="error" showIcon title={page.error.message} /> : null}
        {levels.data && levels.data.length === 0 ? <Alert type="info" showIcon title="Chưa có quỹ cấp nào mở kỳ vận động." /> : null}
        {!d ? (
          page.loading || levels.loading ? <Skeleton active paragraph={{ rows: 8 }} /> : null
        ) : (
          <Space orientation="vertical" size={16} style={{ width: '100%' }} className="public-fund">
            <Typography.Title level={2} style={{ margin: 0 }}>
              Quỹ &quot;Vì người nghèo&quot; {d.fundUnitName} — {d.periodName}
            </Typography.Title>
            <Card>
              <Row gutter={[16, 16]}>
                <Col xs={12} md={6}>
                  <Statistic title="Số dư đầu kỳ" value={formatMoney(d.opening)} className="pf-opening" />
                </Col>
                <Col xs={12} md={6}>
                  <Statistic title="Tổng thu" value={formatMoney(d.received)} className="pf-received" />
                </Col>
                <Col xs={12} md={6}>
                  <Statistic title="Tổng chi" value={formatMoney(d.spent)} className="pf-spent" />
                </Col>
                <Col xs={12} md={6}>
                  <Statistic title="Số dư cuối kỳ" value={formatMoney(d.closing)} className="pf-closing" />
                </Col>
              </Row>
              <Typography.Paragraph style={{ marginTop: 12 }} className="pf-check">
                {formatMoney(d.opening)} + {formatMoney(d.received)} − {formatMoney(d.spent)} = {formatMoney(d.closing)}{' '}
                {reconciles(d) ? <Tag color="green">Khớp</Tag> : <Tag color="red">Lệch</Tag>}
              </Typography.Paragraph>
              <Typography.Text type="secondary">
                Trong đó thu vào Quỹ {formatMoney(d.receivedIntoFund)}; hỗ trợ trực tiếp đến hộ do nhà hảo tâm báo lại {formatMoney(d.directGifts)}.
              </Typography.Text>
            </Card>
            <Row gutter={16}>
              <Col xs={24} md={14}>
                <Card title="Nhà hảo tâm đồng ý công khai">
                  <Table
                    rowKey="name"
                    size="small"
                    className="pf-donors"
                    dataSource={d.namedDonors}
                    pagination={{ pageSize: 20, hideOnSinglePage: true }}
                    columns={[
                      { title: 'Nhà hảo tâm', dataIndex: 'name' },
                      { title: 'Số lần', dataIndex: 'contributions', width: 90, align: 'right', render: (v: number) => formatNumber(v) },
                      { title: 'Giá trị', dataIndex: 'total', width: 170, align: 'right', render: (v: number) => formatMoney(v) },
                    ]}
                  />
                  <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
                    {formatNumber(d.anonymous.contributions)} lượt đóng góp không công khai tên, tổng {formatMoney(d.anonymous.total)}.
                  </Typography.Paragraph>
                </Card>
              </Col>
              <Col xs={24} md={10}>
                <Card title="Chi theo mục đích">
                  <Table
                    rowKey="purpose"
                    size="small"
                    className="pf-spending"
                    pagination={false}
                    dataSource={d.spendingByPurpose}
                    columns={[
                      { title: 'Mục đích', dataIndex: 'label' },
                      { title: 'Giá trị', dataIndex: 'total', width: 170, align: 'right', render: (v: number) => formatMoney(v) },
                    ]}
                  />
                </Card>
              </Col>
            </Row>
            <Alert type="info" showIcon title={d.note} className="pf-note" />
          </Space>
        )}
      </Layout.Content>
    </Layout>
  );
}
