// The last touches on an Office package (.docx / .xlsx, a zip) that the writers cannot make, and
// the fixed timestamps that make the same input give the same bytes (the archive, issue #21):
// - font fallback chains in word/fontTable.xml: each named font gets an entry whose w:altName is
//   the next font of its chain (仿宋_GB2312 → 仿宋 → FangSong → … → Noto Serif CJK SC), with the
//   GB2312 charset, so a suite without the font substitutes the next one it has;
// - the 草稿 watermark: a placeholder run in the headers becomes Word's VML watermark shape (which
//   LibreOffice and WPS import as a watermark too);
// - every zip entry dated FIXED_ZIP_DATE, docProps/core.xml's dates set to the same, entries
//   stored in the writer's order and deflated.
// jszip is loaded here only (docx and exceljs ship it); the functions keep it external.

interface ZipEntry { async(type: 'string'): Promise<string>; async(type: 'uint8array'): Promise<Uint8Array>; dir: boolean; name: string }
interface Zip {
  file(path: string): ZipEntry | null;
  file(path: string, data: string | Uint8Array, options?: { date?: Date; binary?: boolean; createFolders?: boolean }): Zip;
  files: Record<string, ZipEntry>;
  generateAsync(o: { type: 'uint8array'; compression: 'DEFLATE'; compressionOptions?: { level: number }; platform?: 'DOS' | 'UNIX' }): Promise<Uint8Array>;
}
interface ZipStatic { new (): Zip; loadAsync(data: Uint8Array): Promise<Zip> }

// eslint-disable-next-line @typescript-eslint/no-require-imports
export const loadJsZip = (): ZipStatic => require('jszip') as ZipStatic;

/** The one date every entry of a package or archive carries (DOS time has no time zone). */
export const FIXED_ZIP_DATE = new Date(Date.UTC(2000, 0, 1, 0, 0, 0));

export interface FinishOptions {
  fallbacks?: Record<string, readonly string[]>;
  watermark?: { placeholder: string; text: string; font: string };
  /** paragraph properties the writer cannot set: no hanging punctuation (28 characters stay 28),
   *  and no grid for the lines given (their exact height in twips: the mark, the title) */
  paragraphs?: { noHangingPunctuation?: boolean; unsnapLines?: readonly number[] };
  /**
   * A table written just before the paragraph holding `placeholder` moves into a text box anchored
   * to that paragraph, `x` from the page's left edge, its bottom `bottom` from the page's top (all
   * twips); the table sits at the box's foot. (LibreOffice 7.4 inlines a floating table as wide as
   * the text block and ignores w:framePr here; it honours a DrawingML text box.)
   */
  footBox?: { placeholder: string; x: number; bottom: number; width: number; height: number };
}

// LibreOffice 7.4 reads w:overflowPunct inverted (writerfilter: hanging = val == 0; measured: "0"
// hangs a closing mark 5.7 mm into the margin, "1" keeps it in). Word and WPS read "1" as their own
// default (overflow allowed), so "1" is what turns hanging off in the suite the tests measure.
const NO_HANGING = '<w:overflowPunct w:val="1"/>';

/** Adds w:overflowPunct / w:snapToGrid before each paragraph's w:spacing (their place in CT_PPr). */
function paragraphProps(xml: string, o: NonNullable<FinishOptions['paragraphs']>): string {
  return xml.replace(/<w:spacing (?=[^>]*w:(?:line|before|after)=)[^>]*\/>/g, (tag: string) => {
    const line = Number(/w:line="(\d+)"/.exec(tag)?.[1] ?? NaN);
    const unsnap = (o.unsnapLines ?? []).includes(line);
    return `${o.noHangingPunctuation ? NO_HANGING : ''}${unsnap ? '<w:snapToGrid w:val="0"/>' : ''}${tag}`;
  });
}

const escapeXml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function fontEntries(fallbacks: Record<string, readonly string[]>): string {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const [name, chain] of Object.entries(fallbacks)) {
    const all = [name, ...chain];
    all.forEach((font, i) => {
      if (seen.has(font)) return;
      seen.add(font);
      const next = all[i + 1];
      const sans = /黑|Hei|Sans/i.test(font);
      out.push(
        `<w:font w:name="${escapeXml(font)}">${next ? `<w:altName w:val="${escapeXml(next)}"/>` : ''}` +
          `<w:charset w:val="86"/><w:family w:val="${sans ? 'modern' : 'roman'}"/><w:pitch w:val="variable"/></w:font>`,
      );
    });
  }
  return out.join('');
}

