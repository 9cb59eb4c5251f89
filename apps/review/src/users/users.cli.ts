import { runUsersCli } from './users.command';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) {
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

runUsersCli(process.argv.slice(2), { out: (l) => console.log(l), err: (l) => console.error(l), readStdin }).then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(`users: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  },
);
