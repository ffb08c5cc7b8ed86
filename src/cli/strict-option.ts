import { Option } from 'commander';

/** `--strict`, for every command that loads scenarios: warnings fail them as errors do (exit code 2). */
export function strictOption(): Option {
  return new Option('--strict', "fail on warnings (scenariokit's checks beyond the API) as on errors: exit code 2, nothing sent or written");
}
