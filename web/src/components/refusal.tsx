import { Button, Result } from 'antd';
import { useNavigate } from 'react-router';
import type { ApiError } from '../api/client.ts';
import { paths } from '../paths.ts';

interface Back {
  to: string;
  label: string;
}

const home: Back = { to: paths.home, label: 'Về trang Tổng quan' };

/** Shown when the server refuses (403): the title says what happened, the text is the server's own reason. */
export function ForbiddenPage({ message, back = home }: { message?: string; back?: Back }) {
  const navigate = useNavigate();
  return (
    <Result
      status="403"
      title="Không có quyền truy cập"
      subTitle={
        message ??
        'Tài khoản của bạn không được phân quyền xem trang này. Nếu cần, hãy liên hệ quản trị hệ thống.'
      }
      extra={
        <Button type="primary" onClick={() => void navigate(back.to)}>
          {back.label}
        </Button>
      }
    />
  );
}

/** Any failed load of a page: refusal for 403, "not found" for 404, the server's message otherwise. */
export function LoadFailure({
  error,
  notFoundTitle,
  back = home,
  onRetry,
  invalidIsNotFound = false,
}: {
  error: ApiError;
  notFoundTitle: string;
  back?: Back;
  onRetry?: () => void;
  /** An address with a malformed key (400) names nothing that exists: show it as "not found". */
  invalidIsNotFound?: boolean;
}) {
  const navigate = useNavigate();
  if (error.status === 403) return <ForbiddenPage message={error.message} back={back} />;
  const notFound = error.status === 404 || (invalidIsNotFound && error.status === 400);
  return (
    <Result
      status={notFound ? '404' : 'error'}
      title={notFound ? notFoundTitle : 'Không tải được dữ liệu'}
      subTitle={error.message}
      extra={[
        onRetry && !notFound ? (
          <Button key="retry" onClick={onRetry}>
            Thử lại
          </Button>
        ) : null,
        <Button key="back" type="primary" onClick={() => void navigate(back.to)}>
          {back.label}
        </Button>,
      ]}
    />
  );
}
