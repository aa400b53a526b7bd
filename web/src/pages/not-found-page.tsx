import { Button, Result } from 'antd';
import { useNavigate } from 'react-router';
import { paths } from '../paths.ts';

export function NotFoundPage() {
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title="Không tìm thấy trang"
      subTitle="Địa chỉ này không có trong Chung Tay. Có thể đường dẫn đã cũ hoặc bị gõ sai."
      extra={
        <Button type="primary" onClick={() => void navigate(paths.home)}>
          Về trang Tổng quan
        </Button>
      }
    />
  );
}
