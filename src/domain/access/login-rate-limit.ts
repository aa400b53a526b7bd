// Login rate limit: after too many failed attempts in a window, refuse further attempts for that account or
// address until the window has passed. Counting failures (not requests) keeps legitimate users unaffected.

export interface LoginRateLimitPolicy {
  windowMinutes: number;
  maxFailuresPerUser: number;
  maxFailuresPerIp: number;
}

export const defaultLoginRateLimit: LoginRateLimitPolicy = {
  windowMinutes: 15,
  maxFailuresPerUser: 5,
  maxFailuresPerIp: 30,
};

export function isLoginBlocked(
  recent: { byUser: number; byIp: number },
  policy: LoginRateLimitPolicy = defaultLoginRateLimit,
): boolean {
  return recent.byUser >= policy.maxFailuresPerUser || recent.byIp >= policy.maxFailuresPerIp;
}
