import { runLabelsCli } from './labels.command';

runLabelsCli(process.argv.slice(2), { out: (l) => console.log(l), err: (l) => console.error(l) }).then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(`labels: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  },
);
