import "server-only";
import { createRequire } from "node:module";
import path from "node:path";
import * as tf from "@tensorflow/tfjs";
import { setWasmPaths } from "@tensorflow/tfjs-backend-wasm";
import { load } from "nsfwjs/core";
import { MobileNetV2Model } from "nsfwjs/models/mobilenet_v2";
import pLimit from "p-limit";
import type { FrameClassifier, RgbImage } from "@/lib/screening/classifier";
import { SCREENING_CLASSES, readScores } from "@/lib/screening/rules";

// nsfwjs (its models ship inside the npm package) on TensorFlow.js's WebAssembly backend, which
// installs from npm alone (tfjs-node would download a native library). MobileNetV2: the smallest
// of the three bundled models (3.5 MB), 224×224 input.

const INPUT = 224;

/** The backend's .wasm files, found on disk (resolved at run time: the bundler must not rewrite it). */
function wasmDir(): string {
  const require = createRequire(path.join(process.cwd(), "package.json"));
  return `${path.dirname(require.resolve("@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm"))}/`;
}

export async function loadNsfwjsClassifier(): Promise<FrameClassifier> {
  const started = Date.now();
  setWasmPaths(wasmDir());
  // One thread: predictable cost on a shared machine; frames are queued one at a time below.
  tf.env().set("WASM_HAS_MULTITHREAD_SUPPORT", false);
  if (!(await tf.setBackend("wasm"))) throw new Error("the TensorFlow.js wasm backend did not start");
  await tf.ready();
  const model = await load(MobileNetV2Model.name, { modelDefinitions: [MobileNetV2Model], size: INPUT });
  console.info(`[screening] classifier nsfwjs/${MobileNetV2Model.name} on tfjs-${tf.getBackend()} loaded in ${Date.now() - started} ms`);
  const one = pLimit(1);

  return {
    name: `nsfwjs-4.4/${MobileNetV2Model.name}`,
    inputSize: { width: INPUT, height: INPUT },
    classify: (image: RgbImage) =>
      one(async () => {
        if (image.width !== INPUT || image.height !== INPUT || image.data.length !== INPUT * INPUT * 3) {
          throw new Error(`expected a ${INPUT}×${INPUT} RGB image, got ${image.width}×${image.height}`);
        }
        const input = tf.tensor3d(image.data, [INPUT, INPUT, 3], "int32");
        try {
          const predictions = await model.classify(input, SCREENING_CLASSES.length);
          return readScores(Object.fromEntries(predictions.map((p) => [p.className, p.probability])));
        } finally {
          input.dispose();
        }
      }),
  };
}