function watermarkRun(text: string, font: string): string {
  return (
    '<w:r><w:rPr><w:noProof/></w:rPr><w:pict>' +
    '<v:shapetype id="_x0000_t136" coordsize="21600,21600" o:spt="136" adj="10800" path="m@7,l@8,m@5,21600l@6,21600e">' +
    '<v:formulas><v:f eqn="sum #0 0 10800"/><v:f eqn="prod #0 2 1"/><v:f eqn="sum 21600 0 @1"/><v:f eqn="sum 0 0 @2"/>' +
    '<v:f eqn="sum 21600 0 @3"/><v:f eqn="if @0 @3 0"/><v:f eqn="if @0 21600 @1"/><v:f eqn="if @0 0 @2"/><v:f eqn="if @0 @4 21600"/>' +
    '<v:f eqn="mid @5 @6"/><v:f eqn="mid @8 @5"/><v:f eqn="mid @7 @8"/><v:f eqn="mid @6 @7"/><v:f eqn="sum @6 0 @5"/></v:formulas>' +
    '<v:path textpathok="t" o:connecttype="custom" o:connectlocs="@9,0;@10,10800;@11,21600;@12,10800" o:connectangles="270,180,90,0"/>' +
    '<v:textpath on="t" fitshape="t"/><o:lock v:ext="edit" text="t" shapetype="t"/></v:shapetype>' +
    '<v:shape id="PowerPlusWaterMarkObject1" o:spid="_x0000_s2049" type="#_x0000_t136" ' +
    'style="position:absolute;margin-left:0;margin-top:0;width:360pt;height:180pt;rotation:315;z-index:-251657216;' +
    'mso-position-horizontal:center;mso-position-horizontal-relative:margin;mso-position-vertical:center;mso-position-vertical-relative:margin" ' +
    'o:allowincell="f" fillcolor="#c0c0c0" stroked="f"><v:fill opacity=".5"/>' +
    `<v:textpath style="font-family:&quot;${escapeXml(font)}&quot;;font-size:1pt" string="${escapeXml(text)}"/>` +
    '<w10:wrap anchorx="margin" anchory="margin"/></v:shape></w:pict></w:r>'
  );
}

const NS = {
  v: 'urn:schemas-microsoft-com:vml',
  o: 'urn:schemas-microsoft-com:office:office',
  w10: 'urn:schemas-microsoft-com:office:word',
};

/** Puts the run containing `placeholder` aside for the watermark shape; declares VML's namespaces. */
function addWatermark(xml: string, placeholder: string, text: string, font: string): string {
  const runRe = /<w:r>(?:(?!<w:r>)[\s\S])*?<\/w:r>/g;
  let out = xml.replace(runRe, (run) => (run.includes(placeholder) ? watermarkRun(text, font) : run));
  out = out.replace(/<w:hdr\b([^>]*)>/, (tag: string, attrs: string) => {
    let a = attrs;
    for (const [prefix, uri] of Object.entries(NS)) if (!new RegExp(`xmlns:${prefix}=`).test(a)) a += ` xmlns:${prefix}="${uri}"`;
    return `<w:hdr${a}>`;
  });
  return out;
}

const EMU_PER_TWIP = 635;

