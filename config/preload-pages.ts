// Issue #25 "the first screen": on H5 a page's code is fetched only after the entry (app.js, ~70 KB)
// has arrived and run, because the router asks for it then. This plugin writes into index.html the
// files of every page's chunks and a few bytes of script that, before the entry has even arrived,
// asks the browser to preload the files of the page in the address (hash routing), so they travel
// alongside the entry instead of after it. The router's own request then finds them in the cache.
// (Sending the screen's read from this script as well was measured and gained nothing over sending
// it when the app starts: docs/issue-25-first-screen.md.)

interface Source { source(): string | Buffer }
interface ChunkGroup {
  isInitial(): boolean;
  origins: Array<{ request?: string }>;
  getFiles(): string[];
}
interface Compilation {
  chunkGroups: ChunkGroup[];
  getAsset(name: string): { source: Source } | undefined;
  updateAsset(name: string, source: Source): void;
  hooks: { processAssets: { tap(o: { name: string; stage: number }, f: () => void): void } };
}
interface Compiler {
  webpack: { sources: { RawSource: new (s: string) => Source }; Compilation: { PROCESS_ASSETS_STAGE_REPORT: number } };
  hooks: { thisCompilation: { tap(name: string, f: (c: Compilation) => void): void } };
}

const PAGE = /(?:^|\/)((?:pages|packages)\/[\w/-]+\/index)(?:\.\w+)?(?:\?.*)?$/;

export class PreloadPages {
  constructor(private readonly publicPath: string, private readonly defaultPage: string) {}

  apply(compiler: Compiler): void {
    const { RawSource } = compiler.webpack.sources;
    compiler.hooks.thisCompilation.tap('PreloadPages', (compilation) => {
      // after html-webpack-plugin has written index.html
      compilation.hooks.processAssets.tap({ name: 'PreloadPages', stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT - 1 }, () => {
        const html = compilation.getAsset('index.html');
        if (!html) return;
        const files: Record<string, string[]> = {};
        for (const group of compilation.chunkGroups) {
          if (group.isInitial()) continue;
          for (const origin of group.origins) {
            const page = origin.request ? PAGE.exec(origin.request)?.[1] : undefined;
            if (page) files[page] = [...new Set([...(files[page] ?? []), ...group.getFiles().filter((f) => /\.(js|css)$/.test(f))])];
          }
        }
        if (!files[this.defaultPage]) throw new Error(`PreloadPages: no chunks found for ${this.defaultPage}; has Taro changed how it imports pages?`);
        const script =
          `<script>(function(m,b){var p=location.hash.replace(/^#\\/?/,'').split('?')[0]||${JSON.stringify(this.defaultPage)};` +
          `(m[p]||[]).forEach(function(f){var l=document.createElement('link');l.rel='preload';l.as=/\\.css$/.test(f)?'style':'script';l.href=b+f;document.head.appendChild(l)})})` +
          `(${JSON.stringify(files)},${JSON.stringify(this.publicPath)})</script>`;
        const text = String(html.source.source());
        if (!text.includes('</head>')) throw new Error('PreloadPages: index.html has no </head>');
        compilation.updateAsset('index.html', new RawSource(text.replace('</head>', `${script}</head>`)));
      });
    });
  }
}
