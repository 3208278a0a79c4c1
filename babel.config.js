// babel-preset-taro options: https://docs.taro.zone/docs/next/babel-config
// Used by the Taro build only; Jest transforms with @swc/jest (see jest.config.cjs).
module.exports = {
  presets: [
    [
      'taro',
      {
        framework: 'react',
        ts: true,
        compiler: 'webpack5',
      },
    ],
  ],
};
