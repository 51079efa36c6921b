// The member panel's manager actions and the tier set by hand at the till (issue 15), in a file of
// their own so the panel can grow without touching the till's main tables. en.ts and zhCN.ts
// spread it into their top level.

const zhCN = {
  // The manager row's short labels, each the start of its full label (the button's name): the row's title
  // says they are a manager's.
  memberManager: {
    title: '店长操作',
    adjust: '调整积分',
    tier: '设定等级',
    reveal: '显示完整号码',
    export: '导出会员数据',
    erase: '删除会员…',
  },
  tierOverride: {
    open: '设定等级（店长）',
    title: '手动设定等级 — {{name}}',
    intro: '手动设定的等级保持到结束日期当天结束，之后按积分规则重新评定。',
    tier: '等级',
    reason: '原因（必填）',
    reasonPlaceholder: '例如：投诉补偿',
    lastDay: '结束日期（含当天）',
    save: '设定等级',
    cancel: '取消',
    tierRequired: '请选择一个等级。',
    reasonRequired: '请填写原因。',
    endAfterToday: '结束日期须晚于今天。',
    done: '等级已设为 {{tier}}。',
  },
};

const en: typeof zhCN = {
  memberManager: {
    title: 'Manager',
    adjust: 'Adjust points',
    tier: 'Set tier',
    reveal: 'Show number',
    export: 'Export data',
    erase: 'Erase member…',
  },
  tierOverride: {
    open: 'Set tier (manager)',
    title: 'Set tier by hand — {{name}}',
    intro: "A tier set by hand holds to the end of its last day; after it the shop's rules decide again.",
    tier: 'Tier',
    reason: 'Reason (required)',
    reasonPlaceholder: 'e.g. complaint goodwill',
    lastDay: 'Last day (included)',
    save: 'Set tier',
    cancel: 'Cancel',
    tierRequired: 'Choose a tier.',
    reasonRequired: 'A reason is required.',
    endAfterToday: 'The last day must be after today.',
    done: 'Tier set to {{tier}}.',
  },
};

export const memberPanelText = { 'zh-CN': zhCN, en };
