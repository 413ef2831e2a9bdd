import { parseArgs } from 'node:util';

const USAGE = `Usage: npm run --silent audit -- VERB [options]

Verbs:
  help          this text

Options:
  --json        machine-readable output
`;

async function main(argv: string[]): Promise<number> {
  const { positionals } = parseArgs({ args: argv, allowPositionals: true, strict: false });
  const verb = positionals[0] ?? 'help';
  if (verb === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  process.stderr.write(`Unknown verb: ${verb}\n\n${USAGE}`);
  return 64;
}

process.exitCode = await main(process.argv.slice(2));
