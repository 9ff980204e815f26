# random: CPython's Mersenne Twister seeding and algorithms give the same draws as CPython.
import random

random.seed(0)
print(random.random())  # expect: 0.8444218515250481
print([random.randint(1, 10) for _ in range(10)])  # expect: [7, 1, 5, 9, 8, 7, 5, 8, 6, 10]
print(random.randrange(0, 100, 7), random.randrange(10), random.randrange(-5, 5))  # expect: 98 3 3
print(random.choice('abcdef'), random.choice([1, 2, 3]))  # expect: b 2
xs = list(range(20))
random.shuffle(xs)
print(xs)  # expect: [0, 13, 16, 15, 6, 18, 2, 12, 17, 7, 5, 10, 14, 11, 1, 9, 19, 8, 3, 4]
print(random.sample(range(100), 5), random.sample('abcdefghij', 3), random.sample(range(10**9), 3))
# expect: [56, 66, 33, 7, 70] ['a', 'b', 'g'] [762628805, 885670547, 842938612]
print(random.uniform(1, 2), random.gauss(0, 1), random.gauss(0, 1), random.gauss(5, 2))
# expect: 1.668153201231851 1.166490138238534 0.008376179502044914 6.0072601127570096
print(random.normalvariate(), random.expovariate(2.0), random.triangular(0, 10, 3))
# expect: -2.3150592308536755 0.10601964838119256 4.497796063707474
print(random.choices('abc', k=5), random.choices([1, 2, 3], weights=[10, 1, 1], k=5), random.choices('xy', cum_weights=[1, 5], k=4))
# expect: ['a', 'c', 'c', 'b', 'a'] [1, 1, 3, 1, 1] ['y', 'y', 'y', 'y']
print(random.getrandbits(1), random.getrandbits(31), random.getrandbits(64), random.getrandbits(100))
# expect: 1 1716756643 10094613675926773650 114483825448535202167465579127
print(random.gammavariate(2.5, 1.0), random.gammavariate(0.5, 2.0), random.betavariate(2, 3), random.lognormvariate(0, 1))
# expect: 3.0383037327371487 0.9289829135652578 0.1899740075202295 0.9567289782464379
print(random.paretovariate(3), random.weibullvariate(1, 2))  # expect: 1.6038292773555722 1.4469643258314957
random.seed(12345678901234567890)
print(random.random())  # expect: 0.5120180983871961
for seed in [-7, 3.5, -2.25, True, 2 ** 100, 'hello', b'bytes seed', '']:
    random.seed(seed)
    print(seed, random.random())
    # expect: -7 0.32383276483316237
    # expect: 3.5 0.3039190124834461
    # expect: -2.25 0.9236205677220981
    # expect: True 0.13436424411240122
    # expect: 1267650600228229401496703205376 0.7586581712996778
    # expect: hello 0.3537754404730722
    # expect: b'bytes seed' 0.7731514366044835
    # expect:  0.9602256525641875
r = random.Random(42)
print(r.random(), r.randint(0, 100))  # expect: 0.6394267984578837 3
state = r.getstate()
a = r.random()
r.setstate(state)
print(a == r.random(), len(state[1]), state[0])  # expect: True 625 3
print(random.sample(range(1000), 30))
# expect: [609, 211, 397, 885, 751, 770, 226, 876, 351, 792, 638, 7, 991, 615, 645, 334, 374, 882, 49, 470, 399, 314, 197, 839, 172, 522, 272, 401, 679, 26]
print(random.sample(['a', 'b', 'c'], k=4, counts=[1, 2, 3]))  # expect: ['b', 'b', 'c', 'a']
try:
    random.choice([])
except IndexError as e:
    print('IndexError:', e)  # expect: IndexError: Cannot choose from an empty sequence
for f in [lambda: random.randrange(5, 5), lambda: random.randrange(0), lambda: random.randint(3, 1),
          lambda: random.sample([1, 2], 3), lambda: random.randrange(0, 10, 0)]:
    try:
        f()
    except ValueError as e:
        print('ValueError:', e)
        # expect: ValueError: empty range for randrange() (5, 5, 0)
        # expect: ValueError: empty range for randrange()
        # expect: ValueError: empty range for randrange() (3, 2, -1)
        # expect: ValueError: Sample larger than population or is negative
        # expect: ValueError: zero step for randrange()
try:
    random.sample({1, 2}, 1)
except TypeError as e:
    print('TypeError:', e)  # expect: TypeError: Population must be a sequence.  For dicts or sets, use sorted(d).
random.seed(1)
xs = [random.random() for _ in range(1000)]
print(min(xs) >= 0, max(xs) < 1, round(sum(xs) / len(xs), 2))  # expect: True True 0.51
