// Taro build configuration: https://docs.taro.zone/docs/next/config-detail
// One codebase, two outputs: dist/weapp (WeChat) and dist/h5 (the local/self-hosted host).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import devConfig from './dev';
import prodConfig from './prod';
import { PreloadPages } from './preload-pages';

// The pure rules in domain/ are shared with the cloud functions and live outside sourceRoot,
// so Babel must be told to compile them too (pages import its types and small tables).
const shared = [path.resolve(__dirname, '..', 'domain')];

/** Writes the build's module stats to a file (WEAPP_STATS, below). */
class StatsFile {
  constructor(private readonly file: string) {}
  apply(compiler: { hooks: { done: { tap(name: string, f: (stats: { toJson(o: object): unknown }) => void): void } } }): void {
    compiler.hooks.done.tap('StatsFile', (stats) => {
      writeFileSync(this.file, JSON.stringify(stats.toJson({ all: false, ids: true, chunks: true, chunkModules: true, nestedModules: true, modules: true })));
    });
  }
}

export default defineConfig<'webpack5'>((merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'joint-meeting',
    date: '2025-11-24',
    designWidth: 750,
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2,
      828: 1.81 / 2,
    },
    sourceRoot: 'src',
    outputRoot: `dist/${process.env.TARO_ENV}`,
    plugins: [],
    defineConstants: {
      // The CloudBase environment; empty string means the mini-program's default environment.
      'process.env.CLOUD_ENV': JSON.stringify(process.env.CLOUD_ENV ?? ''),
    },
    // issue #24: the weapp's sitemap.json (nothing indexed: an internal government tool)
    copy: { patterns: process.env.TARO_ENV === 'weapp' ? [{ from: 'src/sitemap.json', to: 'dist/weapp/sitemap.json' }] : [], options: {} },
    // issue #24: dist/weapp/project.config.json comes from this file (cloud functions at ../cloudfunctions/,
    // compression on); the root project.config.json stays the one for opening the repository in DevTools
    projectConfigName: 'config/project.weapp.json',
    framework: 'react',
    // Prebundling is a dev-server speed-up; it is off so builds are reproducible and offline.
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    // Webpack's persistent cache (node_modules/.cache/webpack), one per platform and mode. Every
    // file that shapes the build invalidates it, not only config/index (Taro's default).
    cache: {
      enable: true,
      buildDependencies: {
        config: [
          path.join(__dirname, 'index.ts'),
          path.join(__dirname, 'dev.ts'),
          path.join(__dirname, 'prod.ts'),
          path.resolve(__dirname, '..', 'babel.config.js'),
        ],
      },
    },
    // Chinese text stays UTF-8 (3 bytes a character) instead of \uXXXX escapes (6): WeChat and the
    // browsers read UTF-8 scripts, and the weapp main package has ~8,000 such characters (~24 KB).
    terser: { enable: true, config: { output: { ascii_only: false } } },
    mini: {
      // Modules used only by sub-packages move into them, so the main package stays small.
      optimizeMainPackage: { enable: true },
      // Issue #25: WEAPP_STATS=<file> writes webpack's module stats (each chunk's modules and their
      // sizes) for finding what the main package carries; ordinary builds write nothing.
      webpackChain(chain) {
        const file = process.env.WEAPP_STATS;
        if (file) chain.plugin('weapp-stats').use(StatsFile, [file]);
      },
      compile: { include: shared },
      postcss: {
        pxtransform: { enable: true, config: {} },
        // Issue #25: WeChat renders with its own WebKit (iOS) and Chromium (Android) views, never a
        // Microsoft engine, so the package.json list's desktop "last 3 versions" (IE, old Edge: every
        // -ms- prefix, ~7 KB of the main package's wxss) is dropped here; the iOS and Android floors stay.
        autoprefixer: { enable: true, config: { overrideBrowserslist: ['ios >= 8', 'android >= 4.1'] } },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      compile: { include: shared },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      webpackChain(chain) {
        // The H5 budget: React DOM (~130 KiB) plus Taro's web runtime make the entry ~300 KiB before
        // gzip (~95 KiB on the wire). Webpack's 244 KiB default would warn on every build; this keeps
        // a warning for real growth instead.
        chain.performance.hints('warning').maxEntrypointSize(360 * 1024).maxAssetSize(300 * 1024);
        // Pages are loaded on demand; Taro's default splits only initial chunks, so every page chunk
        // carried its own ~80 KB copy of the same components. Share what async pages have in common.
        // Issue #25: but not into dozens of 1 KB chunks — a first screen fetched 22 of them after the
        // entry, in waves of six on a 150 ms link. A shared piece under 24 KiB stays in each page chunk
        // that uses it, and a page loads in at most four requests.
        chain.optimization.merge({ splitChunks: { chunks: 'all', minSize: 24 * 1024, maxAsyncRequests: 4, maxInitialRequests: 4 } });
        // Issue #25: the page in the address is preloaded alongside the entry (config/preload-pages.ts)
        chain.plugin('preload-pages').use(PreloadPages, ['/', 'pages/index/index']);
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
  };

  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig);
  }
  return merge({}, baseConfig, prodConfig);
});
