// ParameterTool as Flink's ParameterToolTest exercises it: arguments, maps and properties
// files; typed getters; flags; errors naming the argument or key; unrequested parameters.
import t from 'tap';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ExecutionConfig } from '../../lib/settings/execution-config.ts';
import { GlobalJobParameters } from '../../lib/settings/global-job-parameters.ts';
import { ParameterTool } from '../../lib/settings/parameter-tool.ts';
import { MultipleParameterTool } from '../../lib/settings/multiple-parameter-tool.ts';
import { StreamingRuntimeContext } from '../../lib/functions/runtime-context.ts';

const dir = mkdtempSync(join(tmpdir(), 'sluice-parameter-tool-'));
t.teardown(() => rmSync(dir, { recursive: true, force: true }));

t.test('fromArgs: -- and - keys, values, flags and negative numbers', async (t) => {
  const params = ParameterTool.fromArgs(['--input', 'myInput', '-expectedCount', '15', '--withoutValues', '--negativeFloat', '-0.58', '-isWorking', 'true', '--maxByte', '127', '-negativeShort', '-1024']);
  t.equal(params.getNumberOfParameters(), 7);
  t.equal(params.get('input'), 'myInput');
  t.equal(params.getInt('expectedCount'), 15);
  t.ok(params.has('withoutValues'));
  t.equal(params.get('withoutValues'), ParameterTool.NO_VALUE_KEY, 'a flag holds NO_VALUE_KEY');
  t.equal(params.getBoolean('withoutValues', true), false, 'as Boolean.valueOf reads NO_VALUE_KEY');
  t.equal(params.getFloat('negativeFloat'), -0.58);
  t.equal(params.getBoolean('isWorking'), true);
  t.equal(params.getByte('maxByte'), 127);
  t.equal(params.getShort('negativeShort'), -1024);
  t.equal(ParameterTool.fromArgs([]).getNumberOfParameters(), 0);
  t.same(ParameterTool.fromArgs(['--last']).toMap(), new Map([['last', '__NO_VALUE_KEY']]), 'a key at the end is a flag');
});

t.test('fromArgs refuses a value without a key and an empty key, quoting the arguments', async (t) => {
  t.throws(() => ParameterTool.fromArgs(['berlin']), { message: "Error parsing arguments '[berlin]' on 'berlin'. Please prefix keys with -- or -." });
  t.throws(() => ParameterTool.fromArgs(['--a', 'x', 'y']), { message: "Error parsing arguments '[--a, x, y]' on 'y'. Please prefix keys with -- or -." });
  t.throws(() => ParameterTool.fromArgs(['--a', '-b', '--']), { message: 'The input [--a, -b, --] contains an empty argument' });
  t.throws(() => ParameterTool.fromArgs(['--a', '-b', '-']), { message: 'The input [--a, -b, -] contains an empty argument' });
});

t.test('getters: defaults, required keys and values of the wrong type name the key', async (t) => {
  const params = ParameterTool.fromMap({ port: '8080', ratio: '0.25', name: 'sluice', big: '3000000000', on: 'TRUE' });
  t.equal(params.get('missing'), null);
  t.equal(params.get('missing', 'fallback'), 'fallback');
  t.equal(params.get('name', 'fallback'), 'sluice');
  t.equal(params.getInt('port'), 8080);
  t.equal(params.getInt('missing', 7), 7);
  t.equal(params.getInt('missing', Infinity), Infinity, 'a default is returned as given, never parsed');
  t.equal(params.getLong('big'), 3_000_000_000);
  t.equal(params.getDouble('ratio'), 0.25);
  t.equal(params.getDouble('missing', 1.5), 1.5);
  t.equal(params.getBoolean('on'), true, 'any case of "true"');
  t.equal(params.getBoolean('name'), false, 'anything else is false');
  t.equal(params.getBoolean('missing', true), true);
  t.throws(() => params.getRequired('missing'), { message: "No data for required key 'missing'" });
  t.throws(() => params.getInt('missing'), { message: "No data for required key 'missing'" });
  t.throws(() => params.getInt('name'), { message: "ParameterTool: the value 'sluice' of key 'name' is not an int" });
  t.throws(() => params.getInt('big'), { message: "ParameterTool: the value '3000000000' of key 'big' is not an int" }, 'out of an int\'s range');
  t.throws(() => params.getByte('port'), { message: /of key 'port' is not a byte/ });
  t.throws(() => params.getDouble('name', 2), { message: "ParameterTool: the value 'sluice' of key 'name' is not a number" });
  t.throws(() => ParameterTool.fromMap({ n: 1 as unknown as string }), { message: "ParameterTool.fromMap: the value of 'n' is not a string (got number)" });
});

