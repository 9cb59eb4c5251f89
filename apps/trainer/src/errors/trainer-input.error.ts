/** Bad user input (file, columns, labels, options): reported plainly, exit code 2. */
export class TrainerInputError extends Error {
  readonly exitCode = 2;

  constructor(message: string) {
    super(message);
    this.name = 'TrainerInputError';
  }
}
