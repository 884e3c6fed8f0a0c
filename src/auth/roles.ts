/** The three roles, in Chinese as the pages name them. */
export type Role = 'admin' | 'reporter' | 'viewer';

export const ROLES: readonly Role[] = ['admin', 'reporter', 'viewer'];

export const ROLE_NAMES: Record<Role, string> = {
  admin: '管理员',
  reporter: '填报员',
  viewer: '查看者',
};

/** Who is acting: a signed-in person, a script with a token, or the command line. */
export interface Actor {
  userId: number;
  username: string;
  role: Role;
  /** The departments a reporter may report for; null for all. */
  departments: string[] | null;
  /** Ties what they do to how they came in: session:<12 hex>, token:<id> or cli. */
  ref: string;
  /** The client's address as the server saw it. */
  ip: string | null;
}

/** The command line acts as an administrator of its own (it can open the database file anyway). */
export const CLI_ACTOR: Actor = {
  userId: 0,
  username: 'cli',
  role: 'admin',
  departments: null,
  ref: 'cli',
  ip: null,
};

/** What a reporter may report for: null (everything) for administrators and all-department reporters. */
export function reportingScope(actor: Actor): string[] | null {
  return actor.role === 'reporter' ? actor.departments : null;
}

/**
 * Whether what this actor commits waits for approval (审核) before it counts: a reporter's uploads
 * when TAIZHANG_APPROVAL=required; administrators' (and the command line's) never.
 */
export function needsApproval(actor: Actor, approval: 'off' | 'required'): boolean {
  return approval === 'required' && actor.role === 'reporter';
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
