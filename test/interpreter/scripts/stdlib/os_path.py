# os and os.path: pure path functions, the script's folder as working directory.
import os
import os.path
from os.path import join, split, splitext, basename, dirname, normpath

print(join('a', 'b', '/c', 'd'), join('a/', 'b'), join('', 'x'), join('a', ''))
for p in ['a/b/c.txt', '/a', 'a/', '//a//b//', 'a', '', '/', 'a.b/c', '.bashrc', 'a/.x.y', 'a..b']:
    print(repr(p), split(p), dirname(p), basename(p), splitext(p), normpath(p))
print(normpath('a/./b/../../..'), normpath('//a'), normpath('///a/../..'), normpath('a//b/./c/'))
print(os.path.relpath('a/b', 'a/c'), os.path.relpath('/x/y', '/x'), os.path.commonprefix(['abc', 'abd']))
print(os.path.isabs('/a'), os.path.isabs('a'), os.path.splitdrive('a/b'), os.path.expanduser('x'))
print(os.path.abspath('x.txt') == os.path.join(os.getcwd(), 'x.txt'))
print(os.path.dirname(os.path.abspath(__file__)) == os.getcwd())
print(os.path.exists(__file__), os.path.isfile(__file__), os.path.isdir(os.getcwd()))
print(os.path.exists('no_such_file.txt'), os.path.isfile('no_such_file.txt'))
print(os.path.getsize('os_path.py') > 100)
print(os.name, os.sep, os.curdir, os.pardir, os.extsep, os.linesep == '\n')
print(os.environ.get('GRADSCOPE_SURELY_UNSET', 'default'), os.getenv('GRADSCOPE_SURELY_UNSET'))
os.makedirs('out_dir/sub', exist_ok=True)
print(os.path.isdir('out_dir'), os.path.isdir('out_dir/sub'), os.path.exists('out_dir'))
os.makedirs('out_dir/sub', exist_ok=True)
try:
    os.mkdir('out_dir')
except FileExistsError as e:
    print('FileExistsError:', e)
try:
    os.path.join(None)
except TypeError as e:
    print('TypeError:', e)
try:
    os.path.join('a', 3)
except TypeError as e:
    print('TypeError:', e)

# expect: /c/d a/b x a/
# expect: 'a/b/c.txt' ('a/b', 'c.txt') a/b c.txt ('a/b/c', '.txt') a/b/c.txt
# expect: '/a' ('/', 'a') / a ('/a', '') /a
# expect: 'a/' ('a', '') a  ('a/', '') a
# expect: '//a//b//' ('//a//b', '') //a//b  ('//a//b//', '') //a/b
# expect: 'a' ('', 'a')  a ('a', '') a
# expect: '' ('', '')   ('', '') .
# expect: '/' ('/', '') /  ('/', '') /
# expect: 'a.b/c' ('a.b', 'c') a.b c ('a.b/c', '') a.b/c
# expect: '.bashrc' ('', '.bashrc')  .bashrc ('.bashrc', '') .bashrc
# expect: 'a/.x.y' ('a', '.x.y') a .x.y ('a/.x', '.y') a/.x.y
# expect: 'a..b' ('', 'a..b')  a..b ('a.', '.b') a..b
# expect: .. //a / a/b/c
# expect: ../b y ab
# expect: True False ('', 'a/b') x
# expect: True
# expect: True
# expect: True True True
# expect: False False
# expect: True
# expect: posix / . .. . True
# expect: default None
# expect: True True True
# expect: FileExistsError: [Errno 17] File exists: 'out_dir'
# expect: TypeError: expected str, bytes or os.PathLike object, not NoneType
# expect: TypeError: join() argument must be str, bytes, or os.PathLike object, not 'int'
