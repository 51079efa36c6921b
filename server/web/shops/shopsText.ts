import { RecordTypeSchema } from '../../../shared/sync/protocol';
import type { Lang } from '../text';

// The shops and terminals area's text, zh-CN and en with the same keys (the `satisfies` refuses a missing one).
const en = {
  shopsTitle: 'Shops and terminals',
  shopsHint: 'Per shop: its terminals, what head office could not apply from them, and their day closes.',
  noShops: 'No terminal is enrolled yet: make an enrolment code below and type it at the new till.',
  shopHeading: '{{name}} ({{id}})',
  // Terminals
  terminalsOfShop: 'Terminals',
  terminalCode: 'Terminal code',
  terminalName: 'Name (set at the till)',
  lastSeen: 'Last seen',
  never: 'never',
  pending: 'Waiting at the till',
  pendingUnknown: 'not reported',
  notApplied: 'Received, not yet applied',
  protocol: 'Protocol',
  protocolSeen: 'v{{version}}',
  protocolHint:
    'Head office speaks sync protocol {{version}} only: a till on another version is refused at its next sync ' +
    '(its records stay in its outbox) and its "last seen" stops moving. Update that till.',
  status: 'Status',
  active: 'active',
  revoked: 'revoked',
  actions: 'What to do',
  // Revoke
  revoke: 'Revoke…',
  revokeTitle: 'Revoke terminal {{code}}',
  revokeWhat:
    'Its token stops working at once: it can no longer send or receive anything. Records still waiting at the ' +
    'till ({{pending}} at its last sync) will never reach head office; they stay only on that till. Revoke a ' +
    'till that is lost, stolen or retired; a till you still have: sync it first so nothing waits.',
  revokeWhatUnknown:
    'Its token stops working at once: it can no longer send or receive anything. The till has not reported what ' +
    'waits in its outbox; whatever waits there will never reach head office. Revoke a till that is lost, stolen ' +
    'or retired; a till you still have: sync it first.',
  revokeType: 'Type the terminal code {{code}} to confirm',
  revokeConfirm: 'Revoke for good',
  revokeMismatch: 'Type exactly {{code}}.',
  cancel: 'Cancel',
  revokedNote: 'Terminal {{code}} is revoked: its token no longer works.',
  // Derivation
  deriveNow: 'Apply now',
  deriveHint: '{{count}} received record(s) are not applied yet; head office applies them by itself in a moment.',
  derivedNote: 'Applied {{records}} record(s) of {{terminals}} terminal(s); {{quarantined}} went to quarantine.',
  // Enrolment codes
  enrolTitle: 'Make an enrolment code',
  enrolHint:
    'A till connects in its head-office dialog (status bar): this page’s address and a one-time code. The code ' +
    'fixes the shop and the terminal code (the first digits of its cards); the till keeps its own name.',
  enrolShopId: 'Shop id',
  enrolShopName: 'Shop name (optional; renames the shop)',
  enrolTerminalCode: 'Terminal code (5 digits; empty: the next free one)',
  enrolValidHours: 'Valid for (hours, 1–720)',
  enrolMake: 'Make code',
  enrolShown: 'Code for shop {{shop}}, terminal {{terminal}}: shown only now.',
  enrolExpires: 'Valid until {{time}}. Type it at the till, or scan the QR code into the code field with a 2D scanner.',
  enrolCopy: 'Copy',
  enrolCopied: 'Copied.',
  enrolCopyFailed: 'Could not copy: select the code and copy it by hand.',
  enrolDone: 'Done, hide the code',
  enrolQrFailed: 'No QR code could be drawn: type the code instead.',
  badShopId: 'A shop id is 1 to 64 characters.',
  notYourShop: 'You manage only: {{shops}}.',
  badShopName: 'A shop name is 1 to 80 characters.',
  badTerminalCode: 'A terminal code is exactly 5 digits, or empty.',
  badValidHours: 'Whole hours from 1 to 720.',
  // Quarantine
  quarantineTitle: 'Records head office could not apply',
  quarantineHint: 'Nothing of these records was applied. Each says what to do; mark it dealt with when done.',
  noQuarantine: 'None: every record received was applied.',
  record: 'Record',
  reason: 'Reason',
  detail: 'Detail',
  receivedAt: 'Received',
  reason_invalid_payload: 'Its content breaks the rules for its kind',
  reason_apply_failed: 'The database refused it',
  reason_payload_conflict: 'Sent again with different content',
  reason_unstorable_text: 'Text head office cannot store',
  todo_invalid_payload:
    'The till sent a record its kind does not allow (a till on other software, or a fault). Check the till runs ' +
    'the current version; redo the sale or registration there if it matters; then mark it dealt with.',
  todo_apply_failed:
    'Head office refused to apply it (see the detail: usually it names something head office does not hold). ' +
    'The till was told. Ask IT with the record number; redo it at the till if needed; then mark it dealt with.',
  todo_payload_conflict:
    'A record number came again with other content: head office kept the first. Usually a till restored from an ' +
    'old backup, or two tills sharing one identity. Revoke a copied till and enrol it anew; then mark it dealt with.',
  todo_unstorable_text:
    'A text field held a control or broken character (the detail names the field). Retype it at the till (edit ' +
    'the member or redo the sale); then mark it dealt with.',
  resolve: 'Mark dealt with',
  resolvedNote: 'Record {{record}} marked dealt with.',
  // Duplicates
  duplicatesTitle: 'Duplicates',
  duplicatesHint:
    'A till registered a member with a card number another member already holds (two tills shared a terminal ' +
    'code before head office gave codes). Both members are kept; the card stays with its first holder. Head ' +
    'office does not flag duplicate phone numbers: the till refuses a phone already registered.',
  noDuplicates: 'None: no card number arrived twice.',
  cardNumber: 'Card number',
  secondMember: 'Registered second',
  cardHolder: 'Holds the card',
  registeredAt: 'Registered',
  conflictResolvedNote: 'Card number {{card}} marked dealt with.',
  todo_card_conflict:
    'Give the member registered second a new card at the shop’s till (member panel → new card, F11): ' +
    'their points and history stay. The card keeps working for its holder. Then mark it dealt with.',
  // Day closes
  closesTitle: 'Day closes',
  closesHint: 'Each till’s close against head office’s own figures; a difference says a record is missing or refused.',
  todo_close_differs:
    'Figures differ: look for this terminal’s records above (waiting, not applied, quarantined). They agree again ' +
    'once every record of that day is applied.',
  // Refusals in the user's language
  refused: 'Head office refused: {{reason}}',
  refusedForbidden: 'this is not one of your shops.',
  refusedNotFound: 'it is gone or already done (the list is refreshed).',
  refusedConflict:
    'terminal code {{code}} is taken by an enrolled terminal or another shop’s open code. Leave it empty.',
  refusedConflictFull: 'every terminal code is taken.',
  refusedValidation: 'what was sent is not valid (check the fields).',
  refusedUnauthorized: 'your session has ended; sign in again.',
  refusedRateLimited: 'too many requests; wait a moment and try again.',
  refusedTooLarge: 'what was sent is too large.',
  refusedOther: 'error {{code}}. Try again; if it stays, tell IT.',
  unreachable: 'Head office could not be reached: nothing was done. Try again.',
} satisfies Record<string, string>;

