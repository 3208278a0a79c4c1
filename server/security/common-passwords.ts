// The common passwords refused by the password rule (issue #17, ASVS 5 V6.2): 10,597 entries, lower
// case, of 8–64 characters with a letter and a digit. It is NOT the SecLists top-10,000 file (nothing
// could be downloaded where this was written): it is compiled from well-known common passwords,
// keyboard walks, letters+digits patterns, Chinese pinyin words and names with the usual number
// suffixes, and the deployment's own words (the city, the union, the government).
// The list is the output of the rules below, so the rules are what ships: about 5 KB in the function
// bundle instead of 122 KB of text (issues #18, #25: the bundle budget). The list is built at the
// first password check (a few milliseconds), not when the function loads. test/common-passwords.test.ts
// pins it entry for entry (the count and the SHA-256 of the sorted list as it shipped before), so a
// change to a rule shows as a change to the list. `node scripts/gen-common-passwords.cjs` prints it.

/** Every common password (sorted), and the words they are built from. */
function compile(): { list: string[]; words: string[] } {
  const out = new Set<string>();
  const add = (w: string) => {
    const s = w.toLowerCase();
    if (s.length >= 8 && s.length <= 64 && /[a-z]/.test(s) && /[0-9]/.test(s)) out.add(s);
  };

  const words = [
    // well-known English lists
    'password', 'passw0rd', 'p@ssword', 'p@ssw0rd', 'pa55word', 'pass', 'passwd', 'admin', 'administrator', 'root', 'qwerty', 'abc', 'abcd',
    'abcde', 'abcdef', 'iloveyou', 'welcome', 'letmein', 'monkey', 'dragon', 'master', 'sunshine', 'princess', 'football', 'baseball',
    'shadow', 'superman', 'batman', 'michael', 'jordan', 'hello', 'test', 'tester', 'user', 'login', 'guest', 'trustno1', 'secret',
    'freedom', 'whatever', 'starwars', 'computer', 'internet', 'charlie', 'killer', 'hunter', 'soccer', 'hockey', 'tigger', 'pepper',
    'ginger', 'summer', 'winter', 'spring', 'autumn', 'love', 'lovely', 'angel', 'flower', 'purple', 'orange', 'banana', 'apple',
    'cookie', 'cheese', 'chicken', 'jessica', 'ashley', 'daniel', 'thomas', 'andrew', 'robert', 'george', 'matthew', 'joshua', 'buster',
    'maggie', 'mustang', 'harley', 'ranger', 'yankees', 'dallas', 'access', 'system', 'server', 'default', 'changeme', 'temp', 'demo',
    'sample', 'google', 'microsoft', 'windows', 'linux', 'oracle', 'mysql', 'wechat', 'weixin', 'tencent', 'alibaba', 'taobao', 'baidu',
    'huawei', 'xiaomi', 'iphone', 'samsung', 'nokia', 'qazwsx', 'zaq', 'asdf', 'asdfgh', 'zxcv', 'zxcvbn', 'zxcvbnm', 'qwer', 'qwert',
    'qwertyui', 'asdfghjk', 'asdfghjkl', 'qwertyuiop', 'zxcvbnm', 'abcdefg', 'abcdefgh', 'aaaaaa', 'aaaaaaaa', 'aa', 'aaa', 'abc', 'a', 'q', 'z', 'x',
    // Chinese pinyin and habits
    'woaini', 'woaiwojia', 'woaimama', 'woaibaba', 'wodemima', 'mima', 'zhongguo', 'china', 'beijing', 'shanghai', 'aini', 'nihao',
    'baobei', 'laopo', 'laogong', 'qq', 'qqq', 'caonima', 'wocao', 'xiaoming', 'xiaohong', 'xiaoli', 'xiaowang', 'xiaozhang', 'xiaobao',
    'zhangwei', 'wangwei', 'wangfang', 'liwei', 'lina', 'zhangmin', 'liqiang', 'wangjing', 'liuyang', 'wangyong', 'lijun', 'zhangyong',
    'woshishui', 'tiantian', 'kuaile', 'xingfu', 'pingan', 'fugui', 'facai', 'shengri', 'aiqing', 'yongyuan', 'zhangsan', 'lisi',
    'wangwu', 'zhaoliu', 'huanying', 'gongzuo', 'bangong', 'bangongshi', 'danwei', 'zhengfu', 'gonghui', 'zonggonghui', 'zhenggong',
    'lianxi', 'lianxihui', 'huiyi', 'lianxihuiyi', 'renshi', 'renshe', 'mishu', 'shizhang', 'fushizhang', 'zhuxi', 'shuji', 'zhuren',
    'bayannaoer', 'bayannur', 'bynr', 'linhe', 'hetao', 'wuyuan', 'dengkou', 'wulate', 'hangjin', 'neimenggu', 'nmg', 'huhehaote',
    'baotou', 'ordos', 'eerduosi', 'zhgh', 'gov', 'zf', 'gh', 'jm', 'lxhy',
    // common surnames in pinyin
    'wang', 'li', 'zhang', 'liu', 'chen', 'yang', 'huang', 'zhao', 'zhou', 'wu', 'xu', 'sun', 'ma', 'zhu', 'hu', 'guo', 'he', 'lin',
    'luo', 'gao', 'zheng', 'liang', 'xie', 'song', 'tang', 'han', 'feng', 'deng', 'cao', 'peng', 'zeng', 'xiao', 'tian', 'dong', 'pan',
    'yuan', 'cai', 'jiang', 'yu', 'du', 'ye', 'cheng', 'wei', 'su', 'lu', 'ding', 'ren', 'shen', 'yao', 'jin', 'fu', 'zhong', 'bai', 'cui',
    'kang', 'mao', 'qiu', 'qin', 'jiang', 'shi', 'gu', 'hou', 'shao', 'meng', 'long', 'wan', 'duan', 'lei', 'qian', 'tang', 'yin', 'yi',
    'chang', 'wen', 'niu', 'hao', 'an', 'fan', 'fang', 'kong', 'xiang', 'lai',
  ];
  const core = ['1', '12', '123', '1234', '12345', '123456', '1234567', '12345678', '123456789', '1314', '520', '521', '5201314', '1314520',
    '666', '6666', '888', '8888', '88', '99', '00', '000', '01', '007', '111', '1111', '11', '112233', '123123', '321', '4321', '654321',
    '147258', '159357', '168', '@123', '123!', '!@#', '123!@#', '2024', '2025', '2026'];
  const few = ['1', '123', '1234', '12345', '123456', '520', '1314', '888', '666', '2025', '2026'];
  // the most common words get every suffix and the years; the rest (names, places) the usual few
  const top = new Set(words.slice(0, words.indexOf('woaini')));
  for (const w of words) {
    for (const s of top.has(w) ? core : few) add(w + s);
    for (const s of ['123', '1234', '520', '1314', '888']) add(s + w);
    add(w + w + '1');
  }
  for (const w of [...top].slice(0, 40)) for (let y = 1970; y <= 2030; y += 1) add(w + y);
  // digits and letters around runs of digits
  const runs = ['1234567', '12345678', '123456789', '1234567890', '0123456789', '87654321', '987654321', '11111111', '00000000', '88888888',
    '66666666', '12341234', '11223344', '12121212', '13141314', '52013140', '1314520', '5201314', '147258369', '123123123', '112233', '123456', '1234', '12345'];
  for (const r of runs) {
    for (const l of ['a', 'aa', 'aaa', 'b', 'c', 'q', 'w', 'x', 'z', 'abc', 'qwe', 'asd', 'zxc', 'qaz', 'wsx', 'abcd', 'qwer', 'asdf', 'zxcv', 'ab', 'qq', 'wx', 'li', 'wang', 'zhang']) {
      add(l + r);
      add(r + l);
      add(l.toUpperCase() + r);
    }
  }
  // keyboard walks and the famous ones
  [
    '1qaz2wsx', '1qaz2wsx3edc', '1qaz@wsx', '1qaz!qaz', '!qaz2wsx', 'zaq12wsx', 'zaq1xsw2', '1q2w3e4r', '1q2w3e4r5t', '1q2w3e4r5t6y', 'q1w2e3r4',
    'q1w2e3r4t5', 'qwer1234', 'qwert123', 'qwerty12', 'qwerty123', 'qwerty1234', 'asdf1234', 'asd123456', 'zxcv1234', 'zxc123456', 'qaz123456',
    'qazwsx123', 'qazwsxedc1', '1234qwer', '1234asdf', '1234abcd', 'abcd1234', 'abc12345', 'abc123456', 'a1b2c3d4', 'a1b2c3d4e5',
    '1a2b3c4d', 'aa123456', 'a12345678', 'a123456789', '12345678a', '123456789a', '1234567a', '123456abc', 'abc123abc', 'p4ssword',
    'passw0rd1', 'p@ssw0rd1', 'password1', 'password12', 'password123', 'password1234', 'admin123', 'admin1234', 'admin12345', 'admin888',
    'root1234', 'test1234', 'test12345', 'guest123', 'user1234', 'welcome1', 'welcome123', 'iloveyou1', 'letmein1', 'changeme1',
    'woaini1314', 'woaini520', '5201314a', 'a5201314', 'woaini123', 'wo5201314', 'qq123456', 'qq123456789', 'qwe123qwe', '1qazxsw2',
    '2wsx3edc', '3edc4rfv', '1qazxcvb', 'qweasdzxc1', 'qweasd123', '123qweasd', '123qweasdzxc', 'zxcvbnm1', 'zxcvbnm123', 'asdfghjkl1',
    'qwertyuiop1', 'mnbvcxz1', 'poiuytrewq1', '7ujm8ik,', '1234qwerasdf', 'qwer!234', 'asdf;lkj1', 'q1q1q1q1', 'a1a1a1a1', 'z1z1z1z1',
    'a1234567', 'abcd123456', 'abcde12345', 'abcdef123', 'abc123456789', 'abcdefg1', 'abcdefgh1', 'aabbcc123', 'aaa111aaa', 'aaa11111',
  ].forEach(add);

  return { list: [...out].sort(), words: [...new Set(words.filter((w) => w.length >= 4))].sort() };
}

let compiled: { list: string[]; words: string[] } | null = null;

/** The common passwords, sorted (built at the first call: a cold start that checks no password pays nothing). */
export const commonPasswords = (): readonly string[] => (compiled ??= compile()).list;

/** The words the common passwords are built from: a password that is one of them with only digits or symbols around it is refused too. */
export const commonWords = (): readonly string[] => (compiled ??= compile()).words;
