/** Simplified Chinese (default). Flat dotted keys, one file per area in zh-CN/; en-US/ must have the same keys. */
import { base } from './zh-CN/base';
import { org } from './zh-CN/org';
import { plan } from './zh-CN/plan';
import { execute } from './zh-CN/execute';

export const zhCN = { ...base, ...org, ...plan, ...execute };

export type MessageKey = keyof typeof zhCN;
