import { useEffect, useRef, useState } from 'react';
import { Button, ConfigProvider, Space, Spin, Typography, theme as antdTheme } from 'antd';
import { CloseOutlined, FullscreenExitOutlined, FullscreenOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { useCockpit, useCockpitFilters } from './hooks';
import { KpiRow } from './components/KpiRow';
import { CockpitCharts } from './components/CockpitCharts';

const DEFAULT_REFRESH = 60;

/**
 * 大屏: the cockpit for the meeting-room display — dark, large type, covering
 * the whole window (true full screen on request) and refreshing itself every
 * `?refresh=` seconds (60 by default).
 */
export default function CockpitScreenPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const [filters] = useCockpitFilters();
  const seconds = Math.max(10, Number(params.get('refresh')) || DEFAULT_REFRESH);
  const { data, dataUpdatedAt } = useCockpit(filters, seconds);
  const root = useRef<HTMLDivElement>(null);
  const [full, setFull] = useState(false);

  useEffect(() => {
    const onChange = () => setFull(document.fullscreenElement === root.current);
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, []);
  const toggle = () => (document.fullscreenElement ? void document.exitFullscreen() : void root.current?.requestFullscreen?.());
  const back = `/insight/cockpit?${new URLSearchParams(Object.entries(filters).filter(([, v]) => v) as [string, string][])}`;
  const period = data?.period.from && data.period.to ? `${data.period.from} ~ ${data.period.to}` : '';

  return (
    <ConfigProvider theme={{ algorithm: antdTheme.darkAlgorithm, token: { colorBgContainer: '#0f2146', colorBorderSecondary: '#1f3b6e', fontSize: 16 } }}>
      <div ref={root} className="st-screen" data-testid="cockpit-screen-page"
        style={{ position: 'fixed', inset: 0, zIndex: 1000, overflow: 'auto', padding: 20, background: 'radial-gradient(circle at top, #132c5c 0%, #07122b 70%)', color: '#e6f0ff' }}>
        <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }} align="center">
          <Space direction="vertical" size={0}>
            <Typography.Title level={2} style={{ margin: 0, color: '#ffd666', letterSpacing: 4 }}>{t('cockpit.screenTitle')}</Typography.Title>
            <Typography.Text style={{ color: '#9fb3d1', fontSize: 16 }}>{[data?.campaign?.title, period].filter(Boolean).join('  ·  ')}</Typography.Text>
          </Space>
          <Space>
            <Typography.Text style={{ color: '#9fb3d1' }} data-testid="screen-updated">
              {dataUpdatedAt ? t('cockpit.updatedAt', { time: dayjs(dataUpdatedAt).format('HH:mm:ss'), seconds }) : ''}
            </Typography.Text>
            <Button icon={full ? <FullscreenExitOutlined /> : <FullscreenOutlined />} onClick={toggle} data-testid="screen-fullscreen">{t('cockpit.fullscreen')}</Button>
            <Link to={back}><Button icon={<CloseOutlined />}>{t('cockpit.exitScreen')}</Button></Link>
          </Space>
        </Space>
        {!data ? <Spin size="large" style={{ display: 'block', margin: 96 }} /> : (
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <KpiRow data={data} filters={filters} dark />
            <CockpitCharts data={data} filters={filters} dark />
          </Space>
        )}
      </div>
    </ConfigProvider>
  );
}
