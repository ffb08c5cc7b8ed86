export interface Program {
  type: 'Program';
  body: Statement[];
}

export interface Statement {
  type: 'Word';
  value: string;
}

/** Parses whitespace-separated words into a program. */
export function parse(input: string | null): Program {
  const words = input!.split(/\s+/).filter((word) => word !== '');
  return { type: 'Program', body: words.map((value) => ({ type: 'Word', value })) };
}
