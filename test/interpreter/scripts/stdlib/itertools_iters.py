# itertools: lazy iterators consuming their sources as CPython's do.
import itertools
import operator

print(list(itertools.islice(itertools.count(10, 2), 4)), list(itertools.islice(itertools.count(0.5, 0.25), 3)))
# expect: [10, 12, 14, 16] [0.5, 0.75, 1.0]
print(list(itertools.islice('abcdefg', 1, 6, 2)), list(itertools.islice('abc', None)), list(itertools.repeat('x', 3)))
# expect: ['b', 'd', 'f'] ['a', 'b', 'c'] ['x', 'x', 'x']
print(list(itertools.chain([1, 2], 'ab', (3,))), list(itertools.chain.from_iterable([[1], [2, 3], []])))
# expect: [1, 2, 'a', 'b', 3] [1, 2, 3]
print(list(itertools.product('ab', range(2))), list(itertools.product([0, 1], repeat=2)), list(itertools.product()))
# expect: [('a', 0), ('a', 1), ('b', 0), ('b', 1)] [(0, 0), (0, 1), (1, 0), (1, 1)] [()]
print(list(itertools.permutations('abc', 2)))
# expect: [('a', 'b'), ('a', 'c'), ('b', 'a'), ('b', 'c'), ('c', 'a'), ('c', 'b')]
print(list(itertools.permutations(range(3))))
# expect: [(0, 1, 2), (0, 2, 1), (1, 0, 2), (1, 2, 0), (2, 0, 1), (2, 1, 0)]
print(list(itertools.combinations(range(4), 2)), list(itertools.combinations('ab', 3)))
# expect: [(0, 1), (0, 2), (0, 3), (1, 2), (1, 3), (2, 3)] []
print(list(itertools.combinations_with_replacement('abc', 2)))
# expect: [('a', 'a'), ('a', 'b'), ('a', 'c'), ('b', 'b'), ('b', 'c'), ('c', 'c')]
print(list(itertools.zip_longest('ab', [1, 2, 3], fillvalue='-')), list(itertools.zip_longest()))
# expect: [('a', 1), ('b', 2), ('-', 3)] []
print(list(itertools.accumulate([1, 2, 3, 4])), list(itertools.accumulate([1, 2, 3], operator.mul, initial=10)))
# expect: [1, 3, 6, 10] [10, 10, 20, 60]
print(list(itertools.accumulate([3, 1, 4, 1, 5], max)))  # expect: [3, 3, 4, 4, 5]
print([(k, list(g)) for k, g in itertools.groupby('aaabccdd')])
# expect: [('a', ['a', 'a', 'a']), ('b', ['b']), ('c', ['c', 'c']), ('d', ['d', 'd'])]
print([(k, len(list(g))) for k, g in itertools.groupby([1, 3, 2, 4, 5], key=lambda v: v % 2)])
# expect: [(1, 2), (0, 2), (1, 1)]
groups = [(k, g) for k, g in itertools.groupby('aabb')]
print([(k, list(g)) for k, g in groups])  # expect: [('a', []), ('b', [])]
a, b = itertools.tee(iter([1, 2, 3]))
print(next(a), list(b), list(a))  # expect: 1 [1, 2, 3] [2, 3]
print(list(itertools.starmap(pow, [(2, 3), (3, 2)])), list(itertools.takewhile(lambda v: v < 3, [1, 2, 3, 1])))
# expect: [8, 9] [1, 2]
print(list(itertools.dropwhile(lambda v: v < 3, [1, 2, 3, 1])), list(itertools.filterfalse(None, [0, 1, 0, 2])))
# expect: [3, 1] [0, 0]
print(list(itertools.filterfalse(lambda v: v % 2, range(6))), list(itertools.compress('abcd', [1, 0, 1, 0])))
# expect: [0, 2, 4] ['a', 'c']
print(list(itertools.pairwise('abcd')), list(itertools.pairwise('a')))  # expect: [('a', 'b'), ('b', 'c'), ('c', 'd')] []
it = iter(range(10))
print(list(itertools.islice(it, 3)), next(it), list(itertools.islice(it, 1, 3)), next(it))
# expect: [0, 1, 2] 3 [5, 6] 7
cyc = itertools.cycle('ab')
print([next(cyc) for _ in range(5)])  # expect: ['a', 'b', 'a', 'b', 'a']
print(list(zip(itertools.count(), 'xyz')))  # expect: [(0, 'x'), (1, 'y'), (2, 'z')]
for bad in [lambda: itertools.islice('abc', -1), lambda: itertools.islice('abc', 0, 2, 0)]:
    try:
        bad()
    except ValueError as e:
        print('ValueError:', e)
        # expect: ValueError: Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.
        # expect: ValueError: Step for islice() must be a positive integer or None.
