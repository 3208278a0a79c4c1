// `npm run docs`: writes docs/permissions-and-workflows.md from the domain tables.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generatedDoc } from '../domain/tables';

writeFileSync(join(process.cwd(), 'docs', 'permissions-and-workflows.md'), generatedDoc());
console.log('docs/permissions-and-workflows.md 已更新');
