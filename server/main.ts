/** `npm run server`: reads the environment, migrates the database, listens. */
import { buildApp } from './app';
import { ConfigError, loadConfig } from './config';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  const app = await buildApp(config);
  const stop = async (signal: string) => {
    app.log.info({ signal }, 'arrêt du service');
    await app.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  await app.listen({ host: config.host, port: config.port });
  app.log.info(
    { database: config.database.kind, docs: `http://${config.host}:${config.port}/docs` },
    'service central Profilence démarré',
  );
}

main().catch((err) => {
  console.error(`Démarrage du service impossible : ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
