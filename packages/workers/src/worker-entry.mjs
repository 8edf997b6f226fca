// Worker threads start here: TypeScript is loaded through tsx, registered in this thread,
// whether or not the parent process was started with it (the server is, the tests are not).
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
