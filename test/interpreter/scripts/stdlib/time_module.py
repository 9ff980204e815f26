# time: clocks move forward; sleep() advances them without blocking.
import time

t0, p0, m0 = time.time(), time.perf_counter(), time.monotonic()
print(t0 > 1.6e9, isinstance(time.time_ns(), int), isinstance(p0, float))  # expect: True True True
time.sleep(0.05)
print(time.perf_counter() - p0 >= 0.05, time.monotonic() - m0 >= 0.05, time.time() - t0 >= 0.04)
# expect: True True True
print(time.perf_counter_ns() >= int(p0 * 1e9), time.process_time() >= 0)  # expect: True True
for bad in [-1, float('nan')]:
    try:
        time.sleep(bad)
    except ValueError as e:
        print('ValueError:', e)
        # expect: ValueError: sleep length must be non-negative
        # expect: ValueError: Invalid value NaN (not a number)
start = time.time()
total = sum(range(1000))
elapsed = time.time() - start
print(total, elapsed >= 0, f'{0.0:.3f}s')  # expect: 499500 True 0.000s
