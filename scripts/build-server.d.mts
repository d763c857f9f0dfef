export function buildServer(opts?: { quiet?: boolean }): Promise<void>;
export function buildServerIfStale(opts?: { quiet?: boolean }): Promise<boolean>;
/** server/dist/main.js, the built server `npm start` runs */
export const SERVER_MAIN: string;