const zh = {
  shopsTitle: '门店与终端',
  shopsHint: '按门店：其终端、总部未能入账的记录，以及日结。',
  noShops: '尚无终端接入：请在下方生成接入码，并在新收银台上输入。',
  shopHeading: '{{name}}（{{id}}）',
  terminalsOfShop: '终端',
  terminalCode: '终端编号',
  terminalName: '名称（收银台上设置）',
  lastSeen: '最近联系',
  never: '从未',
  pending: '收银台待上传',
  pendingUnknown: '未报告',
  notApplied: '已接收、尚未入账',
  protocol: '协议',
  protocolSeen: 'v{{version}}',
  protocolHint:
    '总部只接受同步协议 {{version}}：其他版本的收银台在下次同步时会被拒绝（记录仍保存在其待上传队列中），' +
    '其“最近联系”时间不再更新。请升级该收银台。',
  status: '状态',
  active: '正常',
  revoked: '已吊销',
  actions: '处理方法',
  revoke: '吊销…',
  revokeTitle: '吊销终端 {{code}}',
  revokeWhat:
    '其令牌立即失效：该终端再也无法上传或接收任何数据。收银台上仍在等待上传的记录（上次同步时 {{pending}} 条）' +
    '将永远不会到达总部，只保存在该收银台上。仅在收银台丢失、被盗或停用时吊销；若设备仍在手边，请先同步。',
  revokeWhatUnknown:
    '其令牌立即失效：该终端再也无法上传或接收任何数据。该收银台未报告待上传的记录数；其中的记录将永远不会' +
    '到达总部。仅在收银台丢失、被盗或停用时吊销；若设备仍在手边，请先同步。',
  revokeType: '请输入终端编号 {{code}} 以确认',
  revokeConfirm: '永久吊销',
  revokeMismatch: '请准确输入 {{code}}。',
  cancel: '取消',
  revokedNote: '终端 {{code}} 已吊销：其令牌不再有效。',
  deriveNow: '立即入账',
  deriveHint: '有 {{count}} 条已接收的记录尚未入账；总部稍后会自动入账。',
  derivedNote: '已为 {{terminals}} 个终端入账 {{records}} 条记录；其中 {{quarantined}} 条被隔离。',
  enrolTitle: '生成接入码',
  enrolHint:
    '收银台在其“总部”对话框（状态栏）中接入：填写本页地址和一次性接入码。接入码确定门店和终端编号（其卡号的前几位）；' +
    '收银台名称保持不变。',
  enrolShopId: '门店编号',
  enrolShopName: '门店名称（可选；会更新门店名称）',
  enrolTerminalCode: '终端编号（5 位数字；留空则自动分配）',
  enrolValidHours: '有效期（小时，1–720）',
  enrolMake: '生成接入码',
  enrolShown: '门店 {{shop}}、终端 {{terminal}} 的接入码：仅此一次显示。',
  enrolExpires: '有效期至 {{time}}。请在收银台上输入，或用二维码扫码枪扫入接入码栏。',
  enrolCopy: '复制',
  enrolCopied: '已复制。',
  enrolCopyFailed: '无法复制：请选中接入码手动复制。',
  enrolDone: '完成，隐藏接入码',
  enrolQrFailed: '无法生成二维码：请手动输入接入码。',
  badShopId: '门店编号为 1 至 64 个字符。',
  notYourShop: '您只管理：{{shops}}。',
  badShopName: '门店名称为 1 至 80 个字符。',
  badTerminalCode: '终端编号须为 5 位数字，或留空。',
  badValidHours: '请输入 1 至 720 之间的整数小时。',
  quarantineTitle: '总部未能入账的记录',
  quarantineHint: '这些记录均未入账。每条都写明了处理方法；处理完毕后请标记为已处理。',
  noQuarantine: '无：接收的记录均已入账。',
  record: '记录',
  reason: '原因',
  detail: '详情',
  receivedAt: '接收时间',
  reason_invalid_payload: '内容不符合该类记录的规则',
  reason_apply_failed: '数据库拒绝入账',
  reason_payload_conflict: '同一编号再次发送但内容不同',
  reason_unstorable_text: '含有总部无法保存的文字',
  todo_invalid_payload:
    '收银台发送了不符合规则的记录（收银台软件版本不同或出现故障）。请确认收银台为当前版本；如有必要，' +
    '在收银台上重新办理该笔消费或登记；然后标记为已处理。',
  todo_apply_failed:
    '总部拒绝入账（见详情：通常是引用了总部没有的数据）。收银台已收到通知。请携记录编号联系技术人员；' +
    '如有必要在收银台上重新办理；然后标记为已处理。',
  todo_payload_conflict:
    '同一记录编号再次到达但内容不同：总部保留了第一份。通常是收银台从旧备份恢复，或两台收银台共用一个身份。' +
    '请吊销被复制的收银台并重新接入；然后标记为已处理。',
  todo_unstorable_text:
    '某个文字字段含有控制字符或损坏的字符（详情中写明字段）。请在收银台上重新输入（编辑会员或重新办理消费）；' +
    '然后标记为已处理。',
  resolve: '标记为已处理',
  resolvedNote: '记录 {{record}} 已标记为已处理。',
  duplicatesTitle: '重复',
  duplicatesHint:
    '某收银台登记会员时使用了已属于另一会员的卡号（总部分配终端编号之前，两台收银台共用了终端编号）。' +
    '两位会员均保留；卡归第一位持卡人。总部不标记重复的手机号：收银台会拒绝已登记的手机号。',
  noDuplicates: '无：没有重复到达的卡号。',
  cardNumber: '卡号',
  secondMember: '后登记的会员',
  cardHolder: '持卡会员',
  registeredAt: '登记时间',
  conflictResolvedNote: '卡号 {{card}} 已标记为已处理。',
  todo_card_conflict:
    '请在门店收银台为后登记的会员换发新卡（会员面板 → 换新卡，F11）：其积分和记录均保留。原卡仍归持卡人使用。' +
    '然后标记为已处理。',
  closesTitle: '日结',
  closesHint: '每台收银台的日结与总部自行计算的数字对照；不一致说明有记录缺失或被拒绝。',
  todo_close_differs: '数字不一致：请在上方查看该终端的记录（待上传、未入账、已隔离）。该日记录全部入账后即会一致。',
  refused: '总部拒绝：{{reason}}',
  refusedForbidden: '这不是您管理的门店。',
  refusedNotFound: '已不存在或已处理（列表已刷新）。',
  refusedConflict: '终端编号 {{code}} 已被已接入的终端或其他门店未使用的接入码占用。请留空。',
  refusedConflictFull: '所有终端编号均已占用。',
  refusedValidation: '发送的内容无效（请检查各字段）。',
  refusedUnauthorized: '登录已过期，请重新登录。',
  refusedRateLimited: '请求过多，请稍候再试。',
  refusedTooLarge: '发送的内容过大。',
  refusedOther: '错误 {{code}}。请重试；如仍失败，请联系技术人员。',
  unreachable: '无法连接总部：未做任何操作。请重试。',
} satisfies Record<keyof typeof en, string>;

