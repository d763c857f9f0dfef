/** An indicator applies to a unit when it names the unit's kind, or names no kinds at all (the server's rule, for greying matrix cells). */
export const appliesTo = (unitKinds: readonly string[], kind: string): boolean => unitKinds.length === 0 || unitKinds.includes(kind);
