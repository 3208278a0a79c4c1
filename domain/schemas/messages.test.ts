// zod/mini loads no locale: domain/schemas/common.ts sets zh-CN once, so the messages zod writes
// itself (a wrong type, an unknown key, a limit without a message of ours) are Chinese like the
// schemas' own, in the router's validation_error details (docs/issue-18-bundles.md).
import { CallBody, Id, Text } from './common';

const messages = (r: { success: boolean; error?: { issues: Array<{ message: string }> } }) => r.error?.issues.map((i) => i.message);

it("words zod's own messages in Chinese, and keeps the schemas' own", () => {
  expect(messages(CallBody.safeParse({ action: 'x'.repeat(65), extra: 1 }))).toEqual(['数值过大：期望 string <=64 字符', '出现未知的键(key): "extra"']);
  expect(messages(Id.safeParse(5))).toEqual(['无效输入：期望 string，实际接收 数字']);
  expect(messages(Id.safeParse('a b'))).toEqual(['编号格式不正确']);
  // Text() normalises, trims, then measures
  expect(messages(Text({ min: 4, max: 8, label: '标题' }).safeParse('  一二三 '))).toEqual(['标题至少 4 个字']);
  expect(Text({ min: 1, max: 8, label: '标题' }).safeParse(' 一二三 ').data).toBe('一二三');
});
