# CIFAR10 / CIFAR100 without their archives beside the script: DeZero would download them;
# Gradscope raises a RuntimeError naming the file and saying where to put it (nothing is
# read before the label_type assert). cifar.test.ts runs a *_without_files.py script without
# the archives. Expectations: Gradscope's own message (CPython + DeZero would download instead).
from dezero.datasets import CIFAR10, CIFAR100

for make in (lambda: CIFAR10(), lambda: CIFAR10(train=False), lambda: CIFAR100(label_type='coarse')):
    try:
        make()
    except RuntimeError as e:
        print(str(e).split('.')[0])
# expect: CIFAR10 needs the file 'cifar-10-python
# expect: CIFAR10 needs the file 'cifar-10-python
# expect: CIFAR100 needs the file 'cifar-100-python
try:
    CIFAR100(label_type='Fine')
except AssertionError:
    print('AssertionError before any file is read')
# expect: AssertionError before any file is read
CIFAR100(train=False)
# expect-stderr: Traceback (most recent call last):
# expect-stderr: line 20, in <module>
# expect-stderr: RuntimeError: CIFAR100 needs the file 'cifar-100-python.tar.gz' next to your script. Gradscope does not download data: copy cifar-100-python.tar.gz (the original, gzip-compressed file) into the script's folder.
# expect-exit: 1
