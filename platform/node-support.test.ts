/**
 * The Node.js lines hotline runs on, said in one place (package.json "engines") and kept true: the Node running the
 * tests is one of them (CI runs them on the current LTS line, .ci/run), the image ships one of them (Dockerfile), and
 * CI tests the line the image ships. Pure: reads the three files.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const read = (file: string) => readFileSync(new URL(`../${file}`, import.meta.url), 'utf8');
const engines: string = JSON.parse(read('package.json')).engines.node;

type Version = [number, number, number];
const parse = (v: string): Version => {
  const m = /^v?(\d+)\.(\d+)\.(\d+)/.exec(v.trim());
  if (!m) throw new Error(`not a version: ${v}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
};
const compare = (a: Version, b: Version) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];

/** Whether `version` satisfies `range`: alternatives (`||`) of `^x.y.z` (the same major, at least x.y.z) or `>=x.y.z`. */
function satisfies(version: string, range: string): boolean {
  const v = parse(version);
  return range.split('||').some((alt) => {
    const m = /^\s*(\^|>=)\s*(\d+\.\d+\.\d+)\s*$/.exec(alt);
    if (!m) throw new Error(`engines alternative "${alt.trim()}" is neither ^x.y.z nor >=x.y.z`);
    const floor = parse(m[2]!);
    return compare(v, floor) >= 0 && (m[1] === '>=' || v[0] === floor[0]);
  });
}

/** The Node major of every FROM line of the Dockerfile (node:<major>-…). */
const dockerMajors = () => [...read('Dockerfile').matchAll(/^FROM node:(\d+)[-\w.]* /gm)].map((m) => Number(m[1]));
/** The Node line .ci/run installs for the tests (NODE_LTS=<major>). */
const ciMajor = () => Number(/^NODE_LTS=(\d+)$/m.exec(read('.ci/run'))?.[1]);

describe('supported Node.js lines (package.json engines)', () => {
  it('takes 20.19 and later 20s, 22.12 and later 22s, 24 and later; not 18, an older 20 or 22, nor the odd lines between', () => {
    for (const v of ['20.19.0', '20.20.2', '22.12.0', '22.21.1', '24.0.0', '24.11.1']) expect([v, satisfies(v, engines)]).toEqual([v, true]);
    for (const v of ['18.20.8', '20.18.3', '21.7.3', '22.11.0', '23.11.1']) expect([v, satisfies(v, engines)]).toEqual([v, false]);
  });

  it('includes the Node running these tests', () => {
    expect(satisfies(process.versions.node, engines), `Node ${process.versions.node} against engines "${engines}"`).toBe(true);
  });

  it('ships an LTS line it supports in every stage of the image, the line CI runs the tests on', () => {
    const majors = dockerMajors();
    expect(majors.length).toBeGreaterThanOrEqual(2);
    expect(new Set(majors).size).toBe(1);
    const major = majors[0]!;
    // An LTS line is even; the image takes its latest release.
    expect(major % 2).toBe(0);
    expect(satisfies(`${major}.99.0`, engines)).toBe(true);
    expect(ciMajor()).toBe(major);
  });
});
