"""Write what the NVF gate judges, from your own environment (numpy and torch only; nothing to install).

The gate (`nvf evaluate --predictions P.npy ...`) judges a model by its predictions: row i is the model's output
for eval row i. Any model can produce them, including ones that do not export to ONNX or TorchScript (Mamba's
selective-scan kernels among them). Copy this file next to your training code, or put the repository's python/
folder on sys.path, then:

    import nvf_predictions as nvf
    nvf.write_predictions(model, "eval.npz", "epoch1.npy", model_name="mamba-s", epoch=1, checkpoint="best.pt")
    nvf.write_payload_keys(article_ids, chunk_ids, "payload_keys.npy")   # once per payload

write_predictions runs `model` over the eval contexts (B, C, D) in batches under torch.no_grad() (eval mode for an
nn.Module), checks each output is (B, D) and finite, and writes P.npy (float32, atomically) with P.npy.json beside
it: the eval file's SHA-256 and row count, the model name, epoch and checkpoint SHA-256, and the predictions' own
SHA-256. The gate reads the record: predictions of another eval file, or a file changed after it was written, are
refused with the field that disagrees; the run's report names the model, epoch and checkpoint.
"""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
from typing import Callable, Optional, Sequence

import numpy as np
import torch

FORMAT = "nvf-predictions v1"


def sha256_of(path: str) -> str:
    """Lower-case hex SHA-256 of a file."""
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _save_npy(array: np.ndarray) -> Callable[[str], None]:
    def write(temp: str) -> None:
        with open(temp, "wb") as f:
            np.save(f, array)
    return write


def _save_json(record: dict) -> Callable[[str], None]:
    def write(temp: str) -> None:
        with open(temp, "w", encoding="utf-8") as f:
            f.write(json.dumps(record, indent=2) + "\n")
    return write


def _write_atomically(path: str, write: Callable[[str], None]) -> None:
    folder = os.path.dirname(os.path.abspath(path))
    fd, temp = tempfile.mkstemp(dir=folder, prefix="." + os.path.basename(path) + ".", suffix=".tmp")
    os.close(fd)
    try:
        write(temp)
        os.replace(temp, path)
    except BaseException:
        if os.path.exists(temp):
            os.remove(temp)
        raise


def write_predictions(model: Callable[[torch.Tensor], torch.Tensor], eval_npz: str, out: str, *, model_name: str,
                      epoch: int, checkpoint: Optional[str] = None, batch_size: int = 256, device: str = "cpu") -> dict:
    """Runs `model` over the contexts of `eval_npz` and writes predictions `out` (.npy) and `out`.json. Returns the record."""
    with np.load(eval_npz) as npz:
        if "contexts" not in npz.files:
            raise ValueError(f"{eval_npz}: no array 'contexts'; expected the eval layout (contexts (M, C, D), targets (M, D), truth_keys (M, 2))")
        contexts = np.asarray(npz["contexts"], dtype=np.float32)
    if contexts.ndim != 3:
        raise ValueError(f"{eval_npz}: 'contexts' has shape {contexts.shape}; expected (M, C, D)")
    m, _, d = contexts.shape
    if isinstance(model, torch.nn.Module):
        model.eval()
    outputs = []
    with torch.no_grad():
        for start in range(0, m, batch_size):
            batch = torch.from_numpy(contexts[start:start + batch_size]).to(device)
            y = model(batch)
            if not isinstance(y, torch.Tensor) or tuple(y.shape) != (batch.shape[0], d):
                shape = tuple(y.shape) if isinstance(y, torch.Tensor) else type(y).__name__
                raise ValueError(f"{model_name}: output {shape} for contexts {tuple(batch.shape)}; expected ({batch.shape[0]}, {d}), one prediction per context")
            y = y.detach().to("cpu", torch.float32).numpy()
            if not np.isfinite(y).all():
                row = start + int(np.argwhere(~np.isfinite(y))[0][0])
                raise ValueError(f"{model_name}: prediction for eval row {row} is not finite")
            outputs.append(y)
    predictions = np.concatenate(outputs) if outputs else np.zeros((0, d), np.float32)
    _write_atomically(out, _save_npy(predictions))
    record = {
        "format": FORMAT,
        "evalFile": os.path.basename(eval_npz),
        "evalSha256": sha256_of(eval_npz),
        "rows": int(m),
        "dimension": int(d),
        "model": model_name,
        "epoch": int(epoch),
        "checkpoint": None if checkpoint is None else os.path.basename(checkpoint),
        "checkpointSha256": None if checkpoint is None else sha256_of(checkpoint),
        "predictionsSha256": sha256_of(out),
    }
    _write_atomically(out + ".json", _save_json(record))
    return record


def write_payload_keys(article_ids: Sequence[int], chunk_ids: Sequence[int], out: str) -> np.ndarray:
    """Writes the key map the gate needs: row r of the payload is (article_ids[r], chunk_ids[r]); int64 (N, 2) .npy."""
    keys = np.stack([np.asarray(article_ids, dtype=np.int64), np.asarray(chunk_ids, dtype=np.int64)], axis=1)
    if keys.ndim != 2 or keys.shape[1] != 2:
        raise ValueError(f"article_ids and chunk_ids must be two sequences of one id per payload row; got shape {keys.shape}")
    if (keys < 0).any():
        raise ValueError(f"payload row {int(np.argwhere(keys < 0)[0][0])} has a negative id; expected (article, chunk) >= 0")
    unique = np.unique(keys, axis=0)
    if len(unique) != len(keys):
        raise ValueError(f"{len(keys) - len(unique)} payload rows repeat an (article, chunk) key; expected one row per key")
    _write_atomically(out, _save_npy(keys))
    return keys
