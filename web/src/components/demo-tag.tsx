import { Tag } from 'antd';

/** Marks a record from the demo data set, so nobody mistakes it for real figures. */
export function DemoTag({ show = true }: { show?: boolean }) {
  if (!show) return null;
  return (
    <Tag
      color="orange"
      className="demo-tag"
      title="Dữ liệu mẫu để dùng thử, không phải số liệu thật"
      style={{ marginInlineStart: 8, fontWeight: 600 }}
    >
      DỮ LIỆU MẪU
    </Tag>
  );
}
