// The import page's sending (split from index.tsx; issue #24): people.import called again while the
// answer says `more`, with how far it got (导入中 done/total), through the page's kit (kit/useAction)
// so the page's one `busy` covers reading, sending and the template alike.
import { useState } from 'react';
import type { Action } from '../../../../kit/useAction';
import { toast } from '../../../../utils/feedback';
import { refusedLines, type Outcome, type Sheet } from './rows';

export type ImportKey = 'read' | 'send' | 'template';

/** The outcome of the last import, its progress while it runs, and `send` (the page's 导入). */
export function useImport(act: Action<ImportKey>['act'], sheet: Sheet | null) {
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);

  const localProblems = sheet ? sheet.rows.filter((r) => r.problem) : [];
  const send = () => {
    if (!sheet || localProblems.length > 0) return;
    return act(
      'send',
      (w) => {
        setOutcome(null);
        const payload = {
          rows: sheet.rows.map((r) => ({
            line: r.line,
            name: r.name,
            unit: r.unit,
            title: r.title,
            roles: r.roles,
            ...(r.phone ? { phone: r.phone } : {}),
            ...(r.login ? { login: r.login } : {}),
            ...(r.unitHead ? { unitHead: true } : {}),
          })),
        };
        // issue #24: the server writes a few rows per call and says how far it got; the same rows
        // again continue the same import (an interrupted one resumes where it stopped)
        return (async () => {
          let answer = await w('people.import', payload);
          while (answer.more) {
            setProgress({ done: answer.done, total: answer.total });
            answer = await w('people.import', payload);
          }
          return answer;
        })().finally(() => setProgress(null));
      },
      {
        apply: ({ created }) => {
          setOutcome({ kind: 'done', created });
          toast(`已导入 ${created} 人`, 'success');
        },
        // the page says it: the refused lines beside the rows, or the server's message
        onError: (error) => {
          const lines = refusedLines(error.details);
          // a refusal after some chunks were written says so in the server's message (已导入前 N 行)
          setOutcome(lines.size > 0 ? { kind: 'refused', message: error.message.includes('已导入前') ? error.message : `有 ${lines.size} 行不符合要求，未导入任何人员。请修改表格后重新选择文件。`, lines } : { kind: 'failed', message: error.message });
          return true;
        },
      },
    );
  };

  return { outcome, setOutcome, progress, localProblems, send };
}
