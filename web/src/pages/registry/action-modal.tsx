import { useState, type ReactNode } from 'react';
import { Alert, App, Form, Modal, type FormInstance } from 'antd';
import { errorMessage } from '../../api/client.ts';

/**
 * A modal form for one action on a record: it shows the server's Vietnamese refusal inside the dialog, and closes
 * (reporting success) only once the server has accepted.
 */
export function ActionModal<Values extends object>({
  open,
  title,
  okText,
  form,
  onSubmit,
  onClose,
  onDone,
  successText,
  children,
  width,
  initialValues,
}: {
  open: boolean;
  title: string;
  okText: string;
  form: FormInstance<Values>;
  onSubmit(values: Values): Promise<unknown>;
  onClose(): void;
  onDone(): void;
  successText: string;
  children: ReactNode;
  width?: number;
  initialValues?: Partial<Values>;
}) {
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { message } = App.useApp();

  const submit = async (values: Values) => {
    setSaving(true);
    setError(null);
    try {
      await onSubmit(values);
      void message.success(successText);
      form.resetFields();
      onDone();
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      title={title}
      open={open}
      okText={okText}
      cancelText="Huỷ"
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={() => {
        setError(null);
        form.resetFields();
        onClose();
      }}
      width={width}
      destroyOnHidden
      forceRender
    >
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark="optional"
        initialValues={initialValues}
        onFinish={(values) => void submit(values)}
      >
        {children}
        {error ? <Alert type="error" showIcon title={error} /> : null}
      </Form>
    </Modal>
  );
}
