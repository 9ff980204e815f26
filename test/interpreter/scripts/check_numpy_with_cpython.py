"""Dev check: runs every script of test/interpreter/scripts/numpy with CPython + NumPy and
verifies that CPython's stdout equals the script's `# expect:` lines (the lines Gradscope's
interpreter must print), that its stderr holds the `# expect-stderr:` fragments in order and
that it exits with `# expect-exit:` (default 0). Each script runs in a temporary copy of its
folder, as the mocha runner does.

    python3 test/interpreter/scripts/check_numpy_with_cpython.py [folder]
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

EXPECT = re.compile(r'#\s*expect(-stderr|-exit)?:(.*)$')


def expected(source):
    """stdout lines, stderr fragments and exit status, read as test/interpreter/expect_runner.ts reads them."""
    stdout, stderr, exit_code = [], [], 0
    for line in source.split('\n'):
        m = EXPECT.search(line.rstrip('\r'))
        if not m:
            continue
        text = m.group(2)[1:] if m.group(2).startswith(' ') else m.group(2)
        if m.group(1) == '-stderr':
            stderr.append(text)
        elif m.group(1) == '-exit':
            exit_code = int(text.strip())
        else:
            stdout.append(text)
    return stdout, stderr, exit_code


def stderr_ok(lines, fragments):
    """Each fragment is contained in a later stderr line than the previous one."""
    at = 0
    for f in fragments:
        while at < len(lines) and f not in lines[at]:
            at += 1
        if at == len(lines):
            return False
        at += 1
    return True


def run(folder, name):
    tmp = tempfile.mkdtemp(prefix='gradscope-cpython-')
    try:
        shutil.copytree(folder, tmp, dirs_exist_ok=True)
        r = subprocess.run([sys.executable, name], cwd=tmp, capture_output=True, text=True, timeout=600)
        return r.stdout, r.stderr, r.returncode
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    folder = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, 'numpy')
    import numpy
    print(f'CPython {sys.version.split()[0]}, NumPy {numpy.__version__}')
    failures = 0
    names = sorted(n for n in os.listdir(folder) if n.endswith('.py'))
    for name in names:
        want, want_err, want_exit = expected(open(os.path.join(folder, name), encoding='utf-8').read())
        stdout, stderr, code = run(folder, name)
        got = stdout.split('\n')
        if got and got[-1] == '':
            got.pop()
        if got == want and code == want_exit and stderr_ok(stderr.split('\n'), want_err):
            print(f'ok    {name} ({len(want)} lines)')
            continue
        failures += 1
        print(f'FAIL  {name} (exit {code}, expected {want_exit}; stderr fragments found: {stderr_ok(stderr.split(chr(10)), want_err)})')
        for i in range(max(len(got), len(want))):
            g = got[i] if i < len(got) else '<missing>'
            w = want[i] if i < len(want) else '<missing>'
            if g != w:
                print(f'  line {i + 1}:\n    expected: {w!r}\n    cpython:  {g!r}')
                break
        if stderr.strip():
            print('  stderr: ' + stderr.strip().splitlines()[-1])
    print(f'{len(names) - failures}/{len(names)} scripts agree with CPython')
    sys.exit(1 if failures else 0)


if __name__ == '__main__':
    main()
