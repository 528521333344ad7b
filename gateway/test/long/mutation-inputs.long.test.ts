import { describeMutationInputs } from '../property/mutation-inputs.ts';

/** Every mutation under hostile input (property/mutation-inputs.ts): the long run of what `npm test` tries a few times. */
describeMutationInputs(Number(process.env.MUTATION_INPUT_RUNS ?? 20));
