# weakref: ref() returns a callable giving the object back; weak containers act as dicts/sets.
import weakref


class Node:
    def __init__(self, name):
        self.name = name


n = Node('a')
r = weakref.ref(n)
print(r() is n, r().name, isinstance(r, weakref.ref), callable(r))  # expect: True a True True
print(weakref.ref(n) == r, hash(r) == hash(n))  # expect: True True
print(weakref.proxy(n).name)  # expect: a
try:
    weakref.ref(1)
except TypeError as e:
    print('TypeError:', e)  # expect: TypeError: cannot create weak reference to 'int' object

outputs = [weakref.ref(Node(str(i))) for i in range(0)]
print(outputs)  # expect: []


class Function:
    def __call__(self, x):
        y = Node(x.name + "'")
        self.inputs = [x]
        self.outputs = [weakref.ref(y)]
        return y


f = Function()
y = f(n)
print([o().name for o in f.outputs], f.outputs[0]() is y)  # expect: ["a'"] True

d = weakref.WeakValueDictionary()
d['a'] = n
print(d['a'] is n, len(d), 'a' in d, list(d.keys()))  # expect: True 1 True ['a']
k = weakref.WeakKeyDictionary()
k[n] = 1
print(k[n], len(k))  # expect: 1 1
s = weakref.WeakSet([n])
print(n in s, len(s))  # expect: True 1
