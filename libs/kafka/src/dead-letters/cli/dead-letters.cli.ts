import { runDeadLettersCli } from './dead-letters.command';

runDeadLettersCli(process.argv.slice(2), { out: (l) => console.log(l), err: (l) => console.error(l) }).then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(`dead-letters: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  },
);
