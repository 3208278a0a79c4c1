// Tests never reach WeChat's cloud: any accidental real SDK call must fail loudly, not hang.
process.env.TZ = process.env.TZ ?? 'UTC';
process.env.NODE_ENV = 'test';
