/** 每月一交流 (S14). */
export const exchange = {
  'menu.assess.exchange': '每月一交流',
  'exchange.new': '新增交流记录',
  'exchange.edit': '编辑交流记录',
  'exchange.view': '交流记录',
  'exchange.month': '月份',
  'exchange.year': '年度',
  'exchange.heldOn': '交流日期',
  'exchange.presenters': '交流人',
  'exchange.presentersHint': '可搜索选择人员，也可直接输入“姓名（单位职务）”后回车',
  'exchange.topics': '交流主题',
  'exchange.topicsHint': '每行一个主题',
  'exchange.summary': '交流纪要',
  'exchange.files': '附件',
  'exchange.saveFirst': '保存后可上传附件',
  'exchange.searchPlaceholder': '搜索主题、交流人或纪要',
};
export type exchangeKeys = keyof typeof exchange;
