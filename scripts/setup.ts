// `npm run setup -- --org city --side gov --name 赵敏 --login zhaomin [--unit …] [--title …]`
// Issue #11, production start: opens the data folder (DATA_DIR, default .data), seeds the orgs if
// it is new, and creates the org's first office account of that side — once: it refuses when that
// office already has someone. It prints an invite code: the person opens the H5 binding page with
// it and sets their first password (or binds their WeChat account with it in the mini-program).
import { resolve } from 'node:path';
import { INVITE_TTL_MS, LOGIN_PATTERN, SIDE_OFFICE, type Org, type Person } from '../domain';
import { inviteId, newInviteCode, type InviteDoc } from '../server/security/invites';
import { seedOrgs } from '../server/seed';
import { openPgliteStore } from '../server/store/pglite';
import { unitId } from '../server/areas/people';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<number> {
  const orgId = arg('org') ?? 'city';
  const side = arg('side');
  const name = arg('name');
  const login = arg('login');
  if ((side !== 'gov' && side !== 'union') || !name || !login || !LOGIN_PATTERN.test(login)) {
    console.error('用法：npm run setup -- --org city --side gov|union --name 姓名 --login 登录名 [--unit 单位] [--title 职务]');
    return 2;
  }
  const dataDir = resolve(process.env.DATA_DIR ?? '.data');
  const store = await openPgliteStore(resolve(dataDir, 'pglite'));
  try {
    await seedOrgs(store);
    const org = await store.get<Org>('orgs', orgId);
    if (!org) {
      console.error(`没有机构 ${orgId}`);
      return 2;
    }
    const role = SIDE_OFFICE[side];
    const existing = await store.find<Person>('users', { orgId, roles: { hasAny: [role] } }, { limit: 1 });
    if (existing.items.length) {
      console.error(`${org.name}已有${side === 'gov' ? '政府办公室' : '总工会办公室'}账号（${existing.items[0].name}）：其余人员请由办公室在“人员管理”中添加`);
      return 1;
    }
    if ((await store.find<Person>('users', { login }, { limit: 1 })).items.length) {
      console.error(`登录名 ${login} 已被使用`);
      return 1;
    }
    const unit = arg('unit') ?? (side === 'gov' ? `${org.govName}办公室` : `${org.unionName}办公室`);
    const now = new Date();
    const code = newInviteCode();
    await store.transaction(async (tx) => {
      const uid = unitId(orgId, unit);
      if (!(await tx.get('units', uid))) await tx.insert('units', { _id: uid, orgId, name: unit, side, createdAt: now.toISOString() });
      const p = await tx.insert<Person>('users', {
        orgId, name, unit, unitId: uid, title: arg('title') ?? '工作人员', roles: [role], login, active: true, sessionEpoch: 0,
      });
      await tx.insert<InviteDoc>('invites', {
        _id: inviteId(code), personId: p._id, orgId, createdBy: 'setup', createdAt: now.toISOString(),
        expiresAt: new Date(now.getTime() + INVITE_TTL_MS).toISOString(), usedAt: null, voidedAt: null,
      });
    });
    console.log(`已为${org.name}开设${side === 'gov' ? '政府办公室' : '总工会办公室'}账号：${name}（登录名 ${login}）`);
    console.log(`邀请码：${code}（7 天内有效，仅可使用一次）`);
    console.log(`请本人打开  <本站地址>/#/pages/bind/index?scene=${code}  设置首次密码，或在小程序中用此邀请码绑定微信。`);
    return 0;
  } finally {
    await store.close();
  }
}

main().then((code) => process.exit(code), (e: unknown) => {
  console.error(e);
  process.exit(1);
});
