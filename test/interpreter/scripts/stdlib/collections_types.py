# collections: defaultdict, OrderedDict, Counter, deque.
from collections import Counter, OrderedDict, defaultdict, deque

d = defaultdict(list)
d['a'].append(1)
d['b']
print(d, repr(defaultdict(int)), defaultdict(), d.default_factory)
# expect: defaultdict(<class 'list'>, {'a': [1], 'b': []}) defaultdict(<class 'int'>, {}) defaultdict(None, {}) <class 'list'>
counts = defaultdict(int)
for w in 'the cat the hat the'.split():
    counts[w] += 1
print(dict(counts), counts['missing'], len(counts), isinstance(counts, dict))
# expect: {'the': 3, 'cat': 1, 'hat': 1} 0 4 True
try:
    defaultdict()['x']
except KeyError as e:
    print('KeyError:', e)  # expect: KeyError: 'x'
try:
    defaultdict(3)
except TypeError as e:
    print('TypeError:', e)  # expect: TypeError: first argument must be callable or None
print(d.get('zzz'), 'zzz' in d, d == {'a': [1], 'b': []}, type(d.copy()).__name__)  # expect: None False True defaultdict

o = OrderedDict([('a', 1), ('b', 2), ('c', 3)])
o.move_to_end('a')
print(o, list(o))  # expect: OrderedDict([('b', 2), ('c', 3), ('a', 1)]) ['b', 'c', 'a']
o.move_to_end('c', last=False)
print(o, OrderedDict())  # expect: OrderedDict([('c', 3), ('b', 2), ('a', 1)]) OrderedDict()
print(o.popitem(), o.popitem(last=False), o)  # expect: ('a', 1) ('c', 3) OrderedDict([('b', 2)])
print(OrderedDict(x=1) == {'x': 1}, isinstance(o, dict), type(o).__name__)  # expect: True True OrderedDict

c = Counter('abracadabra')
print(c, c.most_common(2), c['z'], Counter())
# expect: Counter({'a': 5, 'b': 2, 'r': 2, 'c': 1, 'd': 1}) [('a', 5), ('b', 2)] 0 Counter()
print(c + Counter('aaz'), c - Counter('aaaaaaaa'))
# expect: Counter({'a': 7, 'b': 2, 'r': 2, 'c': 1, 'd': 1, 'z': 1}) Counter({'b': 2, 'r': 2, 'c': 1, 'd': 1})
print(Counter(a=3, b=1) | Counter(a=1, b=2), Counter(a=3, b=1) & Counter(a=1, b=2))
# expect: Counter({'a': 3, 'b': 2}) Counter({'a': 1, 'b': 1})
c.update('zz')
c.subtract({'a': 10})
print(c, list(c.elements())[:5], c.total(), +c, -c)
# expect: Counter({'b': 2, 'r': 2, 'z': 2, 'c': 1, 'd': 1, 'a': -5}) ['b', 'b', 'r', 'r', 'c'] 3 Counter({'b': 2, 'r': 2, 'z': 2, 'c': 1, 'd': 1}) Counter({'a': 5})
print(Counter({'a': 2, 'b': -1}), Counter(['x', 'y', 'x']).most_common(), Counter(cats=4, dogs=8))
# expect: Counter({'a': 2, 'b': -1}) [('x', 2), ('y', 1)] Counter({'dogs': 8, 'cats': 4})
print(sorted(Counter('hello').items()), Counter('aab') == Counter('aba'))
# expect: [('e', 1), ('h', 1), ('l', 2), ('o', 1)] True

q = deque([1, 2, 3], maxlen=5)
q.appendleft(0)
q.extend([4, 5, 6])
print(q, q.maxlen, len(q), q[0], q[-1])  # expect: deque([2, 3, 4, 5, 6], maxlen=5) 5 5 2 6
q.rotate(2)
print(q)  # expect: deque([5, 6, 2, 3, 4], maxlen=5)
q.rotate(-1)
print(q)  # expect: deque([6, 2, 3, 4, 5], maxlen=5)
print(q.pop(), q.popleft(), q)  # expect: 5 6 deque([2, 3, 4], maxlen=5)
print(deque(), deque('ab'), deque(maxlen=2), deque(range(3)) == deque([0, 1, 2]), 2 in deque([1, 2]))
# expect: deque([]) deque(['a', 'b']) deque([], maxlen=2) True True
print(list(reversed(deque([1, 2, 3]))), bool(deque()), bool(deque([0])))  # expect: [3, 2, 1] False True
dq = deque([1, 2, 3])
dq[1] = 9
del dq[0]
print(dq, dq.index(3), dq.count(9))  # expect: deque([9, 3]) 1 1
dq.insert(0, 7)
dq.remove(9)
print(dq)  # expect: deque([7, 3])
dq.extendleft([5, 6])
print(dq)  # expect: deque([6, 5, 7, 3])
dq.reverse()
print(dq)  # expect: deque([3, 7, 5, 6])
dq.clear()
print(dq)  # expect: deque([])
for f in [lambda: deque().pop(), lambda: deque().popleft(), lambda: deque([1])[5]]:
    try:
        f()
    except IndexError as e:
        print('IndexError:', e)
        # expect: IndexError: pop from an empty deque
        # expect: IndexError: pop from an empty deque
        # expect: IndexError: deque index out of range
window = deque(maxlen=3)
for i in range(6):
    window.append(i)
    print(list(window), sum(window) / len(window))
    # expect: [0] 0.0
    # expect: [0, 1] 0.5
    # expect: [0, 1, 2] 1.0
    # expect: [1, 2, 3] 2.0
    # expect: [2, 3, 4] 3.0
    # expect: [3, 4, 5] 4.0
