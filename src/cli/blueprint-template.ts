import { didYouMean } from '../util/did-you-mean.js';
import { UsageError } from './usage-error.js';

/** The fields a template may name, each read from an imported item. */
export type TemplateFields<Item> = Readonly<Record<string, (item: Item) => unknown>>;

/** A placeholder: `{name}`, a name of letters, digits and `_`. */
const PLACEHOLDER = /\{([A-Za-z0-9_]*)\}/g;

/**
 * The `blueprintId` option of `--blueprint <id-or-template>`: text without braces is a blueprint
 * id, used as it is; text with `{field}` placeholders is a template, filled in for each item with
 * that item's field, as it is (`bpt_{instance_id}` → `bpt_django__django-16255`). A placeholder
 * that is not one of `fields`, or a brace that is not part of one, is a usage error naming the
 * fields. An item whose field is empty or missing is a problem of that item (the function
 * throws, which the import reports), not of the others.
 */
export function blueprintTemplate<Item>(text: string, fields: TemplateFields<Item>): string | ((item: Item) => string) {
  if (!/[{}]/.test(text)) return text;
  const known = Object.keys(fields);
  const listed = known.map((name) => `{${name}}`).join(', ');
  const unknown = [...text.matchAll(PLACEHOLDER)].map(([, name]) => name!).find((name) => !Object.hasOwn(fields, name));
  if (unknown !== undefined) {
    const suggestion = didYouMean(unknown, known);
    const hint = suggestion === undefined ? `the fields are ${listed}` : `did you mean {${suggestion}}? The fields are ${listed}`;
    throw new UsageError(`--blueprint ${JSON.stringify(text)}: {${unknown}} is not a field it can name; ${hint}`);
  }
  if (/[{}]/.test(text.replace(PLACEHOLDER, ''))) throw new UsageError(`--blueprint ${JSON.stringify(text)}: a brace that is not part of a placeholder; a template names fields as ${listed}`);
  return (item) =>
    text.replace(PLACEHOLDER, (_, name: string) => {
      const value = fields[name]!(item);
      if ((typeof value !== 'string' && typeof value !== 'number') || !/\S/.test(String(value))) {
        throw new Error(`the template ${JSON.stringify(text)} names {${name}}, which is ${value === undefined ? 'missing' : `not a name (${JSON.stringify(value) ?? String(value)})`} here`);
      }
      return String(value);
    });
}
