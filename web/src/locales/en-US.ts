import type { MessageKey } from './zh-CN';
import { base } from './en-US/base';
import { org } from './en-US/org';
import { plan } from './en-US/plan';
import { execute } from './en-US/execute';
import { activities } from './en-US/activities';
import { innovation } from './en-US/innovation';
import { honours } from './en-US/honours';
import { results } from './en-US/results';
import { dispatch } from './en-US/dispatch';
import { supervision } from './en-US/supervision';
import { exchange } from './en-US/exchange';
import { cockpit } from './en-US/cockpit';
import { notify } from './en-US/notify';

import { assessment } from './en-US/assessment';

/** English. Must carry every key of zh-CN (checked per area and here). */
export const enUS: Record<MessageKey, string> = { ...base, ...org, ...plan, ...execute, ...activities, ...innovation, ...honours, ...results, ...dispatch, ...supervision, ...exchange, ...cockpit, ...notify, ...assessment };
