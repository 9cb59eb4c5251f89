import { Command, CommanderError } from 'commander';

import { TrainerInputError } from '../errors/trainer-input.error';
import { loadHistory } from '../world/history.loader';
import type { RetrainConfig } from './retrain.config';
import { InferenceRequestError, type RetrainInference } from './inference.client';
import { retrain, type RetrainReport } from './retrain.job';

export const EXIT_REGISTERED = 0;
export const EXIT_GATE_FAILED = 1;
export const EXIT_BAD_INPUT = 2;

export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
}

/**
 * `npm run retrain -- --history <dir> --by <person>`: exit 0 when the challenger is in shadow,
 * 1 when a gate failed (nothing registered; the failed gates are printed) or inference refused,
 * 2 for bad arguments or input.
 */
export async function runRetrainCli(
  argv: string[],
  io: CliIo,
  config: RetrainConfig,
  inference: RetrainInference,
): Promise<number> {
  const program = new Command('retrain')
    .description(
      'Retrain the serving champion on the world history plus the matured outcomes, gate it, register it in shadow.',
    )
    .requiredOption('--history <dir>', "directory of the world history (the feed's --history output)")
    .requiredOption('--by <person>', 'who registers the challenger (recorded in the promotion log)')
    .option(
      '--out <dir>',
      'where the artifacts are written (inference reads RETRAIN_MODEL_DIR)',
      config.RETRAIN_MODEL_DIR,
    )
    .option('--seed <n>', 'gbm random seed', '42')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) });
  try {
    program.parse(argv, { from: 'user' });
    const o = program.opts<{ history: string; by: string; out: string; seed: string }>();
    const report = await retrain(
      {
        history: loadHistory(o.history),
        historyDir: o.history,
        out: o.out,
        by: o.by,
        holdoutShare: config.RETRAIN_HOLDOUT_SHARE,
        thresholds: {
          minOutcomes: config.RETRAIN_MIN_OUTCOMES,
          aucMargin: config.RETRAIN_AUC_MARGIN,
          maxCalibrationGap: config.RETRAIN_MAX_CALIBRATION_GAP,
          minReasonOverlap: config.RETRAIN_MIN_REASON_OVERLAP,
          approvalRate: config.RETRAIN_APPROVAL_RATE,
          resamples: config.RETRAIN_BOOTSTRAP_RESAMPLES,
          seed: config.RETRAIN_BOOTSTRAP_SEED,
        },
        hyperParameters: { gbm: { seed: Number(o.seed) }, scorecard: {} },
      },
      inference,
    );
    printReport(report, io);
    return report.registered ? EXIT_REGISTERED : EXIT_GATE_FAILED;
  } catch (e) {
    if (e instanceof CommanderError) {
      return e.exitCode === 0 ? 0 : EXIT_BAD_INPUT;
    }
    if (e instanceof TrainerInputError) {
      io.err(`retrain: ${e.message}`);
      return EXIT_BAD_INPUT;
    }
    if (e instanceof InferenceRequestError) {
      io.err(`retrain: ${e.message}`);
      return EXIT_GATE_FAILED;
    }
    // fetch hides the connection error in `cause`.
    const cause = typeof e === 'object' && e !== null && 'cause' in e ? ` (cause: ${String(e.cause)})` : '';
    io.err(`retrain failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}${cause}`);
    return EXIT_GATE_FAILED;
  }
}

function printReport(r: RetrainReport, io: CliIo): void {
  io.out(`champion ${r.champion} → challenger ${r.challenger}`);
  io.out(
    `outcomes: ${r.outcomes.available} labelled, ${r.outcomes.appendedToTraining} appended to training, ${r.outcomes.heldOut} held out for the gates`,
  );
  r.gates.forEach((g) => (g.passed ? io.out : io.err)(`${g.passed ? 'PASS' : 'FAIL'} ${g.gate}: ${g.detail}`));
  if (r.registered) {
    io.out(`registered ${r.registered.label} (${r.registered.id}) as ${r.registered.state}: scoring in shadow`);
    io.out(
      `promote with maker/checker: POST /models/${r.registered.id}/promotion-requests {"to":"champion"} then approve as another risk manager`,
    );
  } else {
    io.err(
      `not registered: failed ${r.gates
        .filter((g) => !g.passed)
        .map((g) => g.gate)
        .join(', ')}`,
    );
  }
}
