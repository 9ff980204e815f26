// collections: namedtuple, deque, defaultdict, OrderedDict, Counter.
import type { Interpreter } from '../interpreter';
import { PyModule } from '../objects';
import { makeModule } from '../native';
import { namedtupleFunction } from './namedtuple';
import { DEQUE } from './deque';
import { COUNTER, DEFAULTDICT, ORDEREDDICT } from './collections_dicts';

/** The module of the code running now (namedtuple classes take the caller's __module__). */
export function callerModule(ip: Interpreter): string {
  const name = ip.ev.current?.globals.get('__name__');
  return typeof name === 'string' ? name : '__main__';
}

/** The `collections` module of one interpreter (namedtuple reads the caller's module name). */
export function makeCollections(ip: Interpreter): PyModule {
  return makeModule('collections', {
    namedtuple: namedtupleFunction(() => callerModule(ip)),
    deque: DEQUE, defaultdict: DEFAULTDICT, OrderedDict: ORDEREDDICT, Counter: COUNTER,
  });
}
