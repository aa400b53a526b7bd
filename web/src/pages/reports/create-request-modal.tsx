// The board issues a report request: the period (kind and the review round whose figures pre-fill the reports), the
// template, the recipients (every district or commune in force on the date of issue, chosen units, organisations)
// and the deadline, with an earlier one for communes when they report before their district consolidates.
import { useEffect, useMemo, useState } from 'react';
import { Checkbox, Col, DatePicker, Form, Input, Row, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import {
  reportKindLabels,
  reportKinds,
  type ReportKind,
} from '../../../../src/shared/schemas/reports.schema.ts';
import { matchesSearch } from '../../../../src/shared/vi-text.ts';
import {
  reportsApi,
  type OrganisationDto,
  type RequestDto,
  type RoundDto,
  type TemplateDto,
  type TreeNode,
} from '../../api/endpoints.ts';
import { fromIso, todayIso, toIso, viDateFormat } from '../../lib/dates.ts';
import { cachedOrganisations, cachedTree } from '../../lib/reference-cache.ts';
import { cachedRounds } from '../../lib/rounds-cache.ts';
import { ActionModal } from '../registry/action-modal.tsx';

interface Values {
  kind: ReportKind;
  roundYear: number;
  title: string;
  templateId: string;
  issuedOn: Dayjs;
  deadline: Dayjs;
  levels: ('district' | 'commune')[];
  unitCodes: string[];
  organisationIds: string[];
  allOrganisations: boolean;
  communeDeadline?: Dayjs | null;
}

interface Option {
  value: string;
  label: string;
}

const searchable = {
  filterOption: (input: string, option?: Option) => (option ? matchesSearch(option.label, input) : false),
};

export function CreateRequestModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose(): void;
  onCreated(request: RequestDto): void;
}) {
  const [form] = Form.useForm<Values>();
  const [templates, setTemplates] = useState<TemplateDto[]>([]);
  const [rounds, setRounds] = useState<RoundDto[]>([]);
  const [units, setUnits] = useState<TreeNode[]>([]);
  const [organisations, setOrganisations] = useState<OrganisationDto[]>([]);
  const issuedOn = Form.useWatch('issuedOn', form);
  const issuedIso = issuedOn ? toIso(issuedOn) : todayIso();
  const templateId = Form.useWatch('templateId', form);

  useEffect(() => {
    if (!open) return;
    let active = true;
    void reportsApi.templates().then(
      (list) => active && setTemplates(list),
      () => undefined,
    );
    void cachedRounds().then(
      (list) => active && setRounds(list),
      () => undefined,
    );
    void cachedOrganisations().then(
      (list) => active && setOrganisations(list),
      () => undefined,
    );
    return () => {
      active = false;
    };
  }, [open]);

  useEffect(() => {
    if (!open) return;
    let active = true;
    void cachedTree(issuedIso).then(
      (tree) =>
        active &&
        setUnits(tree.nodes.filter((n) => n.inScope && (n.level === 'district' || n.level === 'commune'))),
      () => undefined,
    );
    return () => {
      active = false;
    };
  }, [open, issuedIso]);

  // Defaults once the lists arrive: the first template, the latest round the province has approved.
  useEffect(() => {
    if (!open) return;
    if (templates[0] && !form.getFieldValue('templateId')) form.setFieldValue('templateId', templates[0].id);
    const latest = rounds.find((r) => r.state === 'frozen') ?? rounds[0];
    if (latest && !form.getFieldValue('roundYear')) form.setFieldValue('roundYear', latest.year);
  }, [open, templates, rounds, form]);

  const hasDistricts = units.some((u) => u.level === 'district');
  const unitOptions = useMemo<Option[]>(
    () =>
      units.map((u) => ({
        value: u.code,
        label:
          u.level === 'district'
            ? u.name
            : `${u.name}${u.parentCode && hasDistricts ? ` (${units.find((d) => d.code === u.parentCode)?.name ?? ''})` : ''}`,
      })),
    [units, hasDistricts],
  );
  const organisationOptions = useMemo<Option[]>(
    () =>
      organisations
        .filter((o) => o.validFrom <= issuedIso && (o.validTo === null || o.validTo > issuedIso))
        .map((o) => ({ value: o.id, label: o.name })),
    [organisations, issuedIso],
  );
  const template = templates.find((t) => t.id === templateId);

  return (
    <ActionModal<Values>
      open={open}
      title="Ban hành yêu cầu báo cáo"
      okText="Ban hành"
      successText="Đã ban hành yêu cầu báo cáo và gửi đến các đơn vị."
      form={form}
      width={820}
      onClose={onClose}
      onDone={() => undefined}
      initialValues={{
        kind: 'six_monthly',
        issuedOn: fromIso(todayIso()),
        levels: [],
        unitCodes: [],
        organisationIds: [],
        allOrganisations: false,
      }}
      onSubmit={async (v) => {
        const created = await reportsApi.createRequest({
          kind: v.kind,
          title: v.title,
          templateId: v.templateId,
          roundYear: v.roundYear,
          issuedOn: toIso(v.issuedOn),
          deadline: toIso(v.deadline),
          recipients: {
            levels: v.levels,
            unitCodes: v.unitCodes,
            organisationIds: v.organisationIds,
            allOrganisations: v.allOrganisations,
          },
          levelDeadlines: v.communeDeadline ? { commune: toIso(v.communeDeadline) } : {},
        });
        onCreated(created);
      }}
    >
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item
            name="kind"
            label="Loại báo cáo"
            rules={[{ required: true, message: 'Chọn loại báo cáo' }]}
          >
            <Select<ReportKind>
              options={reportKinds.map((k) => ({ value: k, label: reportKindLabels[k] }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="roundYear"
            label="Số liệu của kỳ rà soát năm"
            rules={[{ required: true, message: 'Chọn kỳ rà soát' }]}
          >
            <Select<number>
              options={rounds.map((r) => ({
                value: r.year,
                label: `Năm ${r.year}${r.state === 'frozen' ? ' (đã khoá sổ)' : ' (đang rà soát)'}`,
              }))}
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        name="title"
        label="Tên báo cáo"
        rules={[{ required: true, whitespace: true, message: 'Nhập tên báo cáo' }]}
      >
        <Input.TextArea
          autoSize={{ minRows: 1, maxRows: 3 }}
          placeholder='Ví dụ: Báo cáo sơ kết 6 tháng đầu năm phong trào thi đua "Chung tay vì người nghèo"'
        />
      </Form.Item>
      <Form.Item
        name="templateId"
        label="Mẫu báo cáo"
        rules={[{ required: true, message: 'Chọn mẫu báo cáo' }]}
        extra={template ? `Gồm: ${template.sections.map((s) => s.title).join('; ')}.` : undefined}
      >
        <Select<string>
          options={templates.map((t) => ({ value: t.id, label: t.name }))}
          notFoundContent="Chưa có mẫu báo cáo nào"
        />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item name="issuedOn" label="Ngày ban hành" rules={[{ required: true, message: 'Chọn ngày' }]}>
            <DatePicker format={viDateFormat} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name="deadline"
            label="Hạn gửi báo cáo"
            rules={[{ required: true, message: 'Chọn hạn gửi' }]}
          >
            <DatePicker format={viDateFormat} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name="communeDeadline"
            label="Hạn riêng của cấp xã (nếu có)"
            tooltip="Cấp xã gửi trước để cấp huyện kịp tổng hợp"
          >
            <DatePicker format={viDateFormat} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Typography.Title level={5}>Đơn vị nhận yêu cầu</Typography.Title>
      <Form.Item name="levels" label="Tất cả đơn vị của cấp">
        <Checkbox.Group
          options={[
            { value: 'district', label: 'Huyện, thành phố', disabled: !hasDistricts },
            { value: 'commune', label: 'Xã, phường, thị trấn' },
          ]}
        />
      </Form.Item>
      {!hasDistricts ? (
        <Typography.Paragraph type="secondary" style={{ marginTop: -16 }}>
          Từ 01/07/2025 không còn cấp huyện: các xã, phường báo cáo thẳng lên tỉnh.
        </Typography.Paragraph>
      ) : null}
      <Form.Item name="unitCodes" label="Hoặc chọn từng đơn vị">
        <Select<string[], Option>
          mode="multiple"
          allowClear
          options={unitOptions}
          placeholder="Gõ tên huyện, xã (có dấu hay không dấu)"
          showSearch={searchable}
        />
      </Form.Item>
      <Row gutter={16} align="middle">
        <Col xs={24} md={16}>
          <Form.Item name="organisationIds" label="Cơ quan, tổ chức">
            <Select<string[], Option>
              mode="multiple"
              allowClear
              options={organisationOptions}
              placeholder="Chọn cơ quan, tổ chức"
              showSearch={searchable}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="allOrganisations" valuePropName="checked" label=" ">
            <Checkbox>Mọi cơ quan, tổ chức</Checkbox>
          </Form.Item>
        </Col>
      </Row>
    </ActionModal>
  );
}
