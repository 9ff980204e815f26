// Registers the standard-library modules (math, time, sys, os, collections, …) in BUILTIN_MODULES.
import type { PyModule } from '../objects';
import { BUILTIN_MODULES, ModuleFactory } from './index';
import { makeMath } from './math';
import { makeTime } from './time';
import { makeSys } from './sys';
import { makeOs } from './os';
import { makeWeakref } from './weakref';
import { makeContextlib } from './contextlib';
import { makeBisect, makeHeapq } from './heapq';
import { makeRandom } from './random';
import { makeItertools } from './itertools';
import { makeFunctools } from './functools';
import { makeOperator } from './operator';
import { makeCollections } from './collections';
import { makeCopy } from './copy';
import { makeAbc } from './abc';
import { makeFuture, makeTyping } from './typing';
import { makeString } from './string';
import { makeWarnings } from './warnings';
import { makeUnittest } from './unittest';
import { makeMatplotlib, makePyplot } from './matplotlib';

const STDLIB: [string, ModuleFactory][] = [
  ['math', makeMath],
  ['time', makeTime],
  ['sys', makeSys],
  ['os', makeOs],
  ['os.path', (ip) => ip.importModule('os').dict.get('path') as PyModule],
  ['weakref', makeWeakref],
  ['contextlib', makeContextlib],
  ['heapq', makeHeapq],
  ['bisect', makeBisect],
  ['random', makeRandom],
  ['itertools', makeItertools],
  ['functools', makeFunctools],
  ['operator', makeOperator],
  ['collections', makeCollections],
  ['copy', makeCopy],
  ['abc', makeAbc],
  ['typing', makeTyping],
  ['__future__', makeFuture],
  ['string', makeString],
  ['warnings', makeWarnings],
  ['unittest', makeUnittest],
  ['matplotlib', makeMatplotlib],
  ['matplotlib.pyplot', makePyplot],
];

for (const [name, make] of STDLIB) BUILTIN_MODULES.set(name, make);
