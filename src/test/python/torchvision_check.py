"""Manual check (not a test fixture): saves full-size torchvision models, scripted and traced, into
the current folder with random weights (nothing is downloaded), and writes what PyTorch's loaded
archives say their biases are (names, owning module class, values) to expected_<models>.json.

    cd /tmp/tv && /usr/bin/python3 /path/to/src/test/python/torchvision_check.py resnet18 vit_b_16 ...
    then: java -cp target/classes:target/test-classes:target/lib/* \
          dev.biasinspector.tools.ExpectedBiasesCheck expected_*.json   (run in that folder)

The files are tens to hundreds of MB each, so they are not committed.
"""
import torch, torchvision, json, sys, warnings
warnings.filterwarnings("ignore")
torch.manual_seed(0)
names = sys.argv[1:]
out = {}
for name in names:
    ctor = getattr(torchvision.models, name)
    kw = {}
    if name in ("googlenet", "inception_v3"): kw = dict(aux_logits=False, init_weights=True)
    m = ctor(**kw).eval()
    size = 299 if name == "inception_v3" else 224
    for kind in ("scripted", "traced"):
        f = f"{name}_{kind}.pt"
        try:
            sm = torch.jit.script(m) if kind == "scripted" else torch.jit.trace(m, torch.randn(1, 3, size, size))
        except Exception as e:
            print(name, kind, "FAILED", type(e).__name__, str(e)[:100]); continue
        torch.jit.save(sm, f)
        lm = torch.jit.load(f)
        mods = {n: type(x).__name__ for n, x in m.named_modules()}
        out[f] = [{"name": n, "module": n.rsplit(".", 1)[0] if "." in n else "", "class": mods.get(n.rsplit(".", 1)[0] if "." in n else ""), "values": p.detach().float().flatten().tolist()}
                  for n, p in lm.named_parameters() if n.rsplit(".",1)[-1].startswith("bias") or n.endswith("_bias")]
        print(f, len(out[f]), "biases", flush=True)
json.dump(out, open("expected_" + "_".join(names) + ".json", "w"))
