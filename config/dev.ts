import type { UserConfigExport } from '@tarojs/cli';

// Development (watch) builds: readable output with source maps.
export default {
  logger: { quiet: false, stats: true },
  mini: { enableSourceMap: true },
  h5: { enableSourceMap: true },
} satisfies UserConfigExport<'webpack5'>;
