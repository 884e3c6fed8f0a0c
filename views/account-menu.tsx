import type { Actor } from '../src/auth/roles.js';
import { describeRole } from '../src/auth/users.js';
import { CsrfField } from './holes.js';

/** The signed-in person in the header, with sign-out; or a sign-in link for a public display. */
export function AccountMenu({ actor }: { actor: Actor | null }) {
  if (!actor) {
    return (
      <div class="account-menu">
        <a href="/login">登录</a>
      </div>
    );
  }
  return (
    <div class="account-menu">
      <a href="/account" title={describeRole(actor.role, actor.departments)}>
        {actor.username}
      </a>
      <form method="post" action="/logout" class="inline-form">
        <CsrfField />
        <button type="submit" class="link-button">
          退出
        </button>
      </form>
    </div>
  );
}
