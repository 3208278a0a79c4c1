// people.import — issue #11: a directory from a spreadsheet (the page reads the xlsx with exceljs
// and sends its rows). All or nothing: every row is checked first — its fields, the roles this
// office may give, logins unique in the file and in the org — and any refused row is named by its
// line; only a clean file is written, in one transaction.
import * as z from 'zod';
import { AppError, ImportPeopleInput, ImportRow, type Role } from '../../../domain';
import { defineAction } from '../../../server/kit/registry';
import { loginTaken, orgKind } from '../../../server/areas/people';
import { checkRoles, insertPerson } from './write';

type Row = z.infer<typeof ImportRow>;

export const importPeople = defineAction({
  name: 'people.import',
  input: ImportPeopleInput,
  record: orgKind,
  handler: async ({ rows }, ctx) => {
    const org = ctx.record;
    const problems: Array<{ line: number; message: string }> = [];
    const good: Row[] = [];
    const logins = new Set<string>();
    for (const [i, raw] of rows.entries()) {
      const line = typeof (raw as { line?: unknown })?.line === 'number' ? (raw as { line: number }).line : i + 2;
      const parsed = ImportRow.safeParse(raw);
      if (!parsed.success) {
        problems.push({ line, message: parsed.error.issues.map((x) => x.message).join('；') });
        continue;
      }
      const row = parsed.data;
      try {
        checkRoles(ctx.actor, row.roles as Role[], false);
      } catch (e) {
        problems.push({ line, message: e instanceof AppError ? e.message : '角色不正确' });
        continue;
      }
      if (row.login) {
        if (logins.has(row.login) || (await loginTaken(ctx.store, row.login))) {
          problems.push({ line, message: `登录名 ${row.login} 已被使用` });
          continue;
        }
        logins.add(row.login);
      }
      good.push(row);
    }
    if (problems.length) {
      throw new AppError('validation_error', `有 ${problems.length} 行不符合要求，未导入任何人员：${problems.slice(0, 3).map((p) => `第 ${p.line} 行 ${p.message}`).join('；')}`, problems);
    }
    await ctx.write(async (tx) => {
      for (const { line: _line, ...fields } of good) await insertPerson(tx, ctx, org._id, { ...fields, roles: fields.roles as Role[] });
    });
    return { created: good.length };
  },
});
