// Issue #21: the fallback fonts of GB/T 9704's named fonts, for LibreOffice. A .docx names the
// official fonts (仿宋_GB2312, 方正小标宋简体, 黑体, 楷体_GB2312, 宋体) — what Word and WPS on an
// office PC have — and carries each one's chain in its font table (w:altName), which Word and WPS
// read. LibreOffice 7.4 does not: its font-table import ignores w:altName, w:panose1 and w:family
// (writerfilter FontTable.cxx, `case NS_ooxml::LN_CT_Font_altName: break;`), and its own
// substitution list for 仿宋/宋体 names no font a Debian machine has, so every missing name fell to
// the first CJK face, Noto Sans CJK (measured with pdffonts). What LibreOffice does honour is its
// replacement table (Tools › Options › Fonts, "always"): this file writes that table — each official
// name to the last font of its chain, the one `fonts-noto-cjk` installs — as a profile's
// registrymodifications.xcu. The real-client tests run LibreOffice with it; an office machine that
// prints with LibreOffice imports the same entries (docs/issue-21-notes.md).
import { GBT9704 } from './official';

const escapeXml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** [official name, installed fallback] for every named font and every name of its chain but the last */
export function suiteReplacements(fallbacks: Readonly<Record<string, readonly string[]>> = GBT9704.fallbacks): Array<[string, string]> {
  const pairs = new Map<string, string>();
  for (const [name, chain] of Object.entries(fallbacks)) {
    const installed = chain[chain.length - 1];
    for (const font of [name, ...chain.slice(0, -1)]) if (!pairs.has(font)) pairs.set(font, installed);
  }
  return [...pairs.entries()];
}

/** LibreOffice's replacement table as a user profile's registrymodifications.xcu. */
export function libreOfficeFontProfile(pairs: Array<[string, string]> = suiteReplacements()): string {
  const prop = (name: string, value: string) => `<prop oor:name="${name}" oor:op="fuse"><value>${escapeXml(value)}</value></prop>`;
  const items = [
    `<item oor:path="/org.openoffice.Office.Common/Font/Substitution">${prop('Replacement', 'true')}</item>`,
    ...pairs.map(([from, to], i) =>
      `<item oor:path="/org.openoffice.Office.Common/Font/Substitution/FontPairs"><node oor:name="_${i}" oor:op="replace">` +
        `${prop('Always', 'true')}${prop('OnScreenOnly', 'false')}${prop('ReplaceFont', from)}${prop('SubstituteFont', to)}</node></item>`),
  ];
  return '<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" ' +
    `xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n${items.join('\n')}\n</oor:items>\n`;
}
