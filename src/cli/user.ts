/**
 * Accounts without a browser, for administrators on the server (stop the server first: a DuckDB
 * file is held by one process at a time).
 *
 *   npm run user -- add <用户名> --role admin|reporter|viewer [--departments 单位1,单位2] [--password 密码]
 *   npm run user -- reset <用户名> [--password 密码]      new password (generated and printed if not given)
 *   npm run user -- disable|enable <用户名>
 *   npm run user -- token <用户名> <用途>                 an API token for scripts, printed once
 *   npm run user -- list
 *
 * Every change is recorded in the audit trail as done by `cli`. Exit: 0 done, 1 refused, 2 usage.
 */
import { CLI_ACTOR, isRole, ROLE_NAMES } from '../auth/roles.js';
import { createToken } from '../auth/tokens.js';
import { AccountError, createUser, findUser, resetPassword, setDisabled } from '../auth/users.js';
import { loadConfig } from '../config.js';
import { formatInstant } from '../time.js';
import { exitWith, parseCommandLine } from './command.js';
import { openPrepared } from './open.js';

const USAGE = `用法：
  npm run user -- add <用户名> --role admin|reporter|viewer [--departments 单位1,单位2] [--password 密码]
  npm run user -- reset <用户名> [--password 密码]
  npm run user -- disable <用户名>
  npm run user -- enable <用户名>
  npm run user -- token <用户名> <用途>
  npm run user -- list`;

const OPTIONS = {
  role: { type: 'string' },
  departments: { type: 'string' },
  password: { type: 'string' },
} as const;

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandLine(argv, OPTIONS, USAGE);
  const [command, username, ...rest] = positionals;
  const needsName = ['add', 'reset', 'disable', 'enable', 'token'];
  if (!command || (needsName.includes(command) && !username) || !['list', ...needsName].includes(command)) {
    console.error(USAGE);
    return 2;
  }
  // Refusals (the file held by the server, a name taken …) reach exitWith: message, exit 1.
  const store = await openPrepared(loadConfig());
  try {
    if (command === 'list') {
      for (const u of await store.all<{
        username: string;
        role: 'admin';
        departments: string[] | null;
        disabled_at: Date | null;
      }>('auth/users')) {
        const scope = u.departments ? `（${u.departments.join('、')}）` : '';
        const state = u.disabled_at ? ` 已停用 ${formatInstant(u.disabled_at)}` : '';
        console.log(`${u.username}\t${ROLE_NAMES[u.role]}${scope}${state}`);
      }
      return 0;
    }
    const name = username as string;
    if (command === 'add') {
      if (!isRole(values.role)) {
        console.error('请用 --role 指定角色：admin（管理员）、reporter（填报员）或 viewer（查看者）');
        return 2;
      }
      const departments =
        values.departments
          ?.split(/[,，、]/)
          .map((d) => d.trim())
          .filter(Boolean) ?? null;
      const created = await createUser(store, CLI_ACTOR, {
        username: name,
        role: values.role,
        departments,
        password: values.password,
      });
      console.log(`已新建账号 ${created.username}（${ROLE_NAMES[values.role]}）`);
      if (!values.password) console.log(`初始密码（只显示这一次）：${created.password}`);
      return 0;
    }
    const user = await findUser(store, name);
    if (!user) throw new AccountError(`没有用户名为“${name}”的账号`);
    if (command === 'reset') {
      const reset = await resetPassword(store, CLI_ACTOR, user.id, values.password);
      console.log(`已重置 ${name} 的密码，原有登录已全部失效。`);
      if (!values.password) console.log(`新密码（只显示这一次）：${reset.password}`);
    } else if (command === 'token') {
      const { id, token } = await createToken(store, CLI_ACTOR, user.id, rest.join(' '));
      console.log(`已为 ${name} 生成接口令牌 ${id}（只显示这一次）：`);
      console.log(token);
    } else {
      await setDisabled(store, CLI_ACTOR, user.id, command === 'disable');
      console.log(`已${command === 'disable' ? '停用' : '启用'}账号 ${name}`);
    }
    return 0;
  } finally {
    await store.close();
  }
}

exitWith(() => main(process.argv.slice(2)));
