// The sensor-windows sample on the embedded cluster, as a user runs it: every reading is
// either in one window's average or printed apart as late, never both, never lost.
import t from 'tap';
import { runSluice } from '../helpers/sluice-process.ts';

const rounds = 20;

t.test('sensor-windows prints 5 s averages per sensor, and late readings apart', async (t) => {
  const { code, stdout, stderr } = await runSluice(['run', 'samples/sensor-windows.ts', '-p', '2', '--rounds', String(rounds)]);
  t.equal(code, 0, `exit code (stderr: ${stderr})`);
  const lines = stdout.trim().split('\n');
  const averages = lines.flatMap((line) => {
    const match = /^[12]> \((sensor_\d+),(\d+),(-?\d+\.\d\d),(\d+)\)$/.exec(line);
    return match ? [{ sensor: match[1]!, windowEnd: Number(match[2]), readings: Number(match[4]) }] : [];
  });
  const late = lines.filter((line) => /^late:[12]> \{"id":"sensor_\d+","timestamp":\d+,"temperature":-?\d/.test(line));
  t.same(lines.filter((line) => !/^[12]> \(/.test(line) && !line.startsWith('late:')), [], 'nothing but averages and late readings');
  t.equal(averages.length + late.length, lines.length, 'every line is a well-formed average or late reading');
  t.equal(new Set(averages.map((average) => average.sensor)).size, 20, 'averages of sensor_0 … sensor_19');
  t.ok(averages.every((average) => average.windowEnd % 5000 === 0), 'windows end on multiples of 5 s');
  const keys = averages.map((average) => `${average.sensor}@${average.windowEnd}`);
  t.equal(new Set(keys).size, keys.length, 'one average per sensor and window');
  t.equal(averages.reduce((sum, average) => sum + average.readings, 0) + late.length, 20 * rounds, 'each of the 20 sensors\' readings is in an average or late');
});
