import { loadConfig } from '@loanmesh/config';
import { operatorHttp } from '@loanmesh/service-auth';

import { httpInference } from './inference.client';
import { runRetrainCli } from './retrain.cli';
import { retrainConfigShape } from './retrain.config';

const config = loadConfig(retrainConfigShape);

void runRetrainCli(
  process.argv.slice(2),
  { out: (l) => console.log(l), err: (l) => console.error(l) },
  config,
  httpInference(config.INFERENCE_URL, operatorHttp(config, 'inference')),
).then((code) => {
  process.exitCode = code;
});
