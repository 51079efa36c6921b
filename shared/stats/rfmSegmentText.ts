import type { Locale } from '../contract/primitives';
import type { RfmSegment } from './rfm';

/** What a person reads for each RFM segment (head office's page, a campaign's target): both languages, same keys. */
export const rfmSegmentLabels = {
  'zh-CN': {
    champions: '重要价值会员',
    loyal: '忠诚会员',
    potential: '潜力会员',
    new: '新会员',
    needsAttention: '需关注会员',
    atRisk: '流失风险会员',
    hibernating: '沉睡会员',
    lost: '已流失会员',
  },
  en: {
    champions: 'Champions',
    loyal: 'Loyal',
    potential: 'Potential loyalists',
    new: 'New customers',
    needsAttention: 'Need attention',
    atRisk: 'At risk',
    hibernating: 'Hibernating',
    lost: 'Lost',
  },
} as const satisfies Record<Locale, Record<RfmSegment, string>>;

export const rfmSegmentLabel = (locale: Locale, segment: RfmSegment): string => rfmSegmentLabels[locale][segment];
