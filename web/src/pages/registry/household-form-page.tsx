import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Alert, App, Button, Card, Checkbox, Col, DatePicker, Form, Input, InputNumber, Row, Select, Space, Switch, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { errorMessage } from '../../api/client.ts';
import { householdsApi, type HouseholdInput } from '../../api/endpoints.ts';
import { toIso, viDateFormat } from '../../lib/dates.ts';
import { householdPath, paths } from '../../paths.ts';
import { areaLabels, deviceLabels, employmentLabels, relationOptions, schoolingLabels } from './registry-labels.ts';
import { UnitTreeSelect } from './unit-tree-select.tsx';
import { RegistryStyles } from './registry-styles.tsx';

interface MemberValues {
  fullName: string;
  birthDate?: Dayjs | null;
  birthYear?: number;
  sex: 'male' | 'female';
  relation: string;
  citizenId?: string;
  ethnicity?: string;
  schooling?: string;
  inSchool?: boolean;
  hasHealthInsurance?: boolean;
  employment?: string;
}

interface Values {
  code: string;
  headName: string;
  villageCode: string;
  area: 'rural' | 'urban';
  ethnicMinority: boolean;
  femaleHead: boolean;
  hasMeritPerson: boolean;
  hasSocialProtection: boolean;
  floorArea?: number;
  wallDurable?: boolean;
  roofDurable?: boolean;
  hygienicWater?: boolean;
  hygienicLatrine?: boolean;
  anyMemberUsesPhone?: boolean;
  anyMemberUsesInternet?: boolean;
  informationDevices?: ('tv' | 'radio' | 'computer' | 'smartphone' | 'tablet')[];
  members: MemberValues[];
}

const required = (text: string) => [{ required: true, message: text }];

function toInput(v: Values): HouseholdInput {
  const dwelling: HouseholdInput['dwelling'] = {};
  for (const key of ['wallDurable', 'roofDurable', 'hygienicWater', 'hygienicLatrine', 'anyMemberUsesPhone', 'anyMemberUsesInternet'] as const) {
    if (v[key] !== undefined) dwelling[key] = v[key];
  }
  if (v.floorArea !== undefined && v.floorArea !== null) dwelling.floorArea = v.floorArea;
  if (v.informationDevices) dwelling.informationDevices = v.informationDevices;
  return {
    code: v.code.trim(),
    headName: v.headName,
    villageCode: v.villageCode,
    area: v.area,
    ethnicMinority: v.ethnicMinority,
    femaleHead: v.femaleHead,
    hasMeritPerson: v.hasMeritPerson,
    hasSocialProtection: v.hasSocialProtection,
    dwelling,
    members: v.members.map((m) => {
      const facts: NonNullable<HouseholdInput['members'][number]['facts']> = {};
      if (m.schooling) facts.schooling = m.schooling as never;
      if (m.inSchool !== undefined) facts.inSchool = m.inSchool;
      if (m.hasHealthInsurance !== undefined) facts.hasHealthInsurance = m.hasHealthInsurance;
      if (m.employment) facts.employment = m.employment as never;
      const birthDate = m.birthDate ? toIso(m.birthDate) : null;
      return {
        fullName: m.fullName,
        birthDate,
        birthYear: birthDate ? Number(birthDate.slice(0, 4)) : (m.birthYear ?? 0),
        sex: m.sex,
        relation: m.relation,
        citizenId: m.citizenId?.trim() || null,
        ethnicity: m.ethnicity?.trim() || null,
        facts,
      };
    }),
  };
}

