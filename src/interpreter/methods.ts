// The methods of the built-in types, installed into the type objects once the types exist.
import { installStrSearch } from './methods_str';
import { installStrCase } from './methods_str_case';
import { installStrDunder } from './methods_str_dunder';
import { installStrFormat } from './str_format';
import { installListTuple } from './methods_list';
import { installDict } from './methods_dict';
import { installSet } from './methods_set';
import { installNumbers } from './methods_num';
import { installBytes } from './methods_bytes';
import { installMisc } from './methods_misc';

/** Adds every built-in type's methods (str, list, tuple, dict, set, int, float, bytes, range, …). */
export function installMethods(): void {
  installStrSearch();
  installStrCase();
  installStrDunder();
  installStrFormat();
  installListTuple();
  installDict();
  installSet();
  installNumbers();
  installBytes();
  installMisc();
}
