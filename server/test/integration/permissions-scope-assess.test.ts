import { describeScopeMatrix } from './scope-matrix/harness.js';
import { scopeGroups } from './scope-matrix/groups.js';

/** Route × role × target in / out of data scope for the assess group, from the route table's declarations. */
describeScopeMatrix('assess', scopeGroups.assess);
