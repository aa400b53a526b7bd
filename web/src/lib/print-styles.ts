// Print-friendly pages: on paper the menu, header, buttons and pagers are noise; only the page's content is printed.
export const printCss = `
@media print {
  .ant-layout-sider,
  .ant-layout-header,
  .no-print,
  .ant-btn,
  .ant-pagination,
  .ant-select,
  .ant-segmented,
  .ant-switch {
    display: none !important;
  }
  .ant-layout-content {
    padding: 0 !important;
  }
  .ant-card {
    break-inside: avoid;
  }
  body {
    background: #fff !important;
  }
}
`;
