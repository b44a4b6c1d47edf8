"""NVF soft attention in PyTorch, the set-up DESIGN.md measured and fixtures/configs/nvf-soft-attention.seed.json encodes.

1,000 random unit vectors of dimension 128 (seed 42); a query MLP 128-128-128 and a learnable temperature (0.1);
logits = cos(MLP(q), db) / temperature; cross-entropy on the logits; Adam 1e-3; batch 256; 50 epochs over 50,000 uniform
random unit queries labelled with their exact nearest neighbour; torch threads as given (2 by default).

Prints one JSON line: wall and CPU seconds of training, and Top-1 / Top-5 on 5,000 fresh queries. Run with Debian's
/usr/bin/python3 (python3-torch 1.13); bench/soft-attention.sh runs it beside the gate's own trainer.
"""
import json
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


def main():
    threads = int(sys.argv[1]) if len(sys.argv) > 1 else 2
    epochs = int(sys.argv[2]) if len(sys.argv) > 2 else 50
    torch.set_num_threads(threads)
    torch.manual_seed(42)
    db = F.normalize(torch.randn(1000, 128), dim=-1)
    torch.manual_seed(1)
    queries = F.normalize(torch.randn(50_000, 128), dim=-1)
    labels = (queries @ db.T).argmax(dim=1)

    class SoftAttention(nn.Module):
        def __init__(self):
            super().__init__()
            self.mlp = nn.Sequential(nn.Linear(128, 128), nn.ReLU(), nn.Linear(128, 128))
            self.temperature = nn.Parameter(torch.tensor(0.1))

        def forward(self, q):
            return F.normalize(self.mlp(q), dim=-1) @ db.T / self.temperature

    model = SoftAttention()
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    wall, cpu = time.perf_counter(), time.process_time()
    for _ in range(epochs):
        order = torch.randperm(queries.shape[0])
        for start in range(0, queries.shape[0], 256):
            rows = order[start:start + 256]
            loss = F.cross_entropy(model(queries[rows]), labels[rows])
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu

    torch.manual_seed(7)
    fresh = F.normalize(torch.randn(5_000, 128), dim=-1)
    truth = (fresh @ db.T).argmax(dim=1)
    with torch.no_grad():
        top5 = model(fresh).topk(5, dim=1).indices
    print(json.dumps({
        "torch": torch.__version__, "threads": threads, "epochs": epochs,
        "wall_seconds": round(wall, 2), "cpu_seconds": round(cpu, 2),
        "top1": round((top5[:, 0] == truth).float().mean().item(), 4),
        "top5": round((top5 == truth[:, None]).any(dim=1).float().mean().item(), 4),
    }))


if __name__ == "__main__":
    main()
