/**
 * Property tests run from a fixed seed, so `npm test` gives the same verdict on every run and in CI: a failure there
 * is a change in the code, never the draw. To look further, `npm run test:explore` (NN_FC_SEED=random) draws new
 * cases on every run and prints the seed; NN_FC_SEED=<number> replays a run. A counterexample found that
 * way belongs in the test as a fixed example.
 */
import fc from "fast-check";

const asked = process.env.NN_FC_SEED;
const explore = asked === "random";
const seed = explore ? Math.floor(Math.random() * 2 ** 31) : asked ? Number(asked) : 20261126;
if (!Number.isInteger(seed)) throw new Error(`NN_FC_SEED must be an integer or "random", not ${asked}`);
if (explore || asked) console.log(`fast-check seed ${seed}`);
fc.configureGlobal({ seed });
