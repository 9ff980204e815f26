# requires: matplotlib
# matplotlib.pyplot: figures are recorded, show() returns at once, savefig writes the file.
# (Expectations written for matplotlib 3.8 with the Agg backend.)
import os
import matplotlib
matplotlib.use('Agg')
import matplotlib.pyplot as plt
import numpy as np

x = np.linspace(0, 2 * np.pi, 50)
lines = plt.plot(x, np.sin(x), 'r--', label='sin')
plt.plot(x, np.cos(x), label='cos')
plt.xlabel('x')
plt.ylabel('y')
plt.title('trig')
plt.legend()
plt.grid(True)
print(len(lines), plt.get_fignums())  # expect: 1 [1]
plt.savefig('trig.svg')
print(os.path.exists('trig.svg'))  # expect: True
fig, axes = plt.subplots(2, 2, figsize=(8, 6))
print(axes.shape, len(axes))  # expect: (2, 2) 2
axes[0, 0].imshow(np.arange(12).reshape(3, 4), cmap='gray')
n, bins, patches = axes[0, 1].hist(np.array([1, 2, 2, 3, 3, 3, 4.5]), bins=4)
print(n, bins, len(patches))  # expect: [1. 2. 3. 1.] [1.    1.875 2.75  3.625 4.5  ] 4
axes[1, 0].bar(['a', 'b', 'c'], [3, 1, 2])
axes[1, 1].scatter([1, 2, 3], [3, 1, 2])
for ax in axes.flat:
    ax.set_title('panel')
print(plt.get_fignums())  # expect: [1, 2]
plt.show()
plt.close('all')
fig = plt.figure(figsize=(4, 3))
ax = fig.add_subplot(111)
ax.plot([1, 2, 3], [1, 4, 9], marker='o')
ax.set_xlim(0, 4)
print(ax.get_xlim(), fig.number, len(fig.axes))  # expect: (0.0, 4.0) 1 1
plt.savefig('square.svg')
plt.close(fig)
print(plt.get_fignums(), os.path.exists('square.svg'))  # expect: [] True
