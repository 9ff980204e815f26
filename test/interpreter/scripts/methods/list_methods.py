# list methods
l = [3, 1, 2]
l.append(4); print(l)  # expect: [3, 1, 2, 4]
l.extend([5, 6]); l.extend(range(7, 9)); l.extend("ab"); print(l)  # expect: [3, 1, 2, 4, 5, 6, 7, 8, 'a', 'b']
l.insert(0, "first"); l.insert(-1, "pen"); l.insert(100, "last"); l.insert(-100, "zero"); print(l)
# expect: ['zero', 'first', 3, 1, 2, 4, 5, 6, 7, 8, 'a', 'pen', 'b', 'last']
print(l.pop(), l.pop(0), l.pop(-2), l)  # expect: last zero pen ['first', 3, 1, 2, 4, 5, 6, 7, 8, 'a', 'b']
l.remove("first"); l.remove("a"); print(l)  # expect: [3, 1, 2, 4, 5, 6, 7, 8, 'b']
nums = [5, 3, 5, 1, 5]
print(nums.index(5), nums.index(5, 1), nums.index(5, -2), nums.index(1, 0, 4), nums.count(5), nums.count(9))
# expect: 0 2 4 3 3 0
print([1, 1.0, True].count(1), [[1], [1]].count([1]), ["a"].index("a"))  # expect: 3 2 0
nums.sort(); print(nums)  # expect: [1, 3, 5, 5, 5]
nums.sort(reverse=True); print(nums)  # expect: [5, 5, 5, 3, 1]
words = ["banana", "Apple", "cherry", "date"]
words.sort(key=str.lower); print(words)  # expect: ['Apple', 'banana', 'cherry', 'date']
words.sort(key=len); print(words)  # expect: ['date', 'Apple', 'banana', 'cherry']
words.sort(key=len, reverse=True); print(words)  # expect: ['banana', 'cherry', 'Apple', 'date']
pairs = [(1, "b"), (0, "z"), (1, "a"), (0, "y")]
pairs.sort(key=lambda p: p[0]); print(pairs)  # expect: [(0, 'z'), (0, 'y'), (1, 'b'), (1, 'a')]
pairs.sort(key=lambda p: p[0], reverse=True); print(pairs)  # expect: [(1, 'b'), (1, 'a'), (0, 'z'), (0, 'y')]
r = [1, 2, 3]; r.reverse(); print(r)  # expect: [3, 2, 1]
c = r.copy(); c.append(0); print(r, c)  # expect: [3, 2, 1] [3, 2, 1, 0]
c.clear(); print(c, len(c))  # expect: [] 0
e = []
e.extend(e); e.sort(); e.reverse(); print(e, e.copy())  # expect: [] []
alias = [1, 2]; alias.extend(alias); print(alias)  # expect: [1, 2, 1, 2]
print(sorted([3, 1, 2], reverse=True), [].sort() is None)  # expect: [3, 2, 1] True
for bad in [lambda: [].pop(), lambda: [1].pop(5), lambda: [1].pop(-2), lambda: [1].remove(2), lambda: [1].index(2),
            lambda: [1, 2].index(1, 1), lambda: [].append(), lambda: [].append(1, 2), lambda: [].insert(1),
            lambda: [].pop(1, 2), lambda: [].pop("a"), lambda: [3, "a"].sort(), lambda: [].sort(1),
            lambda: [].sort(bad=1), lambda: [].index(), lambda: [1].index(1, None), lambda: list.append(5, 1),
            lambda: list.append(), lambda: [].copy(1), lambda: [].append(x=1), lambda: [].extend(5),
            lambda: [].pop(index=0)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
        # expect: IndexError pop from empty list
        # expect: IndexError pop index out of range
        # expect: IndexError pop index out of range
        # expect: ValueError list.remove(x): x not in list
        # expect: ValueError 2 is not in list
        # expect: ValueError 1 is not in list
        # expect: TypeError list.append() takes exactly one argument (0 given)
        # expect: TypeError list.append() takes exactly one argument (2 given)
        # expect: TypeError insert expected 2 arguments, got 1
        # expect: TypeError pop expected at most 1 argument, got 2
        # expect: TypeError 'str' object cannot be interpreted as an integer
        # expect: TypeError '<' not supported between instances of 'str' and 'int'
        # expect: TypeError sort() takes no positional arguments
        # expect: TypeError 'bad' is an invalid keyword argument for sort()
        # expect: TypeError index expected at least 1 argument, got 0
        # expect: TypeError slice indices must be integers or have an __index__ method
        # expect: TypeError descriptor 'append' for 'list' objects doesn't apply to a 'int' object
        # expect: TypeError unbound method list.append() needs an argument
        # expect: TypeError list.copy() takes no arguments (1 given)
        # expect: TypeError list.append() takes no keyword arguments
        # expect: TypeError 'int' object is not iterable
        # expect: TypeError list.pop() takes no keyword arguments
