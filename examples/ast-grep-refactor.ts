/**
 * A refactoring task scored by code structure: the agent must replace moment.js with dayjs.
 * ast-grep looks for the new call shape; a bash scorer checks that no moment import is left.
 * The reference solution is a codemod (a bash script) rather than a diff; `workspaces/dashboard/`
 * is the repository, for `scenariokit verify`.
 */
import { astGrep, bashScript, Scenario } from 'scenariokit';

const codemod = `sed -i -e "s/import moment from 'moment';/import dayjs from 'dayjs';/" -e 's/moment(/dayjs(/g' src/*.ts
sed -i 's/"moment": "[^"]*"/"dayjs": "^1.11.13"/' package.json`;

export const momentToDayjs = Scenario.define('refactor-moment-to-dayjs')
  .env({ blueprintId: 'bpt_dashboard_app', workingDirectory: '/home/user/dashboard' })
  .problem('Replace every use of moment.js with dayjs, keeping date formatting identical. Remove the moment dependency.')
  .scorer(astGrep('dayjs($$$ARGS).format($FMT)', { name: 'uses-dayjs', searchDirectory: 'src', lang: 'typescript' }), 2)
  .scorer(
    bashScript(
      `if grep -rqE "from ['\\"]moment['\\"]|require\\(['\\"]moment['\\"]\\)" src package.json; then echo score=0; else echo score=1; fi`,
      { name: 'no-moment' },
    ),
    1,
  )
  .metadata({ kind: 'refactor' })
  .referenceOutput(codemod)
  .workspace('./workspaces/dashboard');
