import { cp, mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import onnxProto from "onnx-proto";

const { onnx } = onnxProto;

/** Hidden size of the tiny model; the embedder must discover it as its dimension. */
export const TINY_HIDDEN = 16;

const SPECIAL = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"] as const;
const WORDS = [
  "query",
  "passage",
  ":",
  ".",
  ",",
  "the",
  "a",
  "of",
  "and",
  "on",
  "through",
  "firm",
  "company",
  "spends",
  "research",
  "development",
  "r",
  "&",
  "d",
  "expenditure",
  "river",
  "flows",
  "mountains",
  "beijing",
  "shanghai",
  "innovation",
  "policy",
  "hello",
  "world",
  "##s",
  "北",
  "京",
] as const;
const VOCAB: readonly string[] = [...SPECIAL, ...WORDS];

/** Deterministic weights so test runs are reproducible (mulberry32). */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296 - 0.5;
  };
}

function floatTensor(name: string, dims: number[], rand: () => number) {
  const count = dims.reduce((a, b) => a * b, 1);
  return onnx.TensorProto.create({
    name,
    dims,
    dataType: onnx.TensorProto.DataType.FLOAT,
    floatData: Array.from({ length: count }, rand),
  });
}

function int64Input(name: string) {
  return onnx.ValueInfoProto.create({
    name,
    type: {
      tensorType: {
        elemType: onnx.TensorProto.DataType.INT64,
        shape: { dim: [{ dimParam: "batch" }, { dimParam: "sequence" }] },
      },
    },
  });
}

/**
 * Encodes a BERT-shaped ONNX graph: token + type embeddings, masked by attention_mask,
 * then MatMul + Tanh, so every token gets its own context-free vector.
 */
function buildOnnx(vocabSize: number, hidden: number): Uint8Array {
  const rand = seeded(42);
  const node = (opType: string, input: string[], output: string[]) =>
    onnx.NodeProto.create({ opType, input, output, name: output[0] });
  const graph = onnx.GraphProto.create({
    name: "tiny-bert",
    input: [int64Input("input_ids"), int64Input("attention_mask"), int64Input("token_type_ids")],
    output: [
      onnx.ValueInfoProto.create({
        name: "last_hidden_state",
        type: {
          tensorType: {
            elemType: onnx.TensorProto.DataType.FLOAT,
            shape: { dim: [{ dimParam: "batch" }, { dimParam: "sequence" }, { dimValue: hidden }] },
          },
        },
      }),
    ],
    initializer: [
      floatTensor("word_embeddings", [vocabSize, hidden], rand),
      floatTensor("type_embeddings", [2, hidden], rand),
      floatTensor("dense", [hidden, hidden], rand),
      onnx.TensorProto.create({
        name: "last_axis",
        dims: [1],
        dataType: onnx.TensorProto.DataType.INT64,
        int64Data: [-1],
      }),
    ],
    node: [
      node("Gather", ["word_embeddings", "input_ids"], ["words"]),
      node("Gather", ["type_embeddings", "token_type_ids"], ["types"]),
      node("Add", ["words", "types"], ["summed"]),
      onnx.NodeProto.create({
        opType: "Cast",
        input: ["attention_mask"],
        output: ["mask_float"],
        name: "mask_float",
        attribute: [
          {
            name: "to",
            type: onnx.AttributeProto.AttributeType.INT,
            i: onnx.TensorProto.DataType.FLOAT,
          },
        ],
      }),
      node("Unsqueeze", ["mask_float", "last_axis"], ["mask3"]),
      node("Mul", ["summed", "mask3"], ["masked"]),
      node("MatMul", ["masked", "dense"], ["projected"]),
      node("Tanh", ["projected"], ["last_hidden_state"]),
    ],
  });
  const model = onnx.ModelProto.create({
    irVersion: 8,
    producerName: "tiny-model fixture",
    opsetImport: [{ domain: "", version: 13 }],
    graph,
  });
  return onnx.ModelProto.encode(model).finish();
}

function tokenizerJson(): object {
  const special = (token: string) => ({ SpecialToken: { id: token, type_id: 0 } });
  const ids = (token: string) => ({ id: token, ids: [VOCAB.indexOf(token)], tokens: [token] });
  return {
    version: "1.0",
    truncation: null,
    padding: null,
    added_tokens: SPECIAL.map((content, id) => ({
      id,
      content,
      single_word: false,
      lstrip: false,
      rstrip: false,
      normalized: false,
      special: true,
    })),
    normalizer: {
      type: "BertNormalizer",
      clean_text: true,
      handle_chinese_chars: true,
      strip_accents: null,
      lowercase: true,
    },
    pre_tokenizer: { type: "BertPreTokenizer" },
    post_processor: {
      type: "TemplateProcessing",
      single: [special("[CLS]"), { Sequence: { id: "A", type_id: 0 } }, special("[SEP]")],
      pair: [
        special("[CLS]"),
        { Sequence: { id: "A", type_id: 0 } },
        special("[SEP]"),
        { Sequence: { id: "B", type_id: 1 } },
        { SpecialToken: { id: "[SEP]", type_id: 1 } },
      ],
      special_tokens: { "[CLS]": ids("[CLS]"), "[SEP]": ids("[SEP]") },
    },
    decoder: { type: "WordPiece", prefix: "##", cleanup: true },
    model: {
      type: "WordPiece",
      unk_token: "[UNK]",
      continuing_subword_prefix: "##",
      max_input_chars_per_word: 100,
      vocab: Object.fromEntries(VOCAB.map((token, id) => [token, id])),
    },
  };
}

/**
 * Writes a tiny BERT-shaped model that Transformers.js loads like a real one
 * (`config.json`, `tokenizer.json`, `tokenizer_config.json`, `onnx/model.onnx`).
 * Returns the models root to pass as `localModelPath`.
 *
 * @example
 *   const root = await writeTinyModel(["tiny-bert", "tiny-e5"]);
 *   await createTransformersEmbedder({ model: "tiny-bert", localModelPath: root, allowRemote: false });
 */
export async function writeTinyModel(names: readonly string[]): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), "tiny-model-"));
  const [first, ...copies] = names;
  if (first === undefined) return root;
  const dir = join(root, first);
  await mkdir(join(dir, "onnx"), { recursive: true });
  const config = {
    model_type: "bert",
    architectures: ["BertModel"],
    hidden_size: TINY_HIDDEN,
    num_attention_heads: 2,
    num_hidden_layers: 1,
    intermediate_size: 32,
    max_position_embeddings: 64,
    type_vocab_size: 2,
    vocab_size: VOCAB.length,
    pad_token_id: 0,
  };
  const tokenizerConfig = {
    tokenizer_class: "BertTokenizer",
    do_lower_case: true,
    model_max_length: 64,
    cls_token: "[CLS]",
    sep_token: "[SEP]",
    pad_token: "[PAD]",
    unk_token: "[UNK]",
    mask_token: "[MASK]",
  };
  await Promise.all([
    writeFile(join(dir, "config.json"), JSON.stringify(config)),
    writeFile(join(dir, "tokenizer.json"), JSON.stringify(tokenizerJson())),
    writeFile(join(dir, "tokenizer_config.json"), JSON.stringify(tokenizerConfig)),
    writeFile(join(dir, "onnx", "model.onnx"), buildOnnx(VOCAB.length, TINY_HIDDEN)),
  ]);
  for (const name of copies) await cp(dir, join(root, name), { recursive: true });
  return root;
}
