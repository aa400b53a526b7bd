import type { ThemeConfig } from 'antd';

// Readable on the older office screens and projectors the province uses: larger base font, clear contrast.
export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#0b5cad',
    fontSize: 15,
    borderRadius: 6,
    fontFamily: "'Segoe UI', Roboto, 'Noto Sans', 'Helvetica Neue', Arial, sans-serif",
  },
  components: {
    Layout: { headerBg: '#0b3d6e', siderBg: '#ffffff', headerHeight: 64, headerPadding: '0 20px' },
  },
};
