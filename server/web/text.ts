// Head office page text, zh-CN and en with the same keys (the `satisfies` refuses a missing one).
const en = {
  title: 'Tillcard head office', tokenLabel: 'Admin token', tokenHint: 'Printed once when head office first started (or TILLCARD_HO_ADMIN_TOKEN). Kept for this browser tab only.',
  signIn: 'Open', signOut: 'Forget token', refresh: 'Refresh', updated: 'Updated {{time}}', language: '中文',
  unauthorized: 'Head office refused this admin token.', unreachable: 'Head office cannot be reached: {{message}}', unexpected: 'Unexpected answer: {{message}}',
  terminals: 'Terminals', shop: 'Shop', terminal: 'Terminal', status: 'Status', lastSeen: 'Last seen', received: 'Records received',
  derived: 'Applied (derived)', derivationLag: 'Not yet applied',
  waiting: 'Waiting (as last reported)', oldestWaiting: 'Oldest waiting', lag: 'Sync lag', quarantined: 'Quarantined', lastClose: 'Last close',
  never: 'never', matches: 'matches', differs: 'differs', none: 'None.', noTerminals: 'No terminal is enrolled yet.',
  closes: 'Per-day reconciliation', day: 'Day', sales: 'Sales', amount: 'Amount', earned: 'Points earned', spent: 'Points spent', result: 'Result',
  reportedBy: 'terminal', computedAt: 'head office',
  flags: 'Flagged balances', member: 'Member', balanceAtFlag: 'Balance when flagged', flaggedAt: 'Flagged', flagsHint: 'Two shops spent the same points offline. The balance is the ledger sum; later earnings net it out.',
  quarantine: 'Quarantined records', record: 'Record', reason: 'Reason', detail: 'Detail', receivedAt: 'Received',
  active: 'active', revoked: 'revoked',
};
const zhCN: typeof en = {
  title: 'Tillcard 总部', tokenLabel: '管理员令牌', tokenHint: '总部首次启动时打印一次（或 TILLCARD_HO_ADMIN_TOKEN）。只保存在本浏览器标签页。',
  signIn: '打开', signOut: '清除令牌', refresh: '刷新', updated: '更新于 {{time}}', language: 'English',
  unauthorized: '总部拒绝了此管理员令牌。', unreachable: '无法连接总部：{{message}}', unexpected: '意外的应答：{{message}}',
  terminals: '终端', shop: '门店', terminal: '终端', status: '状态', lastSeen: '最近联系', received: '已接收记录',
  derived: '已入账（已派生）', derivationLag: '待入账',
  waiting: '待上传（最近报告）', oldestWaiting: '最早待上传', lag: '同步延迟', quarantined: '隔离记录', lastClose: '最近日结',
  never: '从未', matches: '一致', differs: '不一致', none: '无。', noTerminals: '尚无已接入的终端。',
  closes: '每日对账', day: '营业日', sales: '销售笔数', amount: '金额', earned: '获得积分', spent: '使用积分', result: '结果',
  reportedBy: '终端', computedAt: '总部',
  flags: '异常余额', member: '会员', balanceAtFlag: '标记时余额', flaggedAt: '标记时间', flagsHint: '两家门店离线时使用了同一笔积分。余额以积分流水合计为准，之后获得的积分会抵扣。',
  quarantine: '隔离的记录', record: '记录', reason: '原因', detail: '详情', receivedAt: '接收时间',
  active: '正常', revoked: '已吊销',
} satisfies Record<keyof typeof en, string>;

export type Lang = 'zh-CN' | 'en';
export type TextKey = keyof typeof en;
const texts: Record<Lang, Record<TextKey, string>> = { en, 'zh-CN': zhCN };

export function text(lang: Lang, key: TextKey, params: Record<string, string | number> = {}): string {
  return texts[lang][key].replace(/\{\{(\w+)\}\}/g, (_m, name: string) => String(params[name] ?? ''));
}
