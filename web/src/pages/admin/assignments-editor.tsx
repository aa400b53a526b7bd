import { useEffect } from 'react';
import { Button, Col, Form, Radio, Row, Select } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { provinceRoles, roleLabels, roles, type Role } from '../../../../src/domain/access/roles.ts';
import type { AssignmentInput } from '../../api/endpoints.ts';
import { OrganisationSelect } from '../../components/organisation-select.tsx';
import { UnitSelect } from '../../components/unit-select.tsx';

/** One row of the editor: a role and where it applies (a unit with its descendants, or an organisation). */
export interface AssignmentRow {
  role: Role;
  scopeType: 'unit' | 'organisation';
  unitCode?: string;
  organisationId?: string;
}

const roleOptions = roles.map((r) => ({ value: r, label: roleLabels[r] }));

export function toAssignmentRows(
  assignments: readonly { role: Role; unitCode: string | null; organisationId: string | null }[],
): AssignmentRow[] {
  return assignments.map((a) => ({
    role: a.role,
    scopeType: a.organisationId ? 'organisation' : 'unit',
    unitCode: a.unitCode ?? undefined,
    organisationId: a.organisationId ?? undefined,
  }));
}

export function toAssignmentInputs(rows: readonly AssignmentRow[]): AssignmentInput[] {
  return rows.map((r) =>
    r.scopeType === 'organisation'
      ? { role: r.role, unitCode: null, organisationId: r.organisationId ?? null }
      : { role: r.role, unitCode: r.unitCode ?? null, organisationId: null },
  );
}

/** A Form.List named "assignments" of AssignmentRow; the province code is suggested for province-wide roles. */
export function AssignmentsEditor({ provinceCode }: { provinceCode: string }) {
  const form = Form.useFormInstance();
  // The province code arrives with the unit list; fill it into province-wide rows that are still empty.
  useEffect(() => {
    if (!provinceCode) return;
    const rows = (form.getFieldValue('assignments') ?? []) as AssignmentRow[];
    rows.forEach((row, i) => {
      if (
        row.scopeType === 'unit' &&
        !row.unitCode &&
        (provinceRoles.includes(row.role) || row.role === 'viewer')
      ) {
        form.setFieldValue(['assignments', i, 'unitCode'], provinceCode);
      }
    });
  }, [provinceCode, form]);
  return (
    <Form.List
      name="assignments"
      rules={[
        {
          validator: async (_, rows: AssignmentRow[] | undefined) => {
            if (!rows || rows.length === 0) throw new Error('Người dùng cần ít nhất một vai trò');
          },
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <>
          {fields.map((field) => (
            <div
              key={field.key}
              style={{
                border: '1px solid #e5e9f0',
                borderRadius: 6,
                padding: '12px 12px 0',
                marginBottom: 12,
              }}
            >
              <Row gutter={12} align="top">
                <Col xs={24} md={11}>
                  <Form.Item
                    name={[field.name, 'role']}
                    label="Vai trò"
                    rules={[{ required: true, message: 'Chọn vai trò' }]}
                  >
                    <Select
                      options={roleOptions}
                      onChange={(role: Role) => {
                        if (provinceRoles.includes(role)) {
                          form.setFieldValue(['assignments', field.name, 'scopeType'], 'unit');
                          form.setFieldValue(
                            ['assignments', field.name, 'unitCode'],
                            provinceCode || undefined,
                          );
                        } else if (role === 'org_focal_point') {
                          form.setFieldValue(['assignments', field.name, 'scopeType'], 'organisation');
                        }
                      }}
                    />
                  </Form.Item>
                </Col>
                <Col xs={18} md={10}>
                  <Form.Item name={[field.name, 'scopeType']} label="Phạm vi là" initialValue="unit">
                    <Radio.Group
                      options={[
                        { value: 'unit', label: 'Đơn vị hành chính' },
                        { value: 'organisation', label: 'Cơ quan, tổ chức' },
                      ]}
                    />
                  </Form.Item>
                </Col>
                <Col xs={6} md={3} style={{ textAlign: 'right', paddingTop: 30 }}>
                  <Button
                    danger
                    type="text"
                    icon={<DeleteOutlined />}
                    onClick={() => remove(field.name)}
                    aria-label="Bỏ vai trò này"
                  >
                    Bỏ
                  </Button>
                </Col>
              </Row>
              <Form.Item noStyle dependencies={[['assignments', field.name, 'scopeType']]}>
                {({ getFieldValue }) =>
                  getFieldValue(['assignments', field.name, 'scopeType']) === 'organisation' ? (
                    <Form.Item
                      name={[field.name, 'organisationId']}
                      label="Cơ quan, tổ chức"
                      rules={[{ required: true, message: 'Chọn cơ quan, tổ chức' }]}
                    >
                      <OrganisationSelect />
                    </Form.Item>
                  ) : (
                    <Form.Item
                      name={[field.name, 'unitCode']}
                      label="Đơn vị hành chính (gồm cả các đơn vị trực thuộc)"
                      rules={[{ required: true, message: 'Chọn đơn vị hành chính' }]}
                    >
                      <UnitSelect includeVillages />
                    </Form.Item>
                  )
                }
              </Form.Item>
            </div>
          ))}
          <Button
            icon={<PlusOutlined />}
            onClick={() => add({ role: 'viewer', scopeType: 'unit', unitCode: provinceCode || undefined })}
          >
            Thêm vai trò
          </Button>
          <Form.ErrorList errors={errors} />
        </>
      )}
    </Form.List>
  );
}
