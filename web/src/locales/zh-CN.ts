/** Simplified Chinese (default). Flat dotted keys, one file per area in zh-CN/; en-US/ must have the same keys. */
import { base } from './zh-CN/base';
import { org } from './zh-CN/org';
import { plan } from './zh-CN/plan';
import { execute } from './zh-CN/execute';
import { activities } from './zh-CN/activities';
import { innovation } from './zh-CN/innovation';
import { honours } from './zh-CN/honours';
import { results } from './zh-CN/results';
import { dispatch } from './zh-CN/dispatch';
import { supervision } from './zh-CN/supervision';
import { exchange } from './zh-CN/exchange';
import { cockpit } from './zh-CN/cockpit';
import { notify } from './zh-CN/notify';
import { assessment } from './zh-CN/assessment';

export const zhCN = { ...base, ...org, ...plan, ...execute, ...activities, ...innovation, ...honours, ...results, ...dispatch, ...supervision, ...exchange, ...cockpit, ...notify, ...assessment };

export type MessageKey = keyof typeof zhCN;
