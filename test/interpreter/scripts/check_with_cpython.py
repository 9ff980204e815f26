#!/usr/bin/env python3
"""Checks `# expect:` scripts against CPython (a dev tool; the mocha tests never run Python).

    python3 test/interpreter/scripts/check_with_cpython.py [PATH ...]
    python3 test/interpreter/scripts/check_with_cpython.py --annotate FILE ...

PATH is a script or a folder of scripts (default: every folder beside this file; the
check_*.py tools are not scripts). Each
script runs with the machine's python3 (which should be 3.11), in its own folder, and must
produce exactly the `# expect:` lines on stdout, a stderr line containing each
`# expect-stderr:` text (in order), and the `# expect-exit:` status (default 0); the same
grammar test/interpreter/expect_runner.ts reads.

--annotate rewrites each FILE with `# expect:` comments taken from CPython's output: after the
module-level statement that printed, or trailing it when it printed one short line. Review
the result: CPython is the reference, but the comments only say what it printed.
"""
import ast
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
EXPECT = re.compile(r'#\s*expect(-stderr|-exit)?:(.*)$')


def expectations(source):
    out = {'stdout': [], 'stderr': [], 'exit': 0}
    for line in source.split('\n'):
        m = EXPECT.search(line.rstrip('\r'))
        if not m:
            continue
        text = m.group(2)[1:] if m.group(2).startswith(' ') else m.group(2)
        if m.group(1) == '-stderr':
            out['stderr'].append(text)
        elif m.group(1) == '-exit':
            out['exit'] = int(text.strip())
        else:
            out['stdout'].append(text)
    return out


def run(path):
    env = dict(os.environ, PYTHONHASHSEED='0', PYTHONIOENCODING='utf-8')
    return subprocess.run([sys.executable, os.path.basename(path)], cwd=os.path.dirname(os.path.abspath(path)),
                          capture_output=True, text=True, encoding='utf-8', env=env, timeout=120)


def check(path):
    with open(path, encoding='utf-8') as f:
        want = expectations(f.read())
    got = run(path)
    problems = []
    out = got.stdout.split('\n')
    if out and out[-1] == '':
        out.pop()
    if out != want['stdout']:
        for i in range(max(len(out), len(want['stdout']))):
            a = out[i] if i < len(out) else '<missing>'
            b = want['stdout'][i] if i < len(want['stdout']) else '<missing>'
            if a != b:
                problems.append(f'  line {i + 1}: CPython {a!r}\n          expected {b!r}')
                break
        problems.append(f'  ({len(out)} lines from CPython, {len(want["stdout"])} expected)')
    err = got.stderr.split('\n')
    at = 0
    for w in want['stderr']:
        while at < len(err) and w not in err[at]:
            at += 1
        if at >= len(err):
            problems.append(f'  stderr has no line containing {w!r}')
            break
        at += 1
    if got.returncode != want['exit']:
        problems.append(f'  exit status {got.returncode}, expected {want["exit"]}\n{got.stderr}')
    return problems


# --annotate: rerun the script with print() recording the module-level line that caused it.
RECORDER = r'''
import builtins, io, sys, json
_real_print = builtins.print
_log = []
def _print(*a, **k):
    if k.get('file') not in (None, sys.stdout):
        return _real_print(*a, **k)
    buf = io.StringIO()
    _real_print(*a, **dict(k, file=buf))
    f = sys._getframe(1)
    while f is not None and f.f_code.co_name != '<module>':
        f = f.f_back
    _log.append((f.f_lineno if f else 0, buf.getvalue()))
builtins.print = _print
try:
    exec(compile(open(sys.argv[1], encoding='utf-8').read(), sys.argv[1], 'exec'), {'__name__': '__main__'})
finally:
    sys.__stdout__.write('\0' + json.dumps(_log))
'''


def statement_ends(source):
    """For each line, the last line of the innermost simple statement that starts or spans it."""
    ends = {}
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.stmt) and not hasattr(node, 'body'):
            for ln in range(node.lineno, node.end_lineno + 1):
                if ln not in ends or ends[ln][1] - ends[ln][0] > node.end_lineno - node.lineno:
                    ends[ln] = (node.lineno, node.end_lineno)
    return ends


def annotate(path):
    import json
    with open(path, encoding='utf-8') as f:
        source = f.read()
    lines = [ln for ln in source.split('\n') if not re.match(r'\s*#\s*expect:', ln)]
    lines = [EXPECT.sub('', ln).rstrip() if EXPECT.search(ln) and '-stderr' not in ln and '-exit' not in ln else ln for ln in lines]
    source = '\n'.join(lines)
    with open(path, 'w', encoding='utf-8') as f:
        f.write(source)
    got = subprocess.run([sys.executable, '-c', RECORDER, os.path.basename(path)], cwd=os.path.dirname(os.path.abspath(path)),
                         capture_output=True, text=True, encoding='utf-8', env=dict(os.environ, PYTHONHASHSEED='0'))
    log = json.loads(got.stdout[got.stdout.rindex('\0') + 1:])
    ends = statement_ends(source)
    after = {}
    last = 0
    for lineno, text in log:
        start, end = ends.get(lineno, (lineno, lineno))
        if end < last:
            raise SystemExit(f'{path}: output of line {lineno} comes after output of line {last}; split the script')
        last = end
        out = text.split('\n')
        if out and out[-1] == '':
            out.pop()
        after.setdefault(end, (start, []))[1].extend(out)
    result = []
    for i, ln in enumerate(lines, 1):
        if i in after:
            start, outs = after[i]
            indent = re.match(r'\s*', lines[start - 1]).group(0)
            if start == i and len(outs) == 1 and len(ln) + len(outs[0]) < 110:
                result.append(f'{ln}  # expect: {outs[0]}')
                continue
            result.append(ln)
            result.extend(f'{indent}# expect: {o}'.rstrip(' ') if o == '' else f'{indent}# expect: {o}' for o in outs)
        else:
            result.append(ln)
    with open(path, 'w', encoding='utf-8') as f:
        f.write('\n'.join(result).rstrip('\n') + '\n')


def scripts(paths):
    for p in paths:
        if os.path.isdir(p):
            for name in sorted(os.listdir(p)):
                full = os.path.join(p, name)
                if name.endswith('.py') and not name.startswith('check_'):
                    yield full
                elif os.path.isdir(full):
                    yield from scripts([full])
        else:
            yield p


def main(argv):
    if argv[:1] == ['--annotate']:
        for p in argv[1:]:
            annotate(p)
        return 0
    if sys.version_info[:2] != (3, 11):
        print(f'warning: python {sys.version.split()[0]}; the expectations are CPython 3.11\'s', file=sys.stderr)
    bad = 0
    files = list(scripts(argv or [HERE]))
    for path in files:
        problems = check(path)
        if problems:
            bad += 1
            print(f'FAIL {os.path.relpath(path)}')
            print('\n'.join(problems))
    print(f'{len(files) - bad}/{len(files)} scripts agree with CPython')
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
