// Newton's method with double backprop on y = x⁴ − 2x², printed as DeZero prints it.
import { F, Variable, np } from '../src/engine/index';

const x = new Variable(np.array(2.0));
for (let i = 0; i < 8; i++) {
  console.log(i, x.toString());
  const y = F.sub(F.pow(x, 4n), F.mul(F.pow(x, 2n), 2n));
  x.cleargrad();
  y.backward({ createGraph: true });
  const gx = x.grad!;
  x.cleargrad();
  gx.backward();
  x.data = x.data!.sub(gx.data!.div(x.grad!.data!));
}
