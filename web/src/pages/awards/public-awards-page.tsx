// Lấy ý kiến nhân dân (no login): the State-level nominations in their comment period — names and places only — and a
// form to send a comment; the board's answers are published under each list.
import { useState } from 'react';
import { Link } from 'react-router';
import { Alert, App, Button, Card, Form, Input, Layout, List, Select, Space, Typography } from 'antd';
import { formatDate } from '../../../../src/shared/vi-format.ts';
import { errorMessage } from '../../api/client.ts';
import { awardsApi, type PublicListDto } from '../../api/endpoints.ts';
import { appName } from '../../branding.ts';
import { useApi } from '../../lib/use-api.ts';
import { paths } from '../../paths.ts';

type Item = PublicListDto[number];

function CommentForm({ item }: { item: Item }) {
  const [form] = Form.useForm<{ authorName: string; contact?: string; nomineeId?: string; content: string }>();
  const { message } = App.useApp();
  const [sent, setSent] = useState(false);
  async function send(v: { authorName: string; contact?: string; nomineeId?: string; content: string }) {
    try {
      await awardsApi.publicComment(item.batchId, v);
      setSent(true);
      form.resetFields();
      void message.success('Đã gửi ý kiến. Xin cảm ơn!');
    } catch (e) {
      void message.error(errorMessage(e));
    }
  }
  return (
    <Form form={form} layout="vertical" onFinish={(v) => void send(v)}>
      {sent && <Alert type="success" showIcon message="Ý kiến của bạn đã được ghi nhận; Ban Thi đua - Khen thưởng sẽ xem xét và trả lời." style={{ marginBottom: 12 }} />}
      <Form.Item name="nomineeId" label="Góp ý về">
        <Select allowClear placeholder="Cả danh sách" options={item.nominees.map((n) => ({ value: n.id, label: n.name }))} />
      </Form.Item>
      <Form.Item name="authorName" label="Họ và tên" rules={[{ required: true, message: 'Nhập họ và tên' }]}>
        <Input aria-label="Họ và tên" />
      </Form.Item>
      <Form.Item name="contact" label="Số điện thoại hoặc địa chỉ (không công khai)">
        <Input />
      </Form.Item>
      <Form.Item name="content" label="Nội dung ý kiến" rules={[{ required: true, message: 'Nhập nội dung' }]}>
        <Input.TextArea rows={4} aria-label="Nội dung ý kiến" />
      </Form.Item>
      <Button type="primary" htmlType="submit">
        Gửi ý kiến
      </Button>
    </Form>
  );
}

export default function PublicAwardsPage() {
  const list = useApi(() => awardsApi.publicList(), []);
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ background: '#a8071a' }}>
        <Typography.Text style={{ color: '#fff', fontSize: 18 }}>{appName} — Lấy ý kiến nhân dân về đề nghị khen thưởng cấp Nhà nước</Typography.Text>
      </Layout.Header>
      <Layout.Content style={{ padding: 24, maxWidth: 1100, margin: '0 auto', width: '100%' }}>
        <Space direction="vertical" size="large" style={{ width: '100%' }}>
          <Typography.Paragraph>
            Theo quy định, danh sách đề nghị tặng Huân chương, Bằng khen của Thủ tướng Chính phủ, danh hiệu Chiến sĩ thi đua toàn quốc được công khai để nhân dân góp ý trước khi Hội đồng Thi đua - Khen thưởng tỉnh họp xét. <Link to={paths.public}>Số liệu giảm nghèo công khai</Link> · <Link to={paths.login}>Đăng nhập</Link>
          </Typography.Paragraph>
          {list.error && <Alert type="error" showIcon message={list.error.message} />}
          {list.data && list.data.length === 0 && <Alert type="info" showIcon message="Hiện không có danh sách nào đang lấy ý kiến nhân dân." />}
          {(list.data ?? []).map((item) => (
            <Card key={item.batchId} title={`${item.formName} — ${item.proposerName}`} extra={`Lấy ý kiến từ ${formatDate(item.commentFrom)} đến hết ${formatDate(item.commentTo)}`}>
              <List
                header={<Typography.Text strong>{item.title}</Typography.Text>}
                dataSource={item.nominees}
                renderItem={(n, i) => (
                  <List.Item>
                    {i + 1}. <Typography.Text strong>{n.name}</Typography.Text> ({n.kindLabel}) — {n.description}
                  </List.Item>
                )}
              />
              {item.answered.length > 0 && (
                <List
                  header={<Typography.Text strong>Ý kiến đã được trả lời</Typography.Text>}
                  dataSource={item.answered}
                  renderItem={(a) => (
                    <List.Item>
                      <div>
                        <div>Ý kiến{a.nomineeName ? ` về ${a.nomineeName}` : ''}: {a.content}</div>
                        <div>Trả lời ({formatDate(a.answeredAt)}): {a.answer}</div>
                      </div>
                    </List.Item>
                  )}
                />
              )}
              <Typography.Title level={5}>Gửi ý kiến</Typography.Title>
              <CommentForm item={item} />
            </Card>
          ))}
        </Space>
      </Layout.Content>
    </Layout>
  );
}
