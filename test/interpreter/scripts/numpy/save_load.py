# np.save / np.load / np.savez / np.savez_compressed round trips in the script's folder.
import numpy as np

a = np.arange(6, dtype=np.float32).reshape(2, 3) / 4
np.save('a.npy', a)
b = np.load('a.npy')
print(repr(b), np.array_equal(a, b), b.dtype)
# expect: array([[0.  , 0.25, 0.5 ],
# expect:        [0.75, 1.  , 1.25]], dtype=float32) True float32
np.save('noext', np.array([True, False]))
print(repr(np.load('noext.npy')))
# expect: array([ True, False])
np.save('scalar.npy', np.float64(2.5))
print(repr(np.load('scalar.npy')))
# expect: array(2.5)
np.save('ints.npy', np.array([[1, -2], [3, 2**40]]))
print(repr(np.load('ints.npy')))
# expect: array([[            1,            -2],
# expect:        [            3, 1099511627776]])

np.savez('arrays.npz', np.ones(2), w=np.eye(2), b=np.zeros(3, dtype=np.int32))
f = np.load('arrays.npz')
print(f.files, sorted(f.keys()), len(f), 'w' in f, 'x' in f)
# expect: ['w', 'b', 'arr_0'] ['arr_0', 'b', 'w'] 3 True False
print(repr(f['w']), repr(f['b']), repr(f['arr_0']))
# expect: array([[1., 0.],
# expect:        [0., 1.]]) array([0, 0, 0], dtype=int32) array([1., 1.])
for name in f:
    print(name, f[name].shape)
# expect: w (2, 2)
# expect: b (3,)
# expect: arr_0 (2,)
try:
    f['missing']
except KeyError as e:
    print('KeyError', e)
# expect: KeyError 'missing is not a file in the archive'
f.close()
params = {'l1/W': np.random.RandomState(0).randn(2, 2), 'l1/b': np.zeros(2)}
np.savez_compressed('weights', **params)
with np.load('weights.npz') as data:
    for k in ('l1/W', 'l1/b'):
        print(k, data[k])
    loaded = {k: data[k] for k in data.files}
# expect: l1/W [[1.76405235 0.40015721]
# expect:  [0.97873798 2.2408932 ]]
# expect: l1/b [0. 0.]
print(sorted(loaded), np.allclose(loaded['l1/W'], params['l1/W']))
# expect: ['l1/W', 'l1/b'] True
try:
    np.load('nope.npy')
except FileNotFoundError as e:
    print('FileNotFoundError', e)
# expect: FileNotFoundError [Errno 2] No such file or directory: 'nope.npy'
