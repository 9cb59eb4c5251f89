import { loadConfig } from '@loanmesh/config';
import { operatorHttp, signerConfig } from '@loanmesh/service-auth';

import { runModelsCli } from './models.cli';

const http = operatorHttp(loadConfig(signerConfig), 'inference');

void runModelsCli(process.argv.slice(2), { out: (l) => console.log(l), err: (l) => console.error(l) }, http).then(
  (code) => {
    process.exitCode = code;
  },
);
