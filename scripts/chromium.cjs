// The browser tests use Debian's Chromium. Installs it (and a Chinese font) when running as root;
// otherwise fails with the one command that installs it. Never skips silently.
const { existsSync } = require('node:fs');
const { execSync } = require('node:child_process');

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const FONT = '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc';
const INSTALL = 'apt-get update && apt-get install -y chromium fonts-wqy-microhei';

function ensureChromium() {
  if (existsSync(CHROMIUM) && existsSync(FONT)) return CHROMIUM;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    console.error(`浏览器测试需要 Debian 的 Chromium 与中文字体，请先运行：\n  sudo sh -c '${INSTALL}'`);
    process.exit(1);
  }
  console.log('正在安装 Chromium 与中文字体（apt-get）…');
  execSync(INSTALL, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  return CHROMIUM;
}

module.exports = { ensureChromium, CHROMIUM };
if (require.main === module) ensureChromium();
