// Loads every built-in module so that each registers itself in BUILTIN_MODULES.
import './dezero';
import './stdlib';
import './numpy';