export default function HouseholdFormPage() {
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const navigate = useNavigate();
  const { message, modal } = App.useApp();

  const submit = async (values: Values) => {
    setSaving(true);
    setError(null);
    try {
      const created = await householdsApi.create(toInput(values));
      void message.success('Đã thêm hộ.');
      if (created.warnings.length > 0) {
        modal.warning({
          title: 'Đã thêm hộ, nhưng có thể trùng',
          content: (
            <ul style={{ paddingInlineStart: 18 }}>
              {created.warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          ),
          okText: 'Xem hồ sơ hộ',
        });
      }
      void navigate(householdPath(created.id));
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setSaving(false);
    }
  };

  return (
    <div>
      <RegistryStyles />
      <Typography.Title level={2} style={{ marginTop: 0 }}>
        Thêm hộ gia đình
      </Typography.Title>
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{
          area: 'rural',
          ethnicMinority: false,
          femaleHead: false,
          hasMeritPerson: false,
          hasSocialProtection: false,
          members: [{ relation: 'Chủ hộ', sex: 'male' }],
        }}
        onFinish={(v) => void submit(v)}
        scrollToFirstError
      >
        <Card title="Thông tin hộ" style={{ marginBottom: 16 }}>
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item name="code" label="Mã hộ" rules={required('Nhập mã hộ')}>
                <Input placeholder="Ví dụ: HN-06529-01-120" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="headName" label="Họ tên chủ hộ" rules={required('Nhập họ tên chủ hộ')}>
                <Input />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="villageCode" label="Thôn, bản, tổ dân phố" rules={required('Chọn thôn, bản')}>
                <UnitTreeSelect levels={['village']} placeholder="Chọn thôn, bản" style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="area" label="Khu vực">
                <Select options={(['rural', 'urban'] as const).map((a) => ({ value: a, label: areaLabels[a] }))} />
              </Form.Item>
            </Col>
            <Col xs={12} md={4}>
              <Form.Item name="ethnicMinority" label="Hộ dân tộc thiểu số" valuePropName="checked">
                <Switch checkedChildren="Có" unCheckedChildren="Không" />
              </Form.Item>
            </Col>
            <Col xs={12} md={4}>
              <Form.Item name="femaleHead" label="Chủ hộ là nữ" valuePropName="checked">
                <Switch checkedChildren="Có" unCheckedChildren="Không" />
              </Form.Item>
            </Col>
            <Col xs={12} md={4}>
              <Form.Item name="hasMeritPerson" label="Có người có công" valuePropName="checked">
                <Switch checkedChildren="Có" unCheckedChildren="Không" />
              </Form.Item>
            </Col>
            <Col xs={12} md={4}>
              <Form.Item name="hasSocialProtection" label="Có đối tượng BTXH" valuePropName="checked">
                <Switch checkedChildren="Có" unCheckedChildren="Không" />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        <Card title="Nhà ở và điều kiện sống" style={{ marginBottom: 16 }}>
          <Row gutter={16}>
            <Col xs={24} md={6}>
              <Form.Item name="floorArea" label="Diện tích nhà ở (m²)">
                <InputNumber min={0} max={10000} style={{ width: '100%' }} decimalSeparator="," />
              </Form.Item>
            </Col>
            {(
              [
                ['wallDurable', 'Tường bền chắc'],
                ['roofDurable', 'Mái bền chắc'],
                ['hygienicWater', 'Nước sinh hoạt hợp vệ sinh'],
                ['hygienicLatrine', 'Nhà tiêu hợp vệ sinh'],
                ['anyMemberUsesPhone', 'Có người dùng điện thoại'],
                ['anyMemberUsesInternet', 'Có người dùng Internet'],
              ] as const
            ).map(([name, label]) => (
              <Col xs={12} md={6} key={name}>
                <Form.Item name={name} label={label} valuePropName="checked">
                  <Switch checkedChildren="Có" unCheckedChildren="Không" />
                </Form.Item>
              </Col>
            ))}
            <Col xs={24}>
              <Form.Item name="informationDevices" label="Thiết bị tiếp cận thông tin">
                <Checkbox.Group options={Object.entries(deviceLabels).map(([value, label]) => ({ value, label }))} />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        <Card title="Thành viên của hộ" style={{ marginBottom: 16 }}>
          <Form.List name="members">
            {(fields, { add, remove }) => (
              <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
                {fields.map((field, index) => (
                  <Card
                    key={field.key}
                    size="small"
                    type="inner"
                    title={`Thành viên ${index + 1}`}
                    extra={
                      fields.length > 1 ? (
                        <Button type="text" danger icon={<MinusCircleOutlined />} onClick={() => remove(field.name)}>
                          Bỏ thành viên
                        </Button>
                      ) : null
                    }
                  >
                    <Row gutter={12}>
                      <Col xs={24} md={8}>
                        <Form.Item name={[field.name, 'fullName']} label="Họ và tên" rules={required('Nhập họ tên')}>
                          <Input />
                        </Form.Item>
                      </Col>
                      <Col xs={12} md={4}>
                        <Form.Item name={[field.name, 'relation']} label="Quan hệ với chủ hộ" rules={required('Chọn quan hệ')}>
                          <Select options={relationOptions.map((r) => ({ value: r, label: r }))} />
                        </Form.Item>
                      </Col>
                      <Col xs={12} md={4}>
                        <Form.Item name={[field.name, 'sex']} label="Giới tính" rules={required('Chọn giới tính')}>
                          <Select options={[{ value: 'male', label: 'Nam' }, { value: 'female', label: 'Nữ' }]} />
                        </Form.Item>
                      </Col>
                      <Col xs={12} md={4}>
                        <Form.Item name={[field.name, 'birthDate']} label="Ngày sinh">
                          <DatePicker format={viDateFormat} style={{ width: '100%' }} />
                        </Form.Item>
                      </Col>
                      <Col xs={12} md={4}>
                        <Form.Item
                          name={[field.name, 'birthYear']}
                          label="Năm sinh (nếu không rõ ngày)"
                          dependencies={[['members', field.name, 'birthDate']]}
                          rules={[
                            ({ getFieldValue }) => ({
                              validator: (_, value) =>
                                value || getFieldValue(['members', field.name, 'birthDate'])
                                  ? Promise.resolve()
                                  : Promise.reject(new Error('Nhập ngày sinh hoặc năm sinh')),
                            }),
                          ]}
                        >
                          <InputNumber min={1900} max={2100} style={{ width: '100%' }} />
                        </Form.Item>
                      </Col>
                      <Col xs={24} md={6}>
                        <Form.Item
                          name={[field.name, 'citizenId']}
                          label="Số CCCD (12 chữ số)"
                          rules={[{ pattern: /^\d{12}$/u, message: 'Số CCCD phải có đúng 12 chữ số' }]}
                        >
                          <Input inputMode="numeric" maxLength={12} />
                        </Form.Item>
                      </Col>
                      <Col xs={12} md={4}>
                        <Form.Item name={[field.name, 'ethnicity']} label="Dân tộc">
                          <Input placeholder="Tày, Nùng, Kinh…" />
                        </Form.Item>
                      </Col>
                      <Col xs={12} md={6}>
                        <Form.Item name={[field.name, 'schooling']} label="Trình độ học vấn">
                          <Select allowClear options={Object.entries(schoolingLabels).map(([value, label]) => ({ value, label }))} />
                        </Form.Item>
                      </Col>
                      <Col xs={12} md={8}>
                        <Form.Item name={[field.name, 'employment']} label="Việc làm">
                          <Select allowClear options={Object.entries(employmentLabels).map(([value, label]) => ({ value, label }))} />
                        </Form.Item>
                      </Col>
                      <Col xs={12} md={4}>
                        <Form.Item name={[field.name, 'hasHealthInsurance']} label="Có BHYT" valuePropName="checked">
                          <Switch checkedChildren="Có" unCheckedChildren="Không" />
                        </Form.Item>
                      </Col>
                      <Col xs={12} md={4}>
                        <Form.Item name={[field.name, 'inSchool']} label="Đang đi học" valuePropName="checked">
                          <Switch checkedChildren="Có" unCheckedChildren="Không" />
                        </Form.Item>
                      </Col>
                    </Row>
                  </Card>
                ))}
                <Button icon={<PlusOutlined />} onClick={() => add({ relation: 'Con', sex: 'male' })}>
                  Thêm thành viên
                </Button>
              </Space>
            )}
          </Form.List>
        </Card>
        {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
        <Space>
          <Button type="primary" htmlType="submit" loading={saving}>
            Lưu hộ
          </Button>
          <Link to={paths.households}>
            <Button>Huỷ</Button>
          </Link>
        </Space>
      </Form>
    </div>
  );
}