t.test('unrequested parameters: every getter and has() requests a key; a merge keeps what both sides requested', async (t) => {
  const left = ParameterTool.fromArgs(['--a', '1', '--b', '2', '--c']);
  t.same(left.getUnrequestedParameters(), new Set(['a', 'b', 'c']));
  left.getInt('a');
  left.has('c');
  t.same(left.getUnrequestedParameters(), new Set(['b']));
  const right = ParameterTool.fromMap(new Map([['b', '20'], ['d', '4']]));
  right.get('d');
  const merged = left.mergeWith(right);
  t.same(merged.toMap(), new Map([['a', '1'], ['b', '20'], ['c', '__NO_VALUE_KEY'], ['d', '4']]), 'the other side wins');
  t.same(merged.getUnrequestedParameters(), new Set(['b']));
});

t.test('properties files: read as Java reads them, written with the defaults asked for', async (t) => {
  const file = join(dir, 'job.properties');
  writeFileSync(file, [
    '# a comment', '! another', '', 'input = in.txt', 'output:out', 'spaced value with spaces',
    'long = first \\', '    second', 'escaped\\ key=tab\\there', 'unicode=\\u00e9t\\u00e9', 'empty=',
  ].join('\n'));
  const params = ParameterTool.fromPropertiesFile(file);
  t.same(params.toMap(), new Map([
    ['input', 'in.txt'], ['output', 'out'], ['spaced', 'value with spaces'], ['long', 'first second'],
    ['escaped key', 'tab\there'], ['unicode', 'été'], ['empty', ''],
  ]));
  t.throws(() => ParameterTool.fromPropertiesFile(join(dir, 'missing.properties')), { message: `Properties file ${join(dir, 'missing.properties')} does not exist` });

  params.get('input', 'ignored');
  params.getInt('parallelism', 4);
  params.has('flag');
  const written = join(dir, 'defaults.properties');
  params.createPropertiesFile(written);
  t.same(ParameterTool.fromPropertiesFile(written).toMap(), new Map([['input', 'ignored'], ['parallelism', '4'], ['flag', '<undefined>']]), 'each key asked for, with its default');
  t.match(readFileSync(written, 'utf8'), /^#Default file created by Flink's ParameterUtil.createPropertiesFile\(\)\n#/);
  t.throws(() => params.createPropertiesFile(written, false), { message: `File ${written} exists and overwriting is not allowed` });
});

t.test('global job parameters reach a function through its runtime context, read-only', async (t) => {
  const config = new ExecutionConfig();
  t.same(config.getGlobalJobParameters().toMap(), new Map(), 'empty until set');
  const params = ParameterTool.fromArgs(['--threshold', '3']);
  t.equal(config.setGlobalJobParameters(params).getGlobalJobParameters(), params);
  t.throws(() => config.setGlobalJobParameters({ threshold: '3' } as unknown as GlobalJobParameters), { message: /must be a GlobalJobParameters/ });
  const context = new StreamingRuntimeContext({ jobId: 'job', taskName: 'Map', subtaskIndex: 0, parallelism: 1, maxParallelism: 128, attemptNumber: 0, executionConfig: config });
  t.equal(context.getGlobalJobParameters().get('threshold'), '3');
  t.equal(context.getExecutionConfig().getGlobalJobParameters(), params);
  t.same(new StreamingRuntimeContext({ jobId: 'job', taskName: 'Map', subtaskIndex: 0, parallelism: 1, maxParallelism: 128, attemptNumber: 0 }).getGlobalJobParameters(), new Map(), 'none outside a job');
});

t.test('MultipleParameterTool: a key given several times keeps every value; get() wants one', async (t) => {
  const params = MultipleParameterTool.fromArgs(['--input', 'a.txt', '--input', 'b.txt', '--output', 'out', '--verbose']);
  t.equal(params.getNumberOfParameters(), 3);
  t.same(params.getMultiParameterRequired('input'), ['a.txt', 'b.txt']);
  t.same(params.getMultiParameter('output'), ['out']);
  t.equal(params.getMultiParameter('missing'), null);
  t.equal(params.get('output'), 'out');
  t.ok(params.has('verbose'));
  t.throws(() => params.get('input'), { message: 'Key input should has only one value.' });
  t.throws(() => params.getMultiParameterRequired('missing'), { message: "No data for required key 'missing'" });
  t.same(params.toMap(), new Map([['input', 'b.txt'], ['output', 'out'], ['verbose', '__NO_VALUE_KEY']]), 'flattened to each key\'s last value');
  t.same(params.toMultiMap().get('input'), ['a.txt', 'b.txt']);
  const merged = params.mergeWith(MultipleParameterTool.fromMultiMap({ input: ['c.txt'], parallelism: ['4'] }));
  t.same([merged.getMultiParameter('input'), merged.getInt('parallelism')], [['c.txt'], 4]);
  t.same(merged.getUnrequestedParameters(), new Set(), 'what either side asked for, and what was asked since');
  t.throws(() => MultipleParameterTool.fromArgs(['input']), /Please prefix keys with -- or -/);
});
