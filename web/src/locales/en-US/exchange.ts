import type { exchangeKeys } from '../zh-CN/exchange';

export const exchange: Record<exchangeKeys, string> = {
  'menu.assess.exchange': 'Monthly exchange',
  'exchange.new': 'New exchange record',
  'exchange.edit': 'Edit exchange record',
  'exchange.view': 'Exchange record',
  'exchange.month': 'Month',
  'exchange.year': 'Year',
  'exchange.heldOn': 'Date',
  'exchange.presenters': 'Presenters',
  'exchange.presentersHint': 'Search people or type "name (unit, post)" and press Enter',
  'exchange.topics': 'Topics',
  'exchange.topicsHint': 'One topic per line',
  'exchange.summary': 'Summary',
  'exchange.files': 'Files',
  'exchange.saveFirst': 'Save first to attach files',
  'exchange.searchPlaceholder': 'Search topics, presenters or summary',
};
