import type { Command } from 'commander';
import type { Locale } from '../../shared/contract/primitives';
import { say, type CliTextKey } from './cliText';

// Commander words its help and its usage errors in English; these put them through cliText's tables.

const titles: Readonly<Record<string, CliTextKey>> = {
  'Usage:': 'usageTitle',
  'Arguments:': 'argumentsTitle',
  'Options:': 'optionsTitle',
  'Global Options:': 'globalOptionsTitle',
  'Commands:': 'commandsTitle',
};

/** Commander's error lines (commander 14's wording) and the key that says each in the person's language. */
const errors: readonly (readonly [RegExp, CliTextKey, readonly string[]])[] = [
  [/^error: unknown option '(.+?)'/, 'unknownOption', ['name']],
  [/^error: unknown command '(.+?)'/, 'unknownCommand', ['name']],
  [/^error: missing required argument '(.+?)'/, 'missingArgument', ['name']],
  [/^error: option '(.+?)' argument missing/, 'optionArgumentMissing', ['name']],
  [/^error: required option '(.+?)' not specified/, 'requiredOption', ['name']],
  [/^error: too many arguments.*Expected (\d+) arguments? but got (\d+)/, 'tooManyArguments', ['expected', 'received']],
];

/** One of commander's error messages in `locale` (with its "did you mean" line); one it never wrote stays as it is. */
export function commanderError(message: string, locale: Locale): string {
  const [line = '', ...rest] = message.trimEnd().split('\n');
  const found = errors.find(([pattern]) => pattern.test(line));
  if (!found) return message;
  const [pattern, key, names] = found;
  const match = pattern.exec(line) ?? [];
  const values = Object.fromEntries(names.map((name, i) => [name, match[i + 1] ?? '']));
  const suggestion = /\(Did you mean (.+)\?\)/.exec(rest.join('\n'));
  const hint = suggestion ? `\n${say(locale, 'didYouMean', { name: suggestion[1] ?? '' })}` : '';
  return `${say(locale, key, values)}${hint}\n`;
}

/**
 * Commander's own words on `program` in `locale`: the help's headings, the --help, --version and help
 * command lines, and its usage errors (then a hint to add --help). Set before any command is added:
 * subcommands inherit all of it.
 */
export function localizeCommander(program: Command, locale: Locale): Command {
  return program
    .helpOption('-h, --help', say(locale, 'helpOption'))
    .helpCommand('help [command]', say(locale, 'helpCommand'))
    .configureHelp({
      styleTitle: (title) => {
        const key = titles[title];
        return key === undefined ? title : say(locale, key);
      },
    })
    .configureOutput({ outputError: (message, write) => write(commanderError(message, locale)) })
    .showHelpAfterError(say(locale, 'helpHint'));
}
