import {
  graphSignalOverlap,
  historyRows,
  WorldGeneratorService,
  worldOptions,
  type WorldOptions,
} from '@loanmesh/world';

/**
 * Prints the docs/world.md table "How often each graph signal fires": every historical
 * application of the seed-42, scale-1 world, with and without the look-alikes.
 * Usage: node scripts/run-ts.cjs bench/world-signals/signal-overlap-report.ts [seed] [scale]
 */
const NO_LOOK_ALIKES: WorldOptions['lookAlikes'] = {
  businessCentres: { count: 0, minSize: 1, maxSize: 1 },
  accountantOffices: { count: 0, minSize: 1, maxSize: 1 },
  groupCrossGuarantees: { count: 0 },
  youngHealthy: { count: 0, centreShare: 0 },
  cleanRingShare: 0,
};

function measure(options: WorldOptions): ReturnType<typeof graphSignalOverlap> {
  const { world, graph } = new WorldGeneratorService().generate(options);
  return graphSignalOverlap(
    (function* () {
      for (const { row } of historyRows(world, graph)) {
        yield row;
      }
    })(),
  );
}

const seed = Number(process.argv[2] ?? 42);
const scale = Number(process.argv[3] ?? 1);
const now = measure(worldOptions(seed, scale));
const before = measure(worldOptions(seed, scale, { lookAlikes: NO_LOOK_ALIKES }));
const pct = (x: number): string => (Number.isFinite(x) ? `${(100 * x).toFixed(1)}%` : '-');
const lines = [
  `Seed ${seed}, scale ${scale}: ${now.good.toLocaleString('en-GB')} good and ${now.bad.toLocaleString('en-GB')} bad applications (2019-2023).`,
  '',
  '| signal | fires on good | fires on bad | default rate when it fires | same, without look-alikes |',
  '| --- | --- | --- | --- | --- |',
  ...now.signals.map((s, i) => {
    const old = before.signals[i];
    return `| ${s.signal} | ${s.goodFired} (${pct(s.goodShare)}) | ${s.badFired} (${pct(s.badShare)}) | ${pct(s.badRateWhenFired)} | ${pct(old?.badRateWhenFired ?? NaN)} (${old?.goodFired ?? 0} good) |`;
  }),
];
process.stdout.write(`${lines.join('\n')}\n`);
