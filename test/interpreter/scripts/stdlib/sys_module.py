# sys: version, limits, float_info, stdout/stderr objects, modules, exit.
import sys

print(sys.version_info >= (3, 6), sys.version_info[:2], sys.version_info.major, sys.version_info.minor)
# expect: True (3, 11) 3 11
print(sys.float_info.epsilon, sys.float_info.max, sys.float_info.min, sys.float_info.dig)
# expect: 2.220446049250313e-16 1.7976931348623157e+308 2.2250738585072014e-308 15
print(sys.maxsize, sys.maxsize == 2 ** 63 - 1, sys.byteorder)  # expect: 9223372036854775807 True little
print(isinstance(sys.argv, list), sys.argv[0].endswith('sys_module.py'), isinstance(sys.path, list))
# expect: True True True
n = sys.stdout.write('written\n')  # expect: written
print(n)  # expect: 8
print('to stderr', file=sys.stderr)
sys.stderr.write('direct to stderr\n')
sys.stdout.flush()
print('sys' in sys.modules, sys.modules['sys'] is sys, type(sys.modules['sys']).__name__)  # expect: True True module
import math
print('math' in sys.modules, sys.modules.get('math') is math)  # expect: True True
print(sys.getrecursionlimit())  # expect: 1000
sys.setrecursionlimit(2000)
print(sys.getrecursionlimit())  # expect: 2000
try:
    sys.setrecursionlimit(0)
except ValueError as e:
    print('ValueError:', e)  # expect: ValueError: recursion limit must be greater or equal than 1
try:
    sys.stdout.write(1)
except TypeError as e:
    print('TypeError:', e)  # expect: TypeError: write() argument must be str, not int
try:
    raise KeyError('k')
except KeyError:
    print(sys.exc_info()[0].__name__, repr(sys.exc_info()[1]))  # expect: KeyError KeyError('k')
print(sys.exc_info())  # expect: (None, None, None)
try:
    sys.exit(3)
except SystemExit as e:
    print('SystemExit', e.code)  # expect: SystemExit 3
try:
    sys.exit()
except SystemExit as e:
    print('SystemExit', e.code)  # expect: SystemExit None
sys.exit('bye')
# expect-stderr: to stderr
# expect-stderr: direct to stderr
# expect-stderr: bye
# expect-exit: 1
