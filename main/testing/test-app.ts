/** An AppContext for tests: the browser-host flavour, over a data folder the test owns. */
import { join } from 'node:path';
import { createAppContext, type AppContext } from '../app/context';
import { inAppNotifier } from '../notify/desktop';

/** `analysisWorker` may be omitted by tests that start no analysis. */
export function createTestApp(dataDir: string, analysisWorker = '/nonexistent/analysis-worker.cjs'): AppContext {
  return createAppContext({
    shell: 'browser-host',
    dataDir,
    electron: null,
    desktop: inAppNotifier,
    analysisWorker,
    demoCapture: join(dataDir, 'no-demo.pcap'),
  });
}
