/**
 * Shared types of the explanation engine. Pure data: nothing here knows of models, workers or the DOM.
 * Shapes are written beside matrices as `[rows, cols]`; matrices are flat, row-major typed arrays.
 */

/** How a prompt is cut into interpretable units. */
export type Granularity = 'words' | 'sentences' | 'tokens' | 'spans';

/** One interpretable unit of the prompt: its text and its half-open character range `[start, end)`. */
export interface Unit {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** A prompt cut into units, in order, non-overlapping. Text between units (whitespace) is kept by rebuild. */
export interface Segmentation {
  readonly text: string;
  readonly granularity: Granularity;
  readonly units: readonly Unit[];
}

/** Character ranges `[start, end)` of a prompt's model tokens, in order (the tokens granularity). */
export type TokenizeFn = (text: string) => ReadonlyArray<readonly [number, number]>;

/** A flat, row-major binary matrix. 1 = unit kept, 0 = unit removed. */
export interface MaskMatrix {
  /** [rows, cols] */
  readonly data: Uint8Array;
  readonly rows: number;
  readonly cols: number;
}

/** The result of a sampler: the masks and, for samplers that draw with replacement, how often each was drawn. */
export interface Perturbation {
  /** [nSamples, nUnits]; row 0 is always the full prompt (all ones). */
  readonly masks: MaskMatrix;
  /** [nSamples] how many times each unique mask was drawn (sampled KernelSHAP); absent otherwise. */
  readonly counts?: Float64Array;
  /** True when every possible coalition of the sampler's family is present (exact, not sampled). */
  readonly exhaustive: boolean;
}

/** Seeded pseudo-random generator. The only source of randomness in the engine. */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [0, n). @throws when n is not a positive integer. */
  int(n: number): number;
}

export type SamplerId = 'loo' | 'lime' | 'kernelshap' | 'exhaustive';

/**
 * A mask sampler. `nSamples` is the budget of rows, the full prompt (row 0) included; a sampler returns
 * fewer rows when fewer distinct masks exist (leave-one-out always returns nUnits + 1 rows).
 */
export type Sampler = (nUnits: number, nSamples: number, rng: Rng) => Perturbation;

export type DistanceId = 'wasserstein' | 'energy' | 'ks' | 'cvm' | 'ad' | 'kuiper' | 'dts' | 'cosine';

/** A statistical distance between two samples. Throws (naming itself) on bad input; never returns a flag value. */
export type Distance = (a: ArrayLike<number>, b: ArrayLike<number>) => number;

/** Distance on the input side: between a variant's mask and the original (all ones). */
export type InputDistanceId = 'removed-fraction' | 'cosine';

export type MethodId = 'gsmile' | 'lime' | 'kernelshap' | 'occlusion';

/** Result of fitting a weighted linear surrogate y ~ intercept + X coef. */
export interface SurrogateFit {
  /** [nFeatures] */
  readonly coefficients: Float64Array;
  readonly intercept: number;
  /** [nFeatures] standard errors of the coefficients (NaN never; 0 where undetermined, see the fitter's doc). */
  readonly standardErrors: Float64Array;
  /** Weighted coefficient of determination; 1 when the target is constant and fitted exactly. */
  readonly r2: number;
  readonly adjustedR2: number;
}

/** A model (or any function) seen as a scalar per prompt: y is the value itself (e.g. a log-probability). */
export interface ScalarTarget {
  readonly kind: 'scalar';
  evaluate(prompts: string[]): Promise<Float64Array>;
}

/**
 * A model seen as a vector per prompt (per-token log-probs, an embedding...): y is the similarity of each
 * variant's vector to the original's under the request's distance.
 */
export interface VectorTarget {
  readonly kind: 'vector';
  evaluate(prompts: string[]): Promise<Float32Array[]>;
}

export type TargetModel = ScalarTarget | VectorTarget;

/** What the caller asks for. Every field but the prompt has a default; the resolved request is echoed. */
export interface ExplainRequest {
  prompt: string;
  method?: MethodId;
  granularity?: Granularity;
  /** Character ranges for granularity 'spans'. */
  spans?: ReadonlyArray<readonly [number, number]>;
  /** Number of perturbed variants (the original prompt is evaluated in addition). */
  samples?: number;
  seed?: number;
  /** Output-side distance between a variant's response vector and the original's (vector targets). */
  distance?: DistanceId;
  /** Width sigma of the exponential kernel. */
  kernelWidth?: number;
  inputDistance?: InputDistanceId;
  /** Ridge penalty of the surrogate (gsmile, lime); 0 means plain weighted least squares. */
  ridge?: number;
  /** How many prompts are sent to the target in one call. */
  batchSize?: number;
}

export type ResolvedExplainRequest = Required<Omit<ExplainRequest, 'spans'>> & {
  spans: ReadonlyArray<readonly [number, number]> | null;
};

export interface StageTimings {
  segment: number;
  sample: number;
  evaluate: number;
  compare: number;
  weight: number;
  fit: number;
  total: number;
}

/** A discriminated union of progress events. */
export type ProgressEvent =
  | { type: 'stage'; stage: 'segment' | 'sample' | 'evaluate' | 'compare' | 'weight' | 'fit' }
  | { type: 'variants'; done: number; total: number };

/** Cooperative cancellation: checked between batches. An AbortSignal satisfies it. */
export interface CancelToken {
  readonly aborted: boolean;
  readonly reason?: unknown;
}

export interface ExplainOptions {
  onProgress?: (event: ProgressEvent) => void;
  signal?: CancelToken;
  /** Needed for granularity 'tokens'. */
  tokenize?: TokenizeFn;
  /** Monotonic clock in milliseconds; defaults to performance.now. */
  now?: () => number;
}

export interface Explanation {
  readonly request: ResolvedExplainRequest;
  readonly units: readonly Unit[];
  /** [nUnits] */
  readonly attributions: Float64Array;
  /** [nUnits] */
  readonly standardErrors: Float64Array;
  readonly intercept: number;
  /** Weighted R-squared of the surrogate on the variants (fidelity), and its adjusted form. */
  readonly r2: number;
  readonly adjustedR2: number;
  /**
   * [nUnits, nPositions] attributions per response position, when the target returns vectors of one
   * common length (score mode's per-token log-probs); each column is a surrogate fitted on that position.
   */
  readonly positionAttributions: { data: Float64Array; rows: number; cols: number } | null;
  readonly masks: MaskMatrix;
  /** [nSamples] raw target values (scalar targets), or null. */
  readonly values: Float64Array | null;
  /** [nSamples] output distances to the original (vector targets), or null. */
  readonly distances: Float64Array | null;
  /** [nSamples] the surrogate's target. */
  readonly y: Float64Array;
  /** [nSamples] the surrogate's sample weights. */
  readonly weights: Float64Array;
  /** [nSamples] the surrogate's prediction for each variant. */
  readonly predicted: Float64Array;
  readonly exhaustive: boolean;
  readonly evaluations: number;
  readonly timings: StageTimings;
}

/** Thrown when an explanation is cancelled through its token. */
export class CancelledError extends Error {
  constructor(message = 'explain: cancelled') {
    super(message);
    this.name = 'CancelledError';
  }
}
