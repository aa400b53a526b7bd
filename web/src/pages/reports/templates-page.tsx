// The report templates: the official ones shipped with the software (with their legal basis and version), those the
// board made, whether requests were issued with each; one template's sections; and, for the board, a new template
// made by copying one and editing its name, sections and table columns.
import { useState } from 'react';
import { Link } from 'react-router';
import { Alert, App, Button, Card, Descriptions, Drawer, List, Space, Table, Tag, Typography } from 'antd';
import { CopyOutlined, EyeOutlined } from '@ant-design/icons';
import { figureLabels } from '../../../../src/domain/reports/report-figures.ts';
import { reportKindLabels } from '../../../../src/shared/schemas/reports.schema.ts';
import { formatDateTime, formatNumber } from '../../../../src/shared/vi-format.ts';
import { reportsApi, type TemplateDto } from '../../api/endpoints.ts';
import { useApi } from '../../lib/use-api.ts';
import { paths } from '../../paths.ts';
import { useSignedIn } from '../../session/session-context.tsx';
import { columnKindLabels, sectionKindLabels, TemplateEditorModal } from './template-editor-modal.tsx';

function SectionItem({ section, index }: { section: TemplateDto['sections'][number]; index: number }) {
  return (
    <List.Item className="template-section-view">
      <Space orientation="vertical" size={2} style={{ width: '100%' }}>
        <Space wrap>
          <Typography.Text strong>
            {index + 1}. {section.title}
          </Typography.Text>
          <Tag>{sectionKindLabels[section.kind]}</Tag>
          {section.kind === 'narrative' && section.required ? <Tag color="red">bắt buộc</Tag> : null}
        </Space>
        {section.kind === 'figures' ? (
          <Typography.Text type="secondary">
            Chỉ tiêu: {section.fields.map((f) => figureLabels[f]).join('; ')}
          </Typography.Text>
        ) : null}
        {section.kind === 'table' ? (
          <Typography.Text type="secondary">
            Cột:{' '}
            {section.columns.map((c) => `${c.header} (${columnKindLabels[c.kind].toLowerCase()})`).join('; ')}
            {section.note ? `. ${section.note}` : ''}
          </Typography.Text>
        ) : null}
        {section.kind === 'narrative' && section.guidance ? (
          <Typography.Text type="secondary">Gợi ý: {section.guidance}</Typography.Text>
        ) : null}
      </Space>
    </List.Item>
  );
}

function TemplateView({ template }: { template: TemplateDto }) {
  return (
    <div className="template-view">
      <Descriptions
        column={1}
        size="small"
        bordered
        items={[
          { key: 'origin', label: 'Loại mẫu', children: template.originLabel },
          { key: 'version', label: 'Phiên bản', children: template.version ?? '—' },
          ...(template.legalBasis ? [{ key: 'basis', label: 'Căn cứ', children: template.legalBasis }] : []),
          ...(template.description ? [{ key: 'desc', label: 'Mô tả', children: template.description }] : []),
          { key: 'created', label: 'Tạo lúc', children: formatDateTime(template.createdAt) },
          {
            key: 'use',
            label: 'Sử dụng',
            children:
              template.requestCount > 0
                ? `${formatNumber(template.requestCount)} yêu cầu báo cáo`
                : 'Chưa dùng',
          },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        Các phần của báo cáo
      </Typography.Title>
      <List
        className="template-sections-view"
        size="small"
        dataSource={template.sections}
        renderItem={(s, i) => <SectionItem section={s} index={i} />}
      />
    </div>
  );
}

export default function TemplatesPage() {
  const me = useSignedIn();
  const { message } = App.useApp();
  const templates = useApi(() => reportsApi.templates(), []);
  const [viewing, setViewing] = useState<TemplateDto | null>(null);
  const [copying, setCopying] = useState<TemplateDto | null>(null);
  const canManage = me.can('reports.manage');

  return (
    <div>
      <Space align="center" style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }} wrap>
        <Typography.Title level={2} style={{ margin: 0 }}>
          Mẫu báo cáo
        </Typography.Title>
        <Link to={paths.reports}>Về báo cáo định kỳ và đột xuất</Link>
      </Space>
      <Typography.Paragraph type="secondary">
        Mẫu chính thức đi kèm phần mềm, có căn cứ pháp lý và phiên bản; không sửa trực tiếp. Để dùng mẫu khác,
        Ban Thi đua - Khen thưởng sao chép một mẫu rồi sửa tên, các phần và các cột của bảng.
      </Typography.Paragraph>
      {templates.error ? (
        <Alert type="error" showIcon title={templates.error.message} style={{ marginBottom: 16 }} />
      ) : null}
      <Card>
        <Table<TemplateDto>
          className="report-templates"
          rowKey="id"
          size="small"
          loading={templates.loading}
          dataSource={templates.data ?? []}
          pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
          locale={{ emptyText: 'Chưa có mẫu báo cáo nào.' }}
          columns={[
            {
              title: 'Tên mẫu',
              key: 'name',
              render: (_, t) => (
                <Space orientation="vertical" size={2}>
                  <Typography.Text strong>{t.name}</Typography.Text>
                  <Typography.Text type="secondary">{t.sections.length} phần</Typography.Text>
                </Space>
              ),
            },
            {
              title: 'Loại',
              key: 'kind',
              width: 220,
              render: (_, t) => (
                <Space orientation="vertical" size={2}>
                  <Tag color={t.origin === 'reference' ? 'blue' : t.origin === 'demo' ? 'default' : 'purple'}>
                    {t.originLabel.split(' (')[0]}
                  </Tag>
                  {t.reportKind ? (
                    <Typography.Text type="secondary">{reportKindLabels[t.reportKind]}</Typography.Text>
                  ) : null}
                </Space>
              ),
            },
            {
              title: 'Phiên bản',
              key: 'version',
              width: 90,
              align: 'center',
              render: (_, t) => t.version ?? '—',
            },
            {
              title: 'Sử dụng',
              key: 'use',
              width: 150,
              render: (_, t) =>
                t.requestCount > 0 ? (
                  <Tag color="green" className="template-in-use">
                    Đang dùng ({formatNumber(t.requestCount)} yêu cầu)
                  </Tag>
                ) : (
                  <Tag className="template-in-use">Chưa dùng</Tag>
                ),
            },
            {
              title: 'Thao tác',
              key: 'actions',
              width: canManage ? 200 : 90,
              render: (_, t) => (
                <Space wrap>
                  <Button size="small" icon={<EyeOutlined />} onClick={() => setViewing(t)}>
                    Xem
                  </Button>
                  {canManage ? (
                    <Button size="small" icon={<CopyOutlined />} onClick={() => setCopying(t)}>
                      Sao chép
                    </Button>
                  ) : null}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <Drawer
        title={viewing?.name}
        open={viewing !== null}
        onClose={() => setViewing(null)}
        size="large"
        extra={
          canManage && viewing ? (
            <Button
              icon={<CopyOutlined />}
              onClick={() => {
                setCopying(viewing);
                setViewing(null);
              }}
            >
              Sao chép
            </Button>
          ) : null
        }
      >
        {viewing ? <TemplateView template={viewing} /> : null}
      </Drawer>
      {canManage ? (
        <TemplateEditorModal
          source={copying}
          onClose={() => setCopying(null)}
          onSaved={(created) => {
            setCopying(null);
            templates.reload();
            void message.info(
              `Mẫu "${created.name}" đã có trong danh sách mẫu khi ban hành yêu cầu báo cáo.`,
            );
          }}
        />
      ) : null}
    </div>
  );
}
