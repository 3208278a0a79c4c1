// `npm start` twice on the same DATA_DIR keeps the data: the real entry point, started twice.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..');

function startOnce(dataDir: string): Promise<{ output: string; url: string; ms: number }> {
  const t0 = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['scripts/run-ts.cjs', 'host/main.ts'], {
      cwd: root, env: { ...process.env, DATA_DIR: dataDir, PORT: '0', NODE_ENV: 'development' },
    });
    let output = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`no ready line in 60 s:\n${output}`));
    }, 60000);
    const onData = async (chunk: Buffer) => {
      output += chunk.toString();
      const url = /已启动（[\d.]+ 秒）：(http:\S+)/.exec(output)?.[1];
      if (!url) return;
      child.stdout.off('data', onData);
      const ms = Date.now() - t0;
      const users = await (await fetch(`${url}api/dev/users`)).json();
      child.kill('SIGTERM');
      child.on('exit', () => {
        clearTimeout(timer);
        resolve({ output: `${output}\nusers:${users.data.length}`, url, ms });
      });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  });
}

it('seeds an empty DATA_DIR once and keeps it on the second start', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'jm-restart-'));
  try {
    const first = await startOnce(dataDir);
    expect(first.output).toContain('已写入演示数据');
    const second = await startOnce(dataDir);
    expect(second.output).toContain('沿用已有数据');
    expect(second.output).not.toContain('已写入演示数据');
    expect(/users:(\d+)/.exec(second.output)?.[1]).toBe(/users:(\d+)/.exec(first.output)?.[1]);
    console.log(`start to ready: empty DATA_DIR ${first.ms} ms, existing DATA_DIR ${second.ms} ms`);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}, 120000);

it('stops the server itself when npm start is sent SIGTERM (no orphaned process)', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'jm-stop-'));
  try {
    const child = spawn(process.execPath, ['scripts/start.cjs'], { cwd: root, env: { ...process.env, DATA_DIR: dataDir, PORT: '0' } });
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`no ready line:\n${out}`)), 90000);
      child.stdout.on('data', (c: Buffer) => {
        out += c.toString();
        const m = /已启动（[\d.]+ 秒）：(http:\S+)/.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]);
        }
      });
    });
    expect((await fetch(`${url}api/health`)).status).toBe(200);
    const exited = new Promise((r) => child.on('exit', r));
    child.kill('SIGTERM');
    await exited;
    await expect(fetch(`${url}api/health`)).rejects.toThrow();
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}, 120000);
