import { startTrustSpace, DEFAULT_FIXTURES_DIR } from './simulator/public-api.ts';
const space = await startTrustSpace({ fixturesDir: DEFAULT_FIXTURES_DIR, submissionPort: 0, peerPort: 0, imapPort: 0, imapsPort: 0, httpPort: 0, dataDir: '/tmp/probe/data', host: '127.0.0.1' });
console.log(JSON.stringify({ imap: space.endpoints.imap, imaps: space.endpoints.imaps, http: space.endpoints.http.baseUrl, submission: space.endpoints.submission }));
setInterval(() => {}, 1000);
