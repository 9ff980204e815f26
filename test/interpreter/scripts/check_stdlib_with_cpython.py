#!/usr/bin/env python3
"""Checks the standard-library scripts (stdlib/*.py) against CPython 3.11.

    python3 test/interpreter/scripts/check_stdlib_with_cpython.py [SCRIPT ...]

Each script runs with the machine's python3 in a temporary copy of its folder (scripts
write files; the tree stays clean) and must print exactly its `# expect:` lines (plus any
`# expect-stderr:` / `# expect-exit:`), as check_with_cpython.py checks them. A script whose `# requires: MODULE` line names a module this Python cannot
import (matplotlib, say) is skipped and reported as such.
"""
import importlib.util
import os
import re
import shutil
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from check_with_cpython import check, scripts  # noqa: E402

REQUIRES = re.compile(r'^#\s*requires:\s*([\w.]+)', re.M)


def missing_requirement(path):
    with open(path, encoding='utf-8') as f:
        for name in REQUIRES.findall(f.read()):
            if importlib.util.find_spec(name) is None:
                return name
    return None


def main(argv):
    files = list(scripts(argv or [os.path.join(HERE, 'stdlib')]))
    bad = skipped = 0
    for path in files:
        need = missing_requirement(path)
        if need:
            skipped += 1
            print(f'SKIP {os.path.relpath(path)} (needs {need})')
            continue
        with tempfile.TemporaryDirectory() as tmp:
            copy = os.path.join(tmp, 'scripts')
            shutil.copytree(os.path.dirname(os.path.abspath(path)), copy)
            problems = check(os.path.join(copy, os.path.basename(path)))
        if problems:
            bad += 1
            print(f'FAIL {os.path.relpath(path)}')
            print('\n'.join(problems))
    print(f'{len(files) - bad - skipped}/{len(files)} scripts agree with CPython, {skipped} skipped')
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
