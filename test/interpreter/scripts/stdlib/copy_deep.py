# copy: shallow and deep copies of containers, instances, namedtuples, collections; memo for cycles.
import copy
from collections import Counter, OrderedDict, defaultdict, deque, namedtuple

a = [1, [2, 3], {'k': [4]}]
s = copy.copy(a)
d = copy.deepcopy(a)
s[1].append('shallow')
print(a, d, s is a, s[1] is a[1], d[1] is a[1])
# expect: [1, [2, 3, 'shallow'], {'k': [4]}] [1, [2, 3], {'k': [4]}] False True False
t = (1, 2)
print(copy.copy(t) is t, copy.deepcopy(t) is t, copy.deepcopy((1, [2]))[1] is not (1, [2])[1])  # expect: True True True
print(copy.copy({1, 2}), copy.deepcopy({'a': {1}}), copy.copy(None), copy.deepcopy('str'))
# expect: {1, 2} {'a': {1}} None str


class Layer:
    def __init__(self, w):
        self.w = w
        self.params = {'w': w}


L = Layer([1.0, 2.0])
L2 = copy.deepcopy(L)
L2.w.append(3.0)
print(L.w, L2.w, L2.params['w'] is L2.w, type(L2).__name__)  # expect: [1.0, 2.0] [1.0, 2.0, 3.0] True Layer
L3 = copy.copy(L)
print(L3.w is L.w, L3 is L)  # expect: True False


class Custom:
    def __init__(self, v):
        self.v = v

    def __copy__(self):
        return Custom('copied ' + self.v)

    def __deepcopy__(self, memo):
        return Custom('deep ' + self.v)


print(copy.copy(Custom('x')).v, copy.deepcopy(Custom('x')).v, copy.deepcopy([Custom('y')])[0].v)
# expect: copied x deep x deep y


class WithState:
    def __init__(self):
        self.a = 1
        self.cache = 'big'

    def __getstate__(self):
        state = self.__dict__.copy()
        del state['cache']
        return state

    def __setstate__(self, state):
        for k, v in state.items():
            setattr(self, k, v)
        self.cache = 'rebuilt'


w = copy.deepcopy(WithState())
print(w.a, w.cache)  # expect: 1 rebuilt
cyc = [1]
cyc.append(cyc)
c2 = copy.deepcopy(cyc)
print(c2[1] is c2, c2[1] is not cyc)  # expect: True True
shared = [0]
pair = [shared, shared]
p2 = copy.deepcopy(pair)
print(p2[0] is p2[1])  # expect: True
P = namedtuple('P', 'x y')
print(copy.deepcopy(P([1], 2)), copy.copy(P(1, 2)))  # expect: P(x=[1], y=2) P(x=1, y=2)
dd = defaultdict(list, {'a': [1]})
dd2 = copy.deepcopy(dd)
dd2['a'].append(2)
dd2['b'].append(3)
print(dd, dd2)  # expect: defaultdict(<class 'list'>, {'a': [1]}) defaultdict(<class 'list'>, {'a': [1, 2], 'b': [3]})
print(copy.deepcopy(OrderedDict(a=1)), copy.copy(Counter('aab')), copy.deepcopy(deque([[1]], maxlen=3)))
# expect: OrderedDict([('a', 1)]) Counter({'a': 2, 'b': 1}) deque([[1]], maxlen=3)
try:
    raise ValueError('x', 1)
except ValueError as e:
    e2 = copy.copy(e)
    print(type(e2).__name__, e2.args)  # expect: ValueError ('x', 1)
