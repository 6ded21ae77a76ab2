/** The ceiling for the turn benchmark: restify with the same body parser, answering 200 without a bot. */
import restify from 'restify';

const server = restify.createServer();
server.use(restify.plugins.bodyParser({ maxBodySize: 256 * 1024, mapParams: false }));
server.post('/api/messages', async (_req, res) => {
  res.send(200);
});
server.get('/healthz', async (_req, res) => {
  res.send(200);
});
server.listen(Number(process.env.PORT), '127.0.0.1');
