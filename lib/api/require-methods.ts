// A job written in JavaScript may pass anything as a user function: the operator's methods are
// checked where the job declares the operator, not when the first record arrives.

/** Throws `<where>: the <interfaceName> has no <method> method (<hint>)` when a method is missing. */
export function requireMethods(fn: unknown, methods: string[], where: string, interfaceName: string, hint: string): void {
  const missing = methods.filter((method) => typeof (fn as Record<string, unknown> | null)?.[method] !== 'function');
  if (missing.length === 0) return;
  throw new Error(`${where}: the ${interfaceName} has no ${missing.join(' or ')} method (${hint})`);
}
