import { importHarborTasks } from '../src/import/index.ts';
const base = 'test/fixtures/harbor/';
const dirs = ['hello-world', 'simple-task', 'multi-reward', 'dns-blacklisting', 'multi-step', 'synthetic/answer-file', 'synthetic/partial-json', 'synthetic/no-reward', 'synthetic/legacy-tb', 'nope'].map((d) => base + d);
const r = await importHarborTasks(dirs, { blueprintId: 'bpt_x' });
console.log(r.problems, r.warnings);
for (const b of r.builders) { const p = b.buildCreate(); const s = p.scoring_contract.scoring_function_parameters[0].scorer; console.log(JSON.stringify({ ...p, scoring_contract: undefined, reference_output: p.reference_output?.slice(0, 60) })); }
const hw = r.builders[0].buildCreate().scoring_contract.scoring_function_parameters[0].scorer;
console.log(hw.bash_script);
