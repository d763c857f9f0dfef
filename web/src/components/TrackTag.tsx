import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Track } from './unitTree';

/** 党 / 行 badge of a unit's track. */
export function TrackTag({ track }: { track: Track }) {
  const { t } = useTranslation();
  return (
    <Tag color={track === 'party' ? 'red' : 'blue'} style={{ marginInlineEnd: 0, paddingInline: 4, lineHeight: '16px' }} bordered={false}>
      {t(track === 'party' ? 'unit.track.partyShort' : 'unit.track.adminShort')}
    </Tag>
  );
}
