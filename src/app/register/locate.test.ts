// Finding the field an error names in the text typed: by the importer's own paths, the nearest
// field above when the text lacks it, names like __proto__ as data, broken JSON read up to the break.

import { describe, expect, it } from 'vitest';
import { parseTaskDefinitionJson } from '../../sim/json.ts';
import { checkDocument, formatted, summary } from './check.ts';
import { fieldSpans, lineOf, locateField, syntaxErrorOffset } from './locate.ts';

const doc = `{
  "family": "shop",
  "containerDefinitions": [
    { "name": "migrate", "image": "shop/migrate:1.4", "essential": false },
    {
      "name": "app",
      "links": ["db:db"],
      "dependsOn": [{ "containerName": "migrate", "condition": "SUCCESS" }],
      "dockerLabels": { "ecs-playground.app": "serve", "__proto__": "x" }
    }
  ]
}`;

const at = (text: string, field: string) => {
  const span = locateField(fieldSpans(text), field);
  return span && text.slice(span.from, span.to);
};

describe('locating a field in the text', () => {
  it.each([
    ['family', '"family"'],
    ['containerDefinitions', '"containerDefinitions"'],
    ['containerDefinitions[0]', '{'],
    ['containerDefinitions[0].essential', '"essential"'],
    ['containerDefinitions[1].links', '"links"'],
    ['containerDefinitions[1].links[0]', '"db:db"'],
    ['containerDefinitions[1].dependsOn[0].condition', '"condition"'],
    ['containerDefinitions[1].dockerLabels.ecs-playground.app', '"ecs-playground.app"'],
    ['containerDefinitions[1].dockerLabels.__proto__', '"__proto__"'],
  ])('finds %s at its key (or its value, in a list)', (field, text) => {
    expect(at(doc, field)).toBe(text);
  });

  it('falls back to the nearest field the text has: a missing one is its parent, a missing top-level one the document', () => {
    expect(at(doc, 'containerDefinitions[1].image')).toBe('{');
    expect(at(doc, 'containerDefinitions[1].dockerLabels.ecs-playground.colour')).toBe('"dockerLabels"');
    expect(at(doc, 'cpu')).toBe('{');
    expect(at(doc, 'containerDefinitions[7].name')).toBe('"containerDefinitions"');
    expect(locateField(fieldSpans(doc), 'constructor')).toEqual({ from: 0, to: 1 });
  });

  it('reads broken JSON up to the break, and an empty text has no fields', () => {
    expect(at('{"family": "web", "cpu": 25x6}', 'family')).toBe('"family"');
    expect(fieldSpans('').size).toBe(0);
    expect(locateField(fieldSpans(''), 'family')).toBeNull();
  });

  it("takes the syntax error's offset from the importer's message, and counts lines from 1", () => {
    const text = '{\n  "family": "web"\n  "cpu": "256"\n}';
    const r = parseTaskDefinitionJson(text);
    const offset = syntaxErrorOffset(r.ok ? '' : r.errors[0]!.message, text);
    expect(text.slice(offset, offset + 5)).toBe('"cpu"');
    expect(lineOf(text, offset)).toBe(3);
    expect(syntaxErrorOffset('Invalid JSON: the document is empty.', '')).toBe(0);
  });
});

describe('a check of the text', () => {
  it('places each problem where the text has its field, with its line', () => {
    const c = checkDocument(doc);
    expect(c.result.ok).toBe(false);
    const links = c.problems.find((p) => p.field === 'containerDefinitions[1].links');
    expect(links?.line).toBe(7);
    expect(doc.slice(links!.span!.from, links!.span!.to)).toBe('"links"');
    expect(summary(c, (f) => `${f}:1`)).toMatch(/^\d+ problems: not registered yet\.$/);
  });

  it('marks a syntax error at its character, and says a good document registers as the next revision', () => {
    const broken = checkDocument('{"family": "web",, }');
    expect(broken.problems).toEqual([expect.objectContaining({ field: '', line: 1, span: { from: 17, to: 18 } })]);
    expect(summary(broken, () => '')).toBe('The JSON does not parse: not registered yet.');
    const good = checkDocument(JSON.stringify({ family: 'web', cpu: '256', memory: '512', containerDefinitions: [{ name: 'web', image: 'nginx' }] }));
    expect(summary(good, (f) => `${f}:4`)).toBe('Ready: registers as web:4.');
    expect(formatted('{"a":[1,2]}')).toBe('{\n  "a": [\n    1,\n    2\n  ]\n}\n');
    expect(formatted('{"a":')).toBeNull();
  });
});
