import "server-only";
import type { ClassScores } from "@/lib/screening/rules";

/** An RGB picture, 3 bytes per pixel, row by row. */
export type RgbImage = { data: Uint8Array; width: number; height: number };

/**
 * What screening needs from an image classifier: scores for the classes of lib/screening/rules.ts
 * (summing to 1) for a picture of `inputSize`. nsfwjs on TensorFlow.js is the one we ship; a
 * stronger or a cloud model fits behind the same interface (`getClassifier` picks it).
 */
export interface FrameClassifier {
  /** stored with every sample, e.g. "nsfwjs-4.4/MobileNetV2" */
  readonly name: string;
  readonly inputSize: { width: number; height: number };
  classify(image: RgbImage): Promise<ClassScores>;
}

const state = globalThis as unknown as { suixinClassifier?: Promise<FrameClassifier> };

/**
 * The process's classifier, loaded once (the model takes a few seconds to load; each frame then
 * takes tens of milliseconds). A load that fails is forgotten, so the next sample tries again.
 */
export function getClassifier(): Promise<FrameClassifier> {
  if (!state.suixinClassifier) {
    const loading = import("@/lib/screening/nsfwjs-classifier").then((m) => m.loadNsfwjsClassifier());
    state.suixinClassifier = loading;
    loading.catch((error: unknown) => {
      console.error("[screening] the classifier failed to load:", error instanceof Error ? error.message : error);
      if (state.suixinClassifier === loading) state.suixinClassifier = undefined;
    });
  }
  return state.suixinClassifier;
}
