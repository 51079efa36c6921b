import { i18next } from './i18n';

// Records head office refused, as the status bar and the head-office dialog say it: both
// languages in one place (the `satisfies` refuses a key missing from zh-CN), as "syncRefusal.*".
const en = {
  statusBar_one: '{{count}} record refused by head office — see Head office',
  statusBar_other: '{{count}} records refused by head office — see Head office',
  title: 'Refused by head office',
  intro:
    'These records are kept on this till but head office did not accept them. Tell head office IT the record numbers.',
  record: 'Record {{seq}}, {{time}}',
  more: '…and {{count}} earlier.',
  unstorable_text:
    'Text head office cannot store in “{{field}}” (a control or broken character). This till now refuses such text.',
  invalid_payload: 'Head office could not read it: this till may be out of date. Update it, then tell head office IT.',
  apply_failed:
    'Head office could not apply it (for example, its member is unknown there). Head office IT can correct it.',
  payload_conflict:
    'Head office already holds a different record under this number. Head office IT must compare the two.',
  other: 'Head office did not accept it.',
  detail: 'Head office’s words (for IT)',
  line: 'line {{n}} {{field}}',
  itemName: 'item name',
};
const zhCN: typeof en = {
  statusBar_one: '{{count}} 条记录被总部拒收 — 请查看“总部”',
  statusBar_other: '{{count}} 条记录被总部拒收 — 请查看“总部”',
  title: '被总部拒收的记录',
  intro: '这些记录保存在本机，但总部没有接收。请把记录编号告知总部 IT。',
  record: '记录 {{seq}}，{{time}}',
  more: '……另有 {{count}} 条更早的记录。',
  unstorable_text: '“{{field}}”中含有总部无法保存的字符（控制字符或残缺字符）。本机现已拒收此类文字。',
  invalid_payload: '总部无法读取此记录，本机版本可能过旧。请更新本机后告知总部 IT。',
  apply_failed: '总部无法入账此记录（例如总部没有该会员）。总部 IT 可以处理。',
  payload_conflict: '总部在同一编号下已有一条不同的记录，需要总部 IT 核对。',
  other: '总部没有接收此记录。',
  detail: '总部原文（供 IT 查看）',
  line: '第 {{n}} 行{{field}}',
  itemName: '商品名称',
} satisfies Record<keyof typeof en, string>;

export const syncRefusalText = { en, 'zh-CN': zhCN };

for (const [lng, text] of Object.entries(syncRefusalText)) {
  i18next.addResourceBundle(lng, 'translation', { syncRefusal: text }, true, false);
}
