import { i18next } from './i18n';

// The head-office connection screen's text, both languages in one place (same keys in each:
// the `satisfies` below refuses a key missing from zh-CN). Added as its own branch
// ("headOffice.*") so the screen does not edit the till's shared resource files.
const en = {
  open: 'Head office',
  title: 'Head office connection',
  connectedTo: 'Connected to {{url}}',
  notConnected: 'This till is not connected to head office. Records are kept here.',
  url: 'Head office address',
  urlHint: 'For example {{example}} — head office IT gives it with the code.',
  code: 'Enrolment code',
  codeHint: 'One-time code from head office, e.g. {{example}}.',
  connect: 'Connect',
  connecting: 'Connecting…',
  connected: 'Connected. Waiting records are being sent.',
  syncNow: 'Sync now',
  syncing: 'Syncing…',
  synced: 'Synced: {{pushed}} sent, {{pulled}} received.',
  lastClose: 'Last close {{time}}',
  neverClosed: 'Day not closed yet',
  lastError: 'Last problem: {{message}}',
  waiting: 'Waiting to send',
  close: 'Close',
};
const zhCN: typeof en = {
  open: '总部',
  title: '总部连接',
  connectedTo: '已连接 {{url}}',
  notConnected: '本机尚未连接总部，记录保存在本机。',
  url: '总部地址',
  urlHint: '例如 {{example}}，由总部技术人员与接入码一起提供。',
  code: '接入码',
  codeHint: '总部提供的一次性接入码，如 {{example}}。',
  connect: '连接',
  connecting: '正在连接…',
  connected: '已连接，待上传的记录正在发送。',
  syncNow: '立即同步',
  syncing: '正在同步…',
  synced: '同步完成：上传 {{pushed}} 条，接收 {{pulled}} 条。',
  lastClose: '上次日结 {{time}}',
  neverClosed: '尚未日结',
  lastError: '上次问题：{{message}}',
  waiting: '待上传',
  close: '关闭',
} satisfies Record<keyof typeof en, string>;

export const headOfficeText = { en, 'zh-CN': zhCN };

for (const [lng, text] of Object.entries(headOfficeText)) {
  i18next.addResourceBundle(lng, 'translation', { headOffice: text }, true, false);
}