export type ShopsTextKey = keyof typeof en;

export function shopsText(lang: Lang, key: ShopsTextKey, params: Record<string, string | number> = {}): string {
  return (lang === 'en' ? en : zh)[key].replace(/\{\{(\w+)\}\}/g, (_m, name: string) => String(params[name] ?? ''));
}

type RecordTypeName = (typeof RecordTypeSchema.options)[number];
const recordTypes: Record<Lang, Record<RecordTypeName, string>> = {
  en: {
    member: 'registration',
    member_update: 'member edit',
    card: 'card',
    sale: 'sale',
    redemption: 'redemption',
    audit: 'audit row',
    member_pin: 'member PIN',
    member_lock: 'member lock',
    expiry: 'points expiry',
    refund: 'refund',
    tier_override: 'tier override',
    adjustment: 'points adjustment',
  },
  'zh-CN': {
    member: '会员登记',
    member_update: '会员资料修改',
    card: '会员卡',
    sale: '消费',
    redemption: '兑换',
    audit: '审计记录',
    member_pin: '会员密码',
    member_lock: '会员锁定',
    expiry: '积分过期',
    refund: '退货',
    tier_override: '等级调整',
    adjustment: '积分调整',
  },
};

/** A sync record's kind in the reader's words (the kind itself if head office ever names one not known here). */
export function recordTypeText(lang: Lang, type: string): string {
  const parsed = RecordTypeSchema.safeParse(type);
  return parsed.success ? recordTypes[lang][parsed.data] : type;
}
