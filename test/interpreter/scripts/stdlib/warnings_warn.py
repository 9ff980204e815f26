# warnings: warn() prints `file:line: Category: message` and the line to stderr, once per place.
import warnings


def old_api():
    warnings.warn('old_api is deprecated', stacklevel=2)
    return 1


print(old_api())  # expect: 1
for i in range(3):
    warnings.warn('in a loop')
warnings.warn('a runtime warning', RuntimeWarning)
warnings.warn(UserWarning('an instance'))
warnings.warn('hidden', DeprecationWarning)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter('always')
    warnings.warn('recorded', UserWarning)
    warnings.warn('recorded too', FutureWarning)
print(len(caught), [w.category.__name__ for w in caught], [str(w.message) for w in caught])
# expect: 2 ['UserWarning', 'FutureWarning'] ['recorded', 'recorded too']
warnings.simplefilter('error')
try:
    warnings.warn('now an error')
except UserWarning as e:
    print('raised', e)  # expect: raised now an error
warnings.resetwarnings()
warnings.filterwarnings('ignore', message='ign')
warnings.warn('ignored message')
warnings.warn('shown message')
warnings.simplefilter('ignore')
warnings.warn('silent')
print(warnings.formatwarning('m', UserWarning, 'f.py', 3), end='')  # expect: f.py:3: UserWarning: m
print('done')  # expect: done
# expect-stderr: warnings_warn.py:10: UserWarning: old_api is deprecated
# expect-stderr:   print(old_api())
# expect-stderr: warnings_warn.py:12: UserWarning: in a loop
# expect-stderr: warnings_warn.py:13: RuntimeWarning: a runtime warning
# expect-stderr: warnings_warn.py:14: UserWarning: an instance
# expect-stderr: warnings_warn.py:30: UserWarning: shown message
