/**
 * The framework's own floor for the turn benchmark: a bare teams-ai echo bot (the Bot Framework
 * adapter, teams-ai routing and memory turn state, one reply per message) on restify with the
 * same body parser. The project's turns beside it show the cost of our own work per turn.
 */
import { Application, TeamsAdapter } from '@microsoft/teams-ai';
import { MemoryStorage } from 'botbuilder';
import restify from 'restify';

const adapter = new TeamsAdapter({ MicrosoftAppId: '', MicrosoftAppPassword: '', MicrosoftAppType: 'MultiTenant', MicrosoftAppTenantId: '' });
const app = new Application({ adapter, storage: new MemoryStorage(), startTypingTimer: false });
app.message(/.*/, async (context) => {
  await context.sendActivity(`Du skrev: ${context.activity.text ?? ''}`);
});

const server = restify.createServer();
server.use(restify.plugins.bodyParser({ maxBodySize: 256 * 1024, mapParams: false }));
server.post('/api/messages', async (req, res) => {
  await adapter.process(req, res, async (context) => {
    await app.run(context);
  });
});
server.get('/healthz', async (_req, res) => {
  res.send(200);
});
server.listen(Number(process.env.PORT), '127.0.0.1');
