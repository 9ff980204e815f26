"""Dev check: runs every script of this folder (except check_*.py) with CPython, NumPy and
the reference DeZero of scripts/yardstick_ref (DeZero itself cannot be installed here), and
verifies that CPython's stdout equals the script's `# expect:` lines, that its stderr holds
the `# expect-stderr:` fragments in order and that it exits with `# expect-exit:`.

    python3 test/interpreter/scripts/dezero/check_with_ref.py [script.py ...]
"""
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
from check_numpy_with_cpython import expected, stderr_ok  # noqa: E402

REF = os.path.join(HERE, '..', '..', '..', '..', 'scripts', 'yardstick_ref')


def run(name):
    tmp = tempfile.mkdtemp(prefix='gradscope-ref-')
    try:
        shutil.copytree(HERE, tmp, dirs_exist_ok=True)
        env = dict(os.environ, PYTHONPATH=os.path.abspath(REF), PYTHONHASHSEED='0')
        r = subprocess.run([sys.executable, name], cwd=tmp, capture_output=True, text=True, timeout=600, env=env)
        return r.stdout, r.stderr, r.returncode
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def main():
    names = sys.argv[1:] or sorted(n for n in os.listdir(HERE) if n.endswith('.py') and not n.startswith('check_'))
    failures = 0
    for name in names:
        want, want_err, want_exit = expected(open(os.path.join(HERE, name), encoding='utf-8').read())
        stdout, stderr, code = run(name)
        got = stdout.split('\n')
        if got and got[-1] == '':
            got.pop()
        if got == want and code == want_exit and stderr_ok(stderr.split('\n'), want_err):
            print(f'ok    {name} ({len(want)} lines)')
            continue
        failures += 1
        print(f'FAIL  {name} (exit {code}, expected {want_exit})')
        for i in range(max(len(got), len(want))):
            g = got[i] if i < len(got) else '<missing>'
            w = want[i] if i < len(want) else '<missing>'
            if g != w:
                print(f'  line {i + 1}:\n    expected: {w!r}\n    cpython:  {g!r}')
                break
        if stderr.strip():
            print('  stderr: ' + stderr.strip().splitlines()[-1])
    print(f'{len(names) - failures}/{len(names)} scripts agree with CPython + the reference DeZero')
    sys.exit(1 if failures else 0)


if __name__ == '__main__':
    main()
