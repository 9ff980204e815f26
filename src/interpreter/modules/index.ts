// Built-in modules by import name; each factory builds the module for one interpreter.
import type { PyModule } from '../objects';
import type { Interpreter } from '../interpreter';

export type ModuleFactory = (ip: Interpreter) => PyModule;

export const BUILTIN_MODULES = new Map<string, ModuleFactory>();