/** Moves the table before the placeholder's paragraph into a text box anchored there (see FinishOptions.footBox). */
function addFootBox(xml: string, box: NonNullable<FinishOptions['footBox']>): string {
  const at = xml.indexOf(box.placeholder);
  if (at < 0) return xml;
  const pStart = xml.lastIndexOf('<w:p>', at);
  const pEnd = xml.indexOf('</w:p>', at) + '</w:p>'.length;
  const tEnd = xml.lastIndexOf('</w:tbl>', pStart);
  const tStart = xml.lastIndexOf('<w:tbl>', tEnd);
  if (pStart < 0 || tStart < 0 || tEnd + '</w:tbl>'.length !== pStart) throw new Error('footBox: no table right before the placeholder');
  const table = xml.slice(tStart, pStart);
  const [w, h] = [box.width * EMU_PER_TWIP, box.height * EMU_PER_TWIP];
  const [x, y] = [box.x * EMU_PER_TWIP, (box.bottom - box.height) * EMU_PER_TWIP];
  const drawing =
    '<w:r><w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="251659264" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="0">' +
    `<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="page"><wp:posOffset>${x}</wp:posOffset></wp:positionH>` +
    `<wp:positionV relativeFrom="page"><wp:posOffset>${y}</wp:posOffset></wp:positionV><wp:extent cx="${w}" cy="${h}"/>` +
    '<wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapTopAndBottom/><wp:docPr id="4096" name="版记"/><wp:cNvGraphicFramePr/>' +
    '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">' +
    `<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="${w}" cy="${h}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/><a:ln><a:noFill/></a:ln></wps:spPr>` +
    // a text box's content ends with a paragraph: a hairline one after the table
    `<wps:txbx><w:txbxContent>${table}<w:p><w:pPr><w:spacing w:line="20" w:lineRule="exact"/></w:pPr></w:p></w:txbxContent></wps:txbx>` +
    '<wps:bodyPr rot="0" vert="horz" wrap="square" lIns="0" tIns="0" rIns="0" bIns="0" anchor="b" anchorCtr="0"><a:noAutofit/></wps:bodyPr></wps:wsp>' +
    '</a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>';
  // The anchoring paragraph itself is off the document grid: snapped, its 1 pt line took a whole grid
  // line after the date, that line overlapped the box, and LibreOffice (wrapTopAndBottom applies to
  // the anchor too) moved the anchor, and the 版记 with it, to a page of its own although the page
  // still had three free lines (measured: the date on line 19 of 22, the 版记 alone on the next page).
  const paragraph = xml
    .slice(pStart, pEnd)
    .replace(/<w:spacing /, '<w:snapToGrid w:val="0"/><w:spacing ')
    .replace(/<w:r>(?:(?!<w:r>)[\s\S])*?<\/w:r>/, (run) => (run.includes(box.placeholder) ? drawing : run));
  return xml.slice(0, tStart) + paragraph + xml.slice(pEnd);
}

/** Re-packs an Office file: fallbacks, watermark, fixed dates. Same input, same bytes. */
export async function finishPackage(bytes: Uint8Array, options: FinishOptions = {}): Promise<Uint8Array> {
  const JSZip = loadJsZip();
  const src = await JSZip.loadAsync(bytes);
  const out = new JSZip();
  for (const name of Object.keys(src.files)) {
    const entry = src.files[name];
    if (entry.dir) continue;
    let data: string | Uint8Array = await entry.async('uint8array');
    if (name === 'word/fontTable.xml' && options.fallbacks) {
      const xml = await entry.async('string');
      const names = Object.values(options.fallbacks).flat().concat(Object.keys(options.fallbacks));
      // replace the writer's own entries for these fonts
      const kept = xml.replace(/<w:font w:name="([^"]+)"(?:\/>|>[\s\S]*?<\/w:font>)/g, (m: string, n: string) => (names.includes(n) ? '' : m));
      const entries = fontEntries(options.fallbacks);
      // the writer may leave the table empty and self-closed (<w:fonts …/>): open it
      data = /<\/w:fonts>/.test(kept) ? kept.replace(/<\/w:fonts>/, `${entries}</w:fonts>`) : kept.replace(/<w:fonts\b([^>]*?)\s*\/>/, `<w:fonts$1>${entries}</w:fonts>`);
    } else if (options.watermark && /^word\/header\d*\.xml$/.test(name)) {
      const xml = await entry.async('string');
      data = addWatermark(xml, options.watermark.placeholder, options.watermark.text, options.watermark.font);
    } else if (name === 'word/document.xml' && (options.paragraphs || options.footBox)) {
      let xml = await entry.async('string');
      if (options.paragraphs) xml = paragraphProps(xml, options.paragraphs);
      if (options.footBox) xml = addFootBox(xml, options.footBox);
      data = xml;
    } else if (name === 'word/styles.xml' && options.paragraphs?.noHangingPunctuation) {
      const xml = await entry.async('string');
      data = xml.replace(/<w:pPrDefault\/>|<w:pPrDefault>\s*<\/w:pPrDefault>/, `<w:pPrDefault><w:pPr>${NO_HANGING}</w:pPr></w:pPrDefault>`);
    } else if (name === 'docProps/core.xml') {
      const xml = await entry.async('string');
      const stamp = FIXED_ZIP_DATE.toISOString().replace(/\.\d{3}Z$/, 'Z');
      data = xml.replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:(?:created|modified)>)/g, `$1${stamp}$2`);
    }
    out.file(name, data, { date: FIXED_ZIP_DATE, createFolders: false });
  }
  return out.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 }, platform: 'DOS' });
}
