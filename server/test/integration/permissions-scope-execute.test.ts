import { describeScopeMatrix } from './scope-matrix/harness.js';
import { scopeGroups } from './scope-matrix/groups.js';

/** Route × role × target in / out of data scope for the execute group, from the route table's declarations. */
describeScopeMatrix('execute', scopeGroups.execute);
