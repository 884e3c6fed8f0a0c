/**
 * Comments on an indicator, append-only with who and when: a leader's 批示 (instruction) and a
 * clerk's 说明 (explanation). Who may write which kind is decided here, by role: 批示 by viewers
 * (leaders) and administrators, 说明 by reporters for the indicators of their departments and by
 * administrators.
 */
import { listValue } from '@duckdb/node-api';
import type { Actor } from '../auth/roles.js';
import { findIndicator } from '../catalog/read.js';
import { DomainError, InvalidError } from '../errors.js';
import { recordAudit } from '../store/audit.js';
import type { Store } from '../store/store.js';
import { indicatorDepartments, mayWriteFor, outOfScope } from './scope.js';

export type CommentKind = 'instruction' | 'explanation';

export const COMMENT_KINDS: Record<CommentKind, string> = { instruction: '批示', explanation: '说明' };

export interface CommentRow {
  id: number;
  indicator_code: string;
  kind: CommentKind;
  body: string;
  author: string;
  author_role: string;
  created_at: Date;
}

/** Which kinds an actor may write: what the indicator page offers them. */
export function commentKindsFor(actor: Pick<Actor, 'role'> | null): CommentKind[] {
  if (!actor) return [];
  if (actor.role === 'admin') return ['instruction', 'explanation'];
  return actor.role === 'viewer' ? ['instruction'] : ['explanation'];
}

/** Appends a comment with its audit event, in one transaction. */
export async function addComment(
  store: Store,
  actor: Actor,
  code: string,
  input: { kind: CommentKind; body: string },
): Promise<CommentRow> {
  const indicator = await findIndicator(store, code);
  const body = input.body.trim();
  if (!body) throw new InvalidError(`请填写${COMMENT_KINDS[input.kind]}内容。`);
  if (body.length > 2000) throw new InvalidError('内容不能超过 2000 个字符');
  if (!commentKindsFor(actor).includes(input.kind)) {
    throw new DomainError(
      403,
      input.kind === 'instruction'
        ? '批示由领导（查看者账号）或管理员填写；填报员请填写说明。'
        : '说明由填报员或管理员填写；领导请填写批示。',
    );
  }
  if (input.kind === 'explanation') {
    const departments = await indicatorDepartments(store, indicator.code);
    if (!mayWriteFor(actor, departments)) throw new DomainError(403, outOfScope(indicator.code, departments));
  }
  return store.write(async (tx) => {
    const [row] = await tx.all<{ id: number }>('comments/insert', {
      code: indicator.code,
      kind: input.kind,
      body,
      author: actor.username,
      role: actor.role,
    });
    await tx.run('meta/bump_data_version');
    await recordAudit(tx, actor, {
      action: 'comment.add',
      target: `indicator:${indicator.code}`,
      detail: { comment: row?.id, kind: input.kind, body },
    });
    const [saved] = await tx.all<CommentRow>('comments/list', { codes: listValue([indicator.code]) });
    if (!saved) throw new Error('comment not found after insert');
    return saved;
  });
}

/** The comments on some indicators, newest first. */
export function listComments(store: Store, codes: string[]): Promise<CommentRow[]> {
  if (codes.length === 0) return Promise.resolve([]);
  return store.all<CommentRow>('comments/list', { codes: listValue(codes) });
}
