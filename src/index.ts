import { ConfigError, loadConfig } from './config.js';
import { createBot } from './compositionRoot.js';

try {
  const config = loadConfig();
  const bot = await createBot(config);
  bot.server.listen(config.port, () => {
    bot.logger.info({ port: config.port, store: bot.store.kind, auth: config.bot.appId ? 'bot-framework' : 'anonymous' }, 'Koordinatorhjelpen is listening');
  });
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      bot.logger.info({ signal }, 'shutting down');
      void bot.close().then(() => process.exit(0));
    });
  }
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(78);
  }
  throw error;
}
