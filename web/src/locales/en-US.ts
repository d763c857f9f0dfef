import type { MessageKey } from './zh-CN';
import { base } from './en-US/base';
import { org } from './en-US/org';
import { plan } from './en-US/plan';
import { execute } from './en-US/execute';

/** English. Must carry every key of zh-CN (checked per area and here). */
export const enUS: Record<MessageKey, string> = { ...base, ...org, ...plan, ...execute };
