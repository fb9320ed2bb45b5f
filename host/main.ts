/**
 * `npm start`: the whole platform on this machine. The only reader of process.env.
 */
import { loadConfig } from './config.ts';
import { startPlatform } from './platform.ts';
import { demoAccounts } from './flows/demo-seed.ts';

let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig(process.env);
} catch (e) {
  console.error((e as Error).message);
  process.exit(2);
}

const platform = await startPlatform(config);
console.log(`\nAtrium is running: ${platform.url}`);
console.log(`  data:     ${config.databaseUrl ? 'PostgreSQL' : `SQLite in ${config.dataDir}`}`);
if (config.seedDemo) {
  console.log(`  demo user:     ${demoAccounts.user.email} / ${demoAccounts.user.password}`);
  console.log(`  demo merchant: ${demoAccounts.merchant.email} / ${demoAccounts.merchant.password}`);
  if (!config.admin) console.log(`  demo admin:    ${demoAccounts.admin.email} / ${demoAccounts.admin.password}`);
  console.log(`  shell ${platform.url}/ · merchant console ${platform.url}/console · admin console ${platform.url}/admin`);
}
console.log('  Ctrl-C stops it.\n');

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log('\nstopping…');
    void platform.close().then(() => process.exit(0), (e) => { console.error(e); process.exit(1); });
  });
}
