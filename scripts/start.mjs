// `npm start`: until the extension exists, demonstrate the engine in the terminal.
import { spawnSync } from 'node:child_process';
const r = spawnSync('npx', ['tsx', 'scripts/demo.ts'], { stdio: 'inherit' });
process.exit(r.status ?? 1);
