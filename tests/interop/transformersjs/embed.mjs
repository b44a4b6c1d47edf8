// Embeds texts with all-MiniLM-L6-v2 through transformers.js on onnxruntime-node, offline: an implementation
// independent of the gate's (its own tokenizer, its own pooling), over the same model file and vocabulary.
// usage: node embed.mjs MODEL_ROOT MODEL_NAME TEXTS.json > VECTORS.json
//   MODEL_ROOT/MODEL_NAME holds onnx/model.onnx and vocab.txt; this writes the tokenizer and model configs
//   transformers.js reads (a BERT uncased WordPiece tokenizer). Each text runs alone (no padding), truncated at 256
//   tokens as sentence-transformers does, mean-pooled and normalized.
//   TEXTS.json is a JSON array of strings; the output is one 384-float array per text.
import fs from 'node:fs';
import path from 'node:path';
import { env, AutoTokenizer, AutoModel, Tensor } from '@huggingface/transformers';
const [modelRoot, modelName, textsFile] = process.argv.slice(2);
env.allowRemoteModels = false;
env.allowLocalModels = true;
env.localModelPath = modelRoot;
const dir = path.join(modelRoot, modelName);
const vocab = fs.readFileSync(path.join(dir, 'vocab.txt'), 'utf8').split(/\r?\n/);
if (vocab[vocab.length - 1] === '') vocab.pop();
const ids = Object.fromEntries(vocab.map((t, i) => [t, i]));
const tokenizer = {
  version: '1.0', truncation: null, padding: null,
  added_tokens: ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]'].map(t => ({ id: ids[t], content: t, single_word: false, lstrip: false, rstrip: false, normalized: false, special: true })),
  normalizer: { type: 'BertNormalizer', clean_text: true, handle_chinese_chars: true, strip_accents: null, lowercase: true },
  pre_tokenizer: { type: 'BertPreTokenizer' },
  post_processor: { type: 'BertProcessing', sep: ['[SEP]', ids['[SEP]']], cls: ['[CLS]', ids['[CLS]']] },
  decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
  model: { type: 'WordPiece', unk_token: '[UNK]', continuing_subword_prefix: '##', max_input_chars_per_word: 100, vocab: ids },
};
fs.writeFileSync(path.join(dir, 'tokenizer.json'), JSON.stringify(tokenizer));
fs.writeFileSync(path.join(dir, 'tokenizer_config.json'), JSON.stringify({ tokenizer_class: 'BertTokenizer', do_lower_case: true, model_max_length: 256, cls_token: '[CLS]', sep_token: '[SEP]', pad_token: '[PAD]', unk_token: '[UNK]', mask_token: '[MASK]' }));
fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ model_type: 'bert', architectures: ['BertModel'], hidden_size: 384, num_attention_heads: 12, num_hidden_layers: 6, vocab_size: vocab.length, max_position_embeddings: 512 }));
const texts = JSON.parse(fs.readFileSync(textsFile, 'utf8'));
const tok = await AutoTokenizer.from_pretrained(modelName);
const model = await AutoModel.from_pretrained(modelName, { dtype: 'fp32', device: 'cpu' });
const sep = ids['[SEP]'];
const out = [];
for (const t of texts) {
  // sentence-transformers (HF tokenizers) truncates to 256 tokens keeping [CLS] and [SEP]; transformers.js 4.3.2's
  // truncation cuts after adding them and drops [SEP]. Tokenize whole, then cut the sentence-transformers way.
  let inputIds = tok._call(t, { return_tensor: false, truncation: false }).input_ids;
  if (inputIds.length > 256) inputIds = [...inputIds.slice(0, 255), sep];
  const n = inputIds.length;
  const ints = (a) => new Tensor('int64', BigInt64Array.from(a.map(BigInt)), [1, n]);
  const { last_hidden_state: h } = await model({ input_ids: ints(inputIds), attention_mask: ints(Array(n).fill(1)), token_type_ids: ints(Array(n).fill(0)) });
  const d = h.dims[2];
  const mean = new Float64Array(d);
  for (let j = 0; j < n; j++) for (let k = 0; k < d; k++) mean[k] += h.data[j * d + k] / n;
  const norm = Math.max(Math.sqrt(mean.reduce((s, x) => s + x * x, 0)), 1e-12);
  out.push(Array.from(mean, (x) => x / norm));
}
process.stdout.write(JSON.stringify(out));
