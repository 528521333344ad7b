import { describeMutationInputs } from './property/mutation-inputs.ts';

/** Every mutation under hostile input (property/mutation-inputs.ts), a few runs each; `npm run test:long` runs many more. */
describeMutationInputs(Number(process.env.MUTATION_INPUT_RUNS ?? 4));
