import { config } from 'zod';

// Zod compiles object parsers with `new Function` when it may; our CSP (script-src 'self') forbids
// eval, so its probe only raised a CSP violation on every page. Imported first in main.tsx, before
// any schema is built.
config({ jitless: true });
