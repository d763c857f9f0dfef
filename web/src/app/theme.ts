import type { ThemeConfig } from 'antd';

/** Institutional dark red. */
export const brand = {
  primary: '#c62828',
  dark: '#b71c1c',
  deep: '#8e0000',
  gold: '#f6d365',
  /** the logo glyph */
  mark: '三',
};

export const theme: ThemeConfig = {
  token: {
    colorPrimary: brand.primary,
    colorLink: brand.primary,
    borderRadius: 4,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Helvetica Neue', Arial, sans-serif",
  },
  components: {
    Layout: { headerBg: brand.dark, headerHeight: 56, headerPadding: '0 20px', siderBg: '#ffffff', bodyBg: '#f3f4f6' },
    Menu: { itemSelectedBg: '#fdecea', itemSelectedColor: brand.dark, itemActiveBg: '#fdecea' },
    Table: { headerBg: '#faf5f5', cellPaddingBlockSM: 6 },
  },
};
