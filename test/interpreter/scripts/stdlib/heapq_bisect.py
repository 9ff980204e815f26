# heapq and bisect: CPython's algorithms, so the heap lists end in the same order.
import heapq
import bisect

h = []
for v in [5, 1, 8, 3, 9, 2, 7]:
    heapq.heappush(h, v)
print(h)  # expect: [1, 3, 2, 5, 9, 8, 7]
print(heapq.heappop(h), h)  # expect: 1 [2, 3, 7, 5, 9, 8]
data = [9, 4, 7, 1, 8, 2, 6, 3, 5, 0]
heapq.heapify(data)
print(data)  # expect: [0, 1, 2, 3, 4, 7, 6, 9, 5, 8]
print(heapq.heapreplace(data, 10), data)  # expect: 0 [1, 3, 2, 5, 4, 7, 6, 9, 10, 8]
print(heapq.heappushpop(data, -1), heapq.heappushpop(data, 4), data)  # expect: -1 1 [2, 3, 4, 5, 4, 7, 6, 9, 10, 8]
print([heapq.heappop(data) for _ in range(len(data))])  # expect: [2, 3, 4, 4, 5, 6, 7, 8, 9, 10]
print(heapq.nlargest(3, [1, 8, 2, 9, 3]), heapq.nsmallest(2, ['bb', 'a', 'ccc'], key=len))
# expect: [9, 8, 3] ['a', 'bb']
print(heapq.nlargest(2, [('a', 2), ('b', 3), ('c', 3)], key=lambda t: t[1]))  # expect: [('b', 3), ('c', 3)]
print(list(heapq.merge([1, 4, 7], [2, 5], [3, 8])), list(heapq.merge([3, 1], [2], reverse=True)))
# expect: [1, 2, 3, 4, 5, 7, 8] [3, 2, 1]
tasks = []
heapq.heappush(tasks, (2, 'write'))
heapq.heappush(tasks, (1, 'plan'))
heapq.heappush(tasks, (2, 'test'))
print([heapq.heappop(tasks) for _ in range(3)])  # expect: [(1, 'plan'), (2, 'test'), (2, 'write')]
for f in [lambda: heapq.heappop([]), lambda: heapq.heapreplace([], 1), lambda: heapq.heappush((), 1)]:
    try:
        f()
    except (IndexError, TypeError) as e:
        print(type(e).__name__ + ':', e)
        # expect: IndexError: index out of range
        # expect: IndexError: index out of range
        # expect: TypeError: heappush() argument 1 must be list, not tuple

a = [1, 2, 4, 4, 8]
print(bisect.bisect_left(a, 4), bisect.bisect_right(a, 4), bisect.bisect(a, 5), bisect.bisect_left(a, 0))
# expect: 2 4 4 0
bisect.insort(a, 3)
bisect.insort_left(a, 4)
print(a)  # expect: [1, 2, 3, 4, 4, 4, 8]
print(bisect.bisect_left(a, 4, 0, 3), bisect.bisect_right([(1, 'a'), (3, 'b')], 2, key=lambda t: t[0]))  # expect: 3 1
grades = 'FDCBA'
print([grades[bisect.bisect([60, 70, 80, 90], s)] for s in [33, 99, 77, 70, 89, 90, 100]])
# expect: ['F', 'A', 'C', 'C', 'B', 'A', 'A']
