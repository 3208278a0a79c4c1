// Issue #21: titles broken by the program at word boundaries into balanced lines (GB/T 9704 7.3.1).
import { breakTitle, titleWords, widthInChars } from '../server/documents/title';

describe('breakTitle', () => {
  const t38 = '关于进一步做好新就业形态劳动者权益保障和职工服务阵地建设工作的通知的补充通知';
  it('breaks a 38-character title into two balanced lines at word boundaries, never one character alone', () => {
    expect(widthInChars(t38)).toBe(38);
    const lines = breakTitle(t38, 20);
    expect(lines).toHaveLength(2);
    expect(lines.join('')).toBe(t38);
    const [a, b] = lines.map(widthInChars);
    expect(Math.abs(a - b)).toBeLessThanOrEqual(2);
    expect(a).toBeGreaterThanOrEqual(b); // inverted trapezoid
    const words = titleWords(t38);
    const boundaries = words.reduce<number[]>((acc, w) => [...acc, (acc[acc.length - 1] ?? 0) + [...w].length], []);
    expect(boundaries).toContain([...lines[0]].length);
  });
  it('never leaves "知" or "业" alone and keeps names whole', () => {
    for (const t of ['关于召开巴彦淖尔市人民政府与巴彦淖尔市总工会2026年第一次联席会议的通知', '关于召开巴彦淖尔市政府与市总工会职工权益专题会议的通知']) {
      for (const line of breakTitle(t, 20)) {
        expect(widthInChars(line)).toBeGreaterThan(1);
        expect(line.endsWith('巴彦淖尔')).toBe(false);
      }
    }
  });
  it('never sets a line narrower than two characters, even where the words alone would leave one', () => {
    // in a line of 8 the words "关于|推广|使用|巴彦淖尔市总工会|APP" fit only as 关于推广使用 / 巴彦淖尔市总工会 / APP:
    // balancing alone leaves "APP" (1½ characters) alone; it goes with the word before it, the line a little long
    const t = '关于推广使用巴彦淖尔市总工会APP';
    const lines = breakTitle(t, 8);
    expect(lines.join('')).toBe(t);
    for (const line of lines) expect({ line, width: widthInChars(line) >= 2 }).toEqual({ line, width: true });
    expect(lines).toEqual(['关于推广使用', '巴彦淖尔市总工会APP']);
    // a dash at the end of a title is no line of its own either
    for (const line of breakTitle('智慧工会巴彦淖尔市总工会—', 8)) expect({ line, width: widthInChars(line) >= 2 }).toEqual({ line, width: true });
  });
  it('keeps a title that fits on one line', () => expect(breakTitle('关于召开联席会议的通知', 20)).toEqual(['关于召开联席会议的通知']));
});
