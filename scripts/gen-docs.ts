// `npm run docs`: writes docs/permissions-and-workflows.md from the domain tables, and
// docs/reminders.md from the route table of messages (issue #20).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { remindersDoc } from '../domain/reminders-doc';
import { generatedDoc } from '../domain/tables';

writeFileSync(join(process.cwd(), 'docs', 'permissions-and-workflows.md'), generatedDoc());
writeFileSync(join(process.cwd(), 'docs', 'reminders.md'), remindersDoc());
console.log('docs/permissions-and-workflows.md、docs/reminders.md 已更新');
