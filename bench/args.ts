/**
 * The command line of the database benches (bench:metrics, bench:reports, bench:console): options checked once, an
 * unknown one or a bad value refused with the usage line (exit 2), then read by name.
 */
export interface BenchArgs {
  /** A positive whole number after `name`, or `dflt` when the option is absent. */
  number(name: string, dflt: number): number;
  /** Whether the flag was given. */
  flag(name: string): boolean;
  /** The word after `name`, if given. */
  value(name: string): string | undefined;
}

export function benchArgs(
  usage: string,
  spec: { numbers?: readonly string[]; flags?: readonly string[]; values?: readonly string[] },
  argv: readonly string[] = process.argv.slice(2),
): BenchArgs {
  const fail = (why: string): never => {
    console.error(`${why}\n${usage}`);
    process.exit(2);
  };
  const takesValue = new Set([...(spec.numbers ?? []), ...(spec.values ?? [])]);
  const flags = new Set(spec.flags ?? []);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (takesValue.has(a)) {
      if (argv[i + 1] === undefined) fail(`${a} needs a value`);
      i++;
    } else if (!flags.has(a)) fail(`unknown option ${a}`);
  }
  const after = (name: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
  return {
    number(name, dflt) {
      const given = after(name);
      if (given === undefined) return dflt;
      const v = Number(given);
      return Number.isSafeInteger(v) && v >= 1 ? v : fail(`${name} needs a positive whole number`);
    },
    flag: (name) => argv.includes(name),
    value: after,
  };
}
