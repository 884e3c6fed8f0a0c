/**
 * The environment for a child process the tests start: this one's, without any taizhang setting or
 * PORT the machine happens to have (a CI runner's TAIZHANG_PUBLIC_READ must not change a test),
 * plus `env`.
 */
export function childEnv(env: Record<string, string> = {}): NodeJS.ProcessEnv {
  const inherited = Object.entries(process.env).filter(([name]) => !/^(TAIZHANG_|PORT$)/.test(name));
  return { ...Object.fromEntries(inherited), ...env };
}
