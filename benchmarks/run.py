"""Benchmarks: measured, never asserted. Prints one Markdown table.

    .venv/bin/python benchmarks/run.py            # everything but the test-suite timings
    .venv/bin/python benchmarks/run.py --bakes    # only the bake rows
    .venv/bin/python benchmarks/run.py --suite    # also time the three tiers as scripts/test.sh runs them

The ComfyUI rows use the hosts of the real tier (tests/comfyui.py: provisioned on first use, or the variables
scripts/comfyui-env.sh prints). Bakes: CPU time of cookiecutter and its hook, median of alternated runs in fresh
processes (one floor bake, one template bake, and so on), wall time and memory beside it. Imports: the fastest
of several fresh processes (noise only ever adds time), median beside it.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

TEMPLATE = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(TEMPLATE / "tests"))
from comfyui import ComfyUI, hosts  # noqa: E402

ROWS: list[tuple[str, str, str, str]] = []  # (what, measured, compared, target)


def row(what: str, measured: str, compared: str = "", target: str = "") -> None:
    ROWS.append((what, measured, compared, target))
    print(f"  {what}: {measured}  {compared}  {target}", file=sys.stderr)


def run_measured(cmd: list, cwd: Path | None = None, env: dict | None = None) -> tuple[float, int, float]:
    """Wall seconds, peak RSS (KiB) and CPU seconds (user + system) of one child process and of the processes it
    waited for (cookiecutter's hook)."""
    start = time.perf_counter()
    proc = subprocess.Popen([str(c) for c in cmd], cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status):
        raise RuntimeError(f"{cmd} failed: {proc.stderr.read().decode()[-2000:]}")
    return elapsed, usage.ru_maxrss, usage.ru_utime + usage.ru_stime


def size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def bake(root: Path, template: Path = TEMPLATE, **answers) -> Path:
    out = Path(tempfile.mkdtemp(dir=root))
    args = [f"{k}={v}" for k, v in answers.items()]
    subprocess.run([sys.executable, "-m", "cookiecutter", "--no-input", "-o", out, template, *args], check=True,
                   capture_output=True)  # fmt: skip
    return next(out.iterdir())


def bench_bakes(repeats: int) -> None:
    """A default bake against the cheapest template: one variable, one file, no hooks. CPU time of the process
    tree (cookiecutter and its hook), median of alternated runs; wall time on shared cores is too noisy."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        floor = root / "floor"
        (floor / "{{cookiecutter.project_slug}}").mkdir(parents=True)
        (floor / "cookiecutter.json").write_text(json.dumps({"project_slug": "floor"}))
        (floor / "{{cookiecutter.project_slug}}" / "README.md").write_text("# {{ cookiecutter.project_slug }}\n")

        def one(template: Path) -> tuple[float, int, float]:
            out = Path(tempfile.mkdtemp(dir=root))
            # another folder than the template: cookiecutter puts the working directory on sys.path
            return run_measured([sys.executable, "-m", "cookiecutter", "--no-input", "-o", out, template], cwd=root)

        one(TEMPLATE)  # warm the compiled-template cache, as every bake after the first finds it
        runs = {"floor": [], "template": []}
        for _ in range(max(repeats, 21)):  # alternated, so that both see the same machine
            for name, template in (("floor", floor), ("template", TEMPLATE)):
                runs[name].append(one(template))
        cpu = {k: statistics.median(c for _, _, c in v) for k, v in runs.items()}
        wall = {k: statistics.median(w for w, _, _ in v) for k, v in runs.items()}
        memory = {k: statistics.median(m for _, m, _ in v) for k, v in runs.items()}

        def measured(name: str) -> str:
            return f"{cpu[name] * 1000:.0f} ms CPU, {wall[name] * 1000:.0f} ms wall, {memory[name] / 1024:.1f} MiB"

        row("bake: one-file template (floor)", measured("floor"))
        row("bake: defaults (server, v3)", measured("template"), f"{cpu['template'] / cpu['floor']:.2f}x floor CPU "
            f"time, {memory['template'] / memory['floor']:.2f}x floor memory", "<= 1.2x CPU time")  # fmt: skip


def bench_first_test() -> None:
    """From a bake to a green `pytest` for a user who has ComfyUI (README, Develop): the dev extra into the Python
    that runs ComfyUI, against the old way, a new venv with its own torch (here the CPU build on disk; on Linux
    plain `torch` is the CUDA set, gigabytes more)."""
    current = next((h for h in hosts() if h.name == "0.33.0"), None)
    if current is None:
        row("first green test", "skipped: set COMFYUI_CURRENT_PATH and COMFYUI_CURRENT_PYTHON")
        return
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        start = time.perf_counter()
        pack = bake(root)
        target = root / "dev-extra"  # what `pip install -e ".[dev]"` adds beside ComfyUI's packages
        subprocess.run([current.python, "-m", "pip", "install", "-q", "--target", target, "pytest>=8", "ruff>=0.6"],
                       check=True, capture_output=True)  # fmt: skip
        env = {**os.environ, "PYTHONPATH": str(target)}
        subprocess.run([current.python, "-m", "pytest", "-q", "-p", "no:cacheprovider"], cwd=pack, env=env, check=True,
                       capture_output=True)  # fmt: skip
        reused = time.perf_counter() - start
        row("first green test, with ComfyUI's Python", f"{reused:.0f} s, {size(target) / 2**20:.0f} MiB added",
            "bake, pytest and ruff, the pack's tests")  # fmt: skip
        start = time.perf_counter()
        venv = root / "venv"
        subprocess.run([sys.executable, "-m", "venv", venv], check=True)
        packages = ["torch==2.13.0", "pytest>=8", "ruff>=0.6"]
        subprocess.run([venv / "bin" / "python", "-m", "pip", "install", "-q", *packages], check=True,
                       capture_output=True)  # fmt: skip
        subprocess.run([venv / "bin" / "python", "-m", "pytest", "-q", "-p", "no:cacheprovider"], cwd=pack, check=True,
                       capture_output=True)  # fmt: skip
        row("first green test, a new venv with its own torch", f"{time.perf_counter() - start:.0f} s, "
            f"{size(venv) / 2**20:.0f} MiB", "the CPU torch on this disk; the CUDA one is GBs more")  # fmt: skip


IMPORT_PROBE = textwrap.dedent(
    """
    import asyncio, sys, time
    from comfy.cli_args import args
    args.cpu = True
    import utils.extra_config  # claim "utils" before nodes.py edits sys.path
    import server
    class FakeServer:
        routes = __import__("aiohttp").web.RouteTableDef()
        client_id = None
        user_manager = None
        def send_sync(self, *a, **k): pass
    server.PromptServer.instance = FakeServer()
    import nodes  # it imports comfy_api (and v0_0_2) before any pack loads
    start = time.perf_counter()
    ok = asyncio.run(nodes.load_custom_node(sys.argv[1]))
    print(time.perf_counter() - start if ok else "failed")
    """
)

THROUGHPUT_PROBE = textwrap.dedent(
    """
    import sys, time, torch
    sys.path.insert(0, sys.argv[1])
    from my_node_pack import nodes
    image = torch.rand(4, 1024, 1024, 3)
    node = nodes.InvertImage()
    def best(fn):
        fn()
        times = []
        for _ in range(5):
            start = time.perf_counter(); fn(); times.append(time.perf_counter() - start)
        return min(times)
    for strength, raw in ((1.0, lambda: 1.0 - image), (0.5, lambda: torch.lerp(image, 1.0 - image, 0.5))):
        print(strength, best(lambda: node.execute(image, strength)), best(raw))
    """
)


def bench_comfyui(repeats: int) -> None:
    """Per ComfyUI version: a pack's import time, start-up with and without the pack, node throughput."""
    for host in [h for h in hosts() if not h.newest_front_end]:
        with tempfile.TemporaryDirectory() as tmp:
            root = Path(tmp)
            empty = root / "empty_pack"
            empty.mkdir()
            (empty / "__init__.py").write_text("NODE_CLASS_MAPPINGS = {}\n")
            packs = {f"{k}/{a}": bake(root, node_category=k, node_api=a) for k in ("server", "connected")
                     for a in ("v3", "v1")}  # fmt: skip
            # ComfyUI parses every pack's pyproject.toml while loading it: the same cost for any registry-ready
            # pack, so the second reference is the empty pack with the default pack's pyproject.toml.
            empty_pyproject = Path(shutil.copytree(empty, root / "empty_with_pyproject"))
            shutil.copy(packs["server/v3"] / "pyproject.toml", empty_pyproject)
            packs = {"empty pack": empty, "empty pack + pyproject.toml": empty_pyproject, **packs}
            env = {**os.environ, "PYTHONPATH": str(host.tree)}
            times = {}
            for name, path in packs.items():
                runs = []
                for _ in range(2 * repeats):
                    out = subprocess.run([host.python, "-c", IMPORT_PROBE, path], cwd=host.tree, env=env,
                                         capture_output=True, text=True)  # fmt: skip
                    runs.append(float(out.stdout.strip().splitlines()[-1]))
                times[name] = (min(runs), statistics.median(runs))
            base, base_py = times["empty pack"][0], times["empty pack + pyproject.toml"][0]
            for name, (t, median) in times.items():
                what, measured = (
                    f"ComfyUI {host.name}, import: {name}",
                    f"{t * 1000:.1f} ms (median {median * 1000:.1f})",
                )
                if name == "empty pack":
                    row(what, measured)
                elif name.startswith("empty pack"):
                    row(what, measured, f"{(t - base) * 1000:+.1f} ms over the empty pack")
                else:
                    row(what, measured, f"{(t - base) * 1000:+.1f} ms over the empty pack, "
                        f"{(t - base_py) * 1000:+.1f} ms over it with the same pyproject.toml", "<= +5 ms")  # fmt: skip

            starts = {"without the pack": [], "with the default pack": []}
            for i in range(max(3, repeats // 2)):
                for label in starts:
                    base_dir = root / f"start-{i}-{label.replace(' ', '_')}"
                    (base_dir / "custom_nodes").mkdir(parents=True)
                    if "with" in label and "without" not in label:
                        shutil.copytree(packs["server/v3"], base_dir / "custom_nodes" / "my-node-pack")
                    server = ComfyUI(host, base_dir)
                    start = time.perf_counter()
                    server.start()
                    starts[label].append(time.perf_counter() - start)
                    server.stop()
            without, with_pack = (statistics.median(v) for v in starts.values())
            measured = f"{without:.2f} s / {with_pack:.2f} s"
            compared = f"{(with_pack / without - 1) * 100:+.1f} %"
            row(f"ComfyUI {host.name}, start-up without / with the default pack", measured, compared, "<= +2 %")

            out = subprocess.run([host.python, "-c", THROUGHPUT_PROBE, packs["server/v1"]], capture_output=True,
                                 text=True, check=True)  # fmt: skip
            for line in out.stdout.splitlines():
                strength, node_t, raw_t = (float(x) for x in line.split())
                mpix = 4 * 1024 * 1024 / 1e6
                row(f"ComfyUI {host.name}'s torch, Invert Image 4x1024x1024x3, strength {strength:g}",
                    f"{mpix / node_t:.0f} Mpx/s", f"raw torch op {mpix / raw_t:.0f} Mpx/s ({raw_t / node_t:.2f}x)",
                    ">= 0.8x raw")  # fmt: skip


def bench_frontend() -> None:
    """Per flavour and kind: what ships to the browser (raw, gzipped); per flavour: npm ci, node_modules, the
    scripts, on a connected pack (the largest)."""
    npm = shutil.which("npm")
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for flavour in ("js", "ts", "react", "vue"):
            for kind in ("client", "independent", "connected"):
                pack = bake(root, node_category=kind, frontend=flavour)
                shipped = sorted(p for p in (pack / "web").rglob("*") if p.is_file() and "docs" not in p.parts)
                raw = sum(p.stat().st_size for p in shipped)
                gz = sum(len(gzip.compress(p.read_bytes(), 9)) for p in shipped)
                files = ", ".join(p.relative_to(pack / "web").as_posix() for p in shipped)
                shipping = f"{raw / 1024:.1f} KiB raw, {gz / 1024:.1f} KiB gzipped"
                row(f"front end {flavour}, {kind}: what ships", shipping, files)
            ui = pack / "ui"
            for label, env in (("cold cache", {"npm_config_cache": str(root / "npm-cache")}), ("warm cache", {})):
                shutil.rmtree(ui / "node_modules", ignore_errors=True)
                elapsed, _, _ = run_measured([npm, "ci", "--no-audit", "--no-fund"], cwd=ui, env={**os.environ, **env})
                row(f"front end {flavour}: npm ci ({label})", f"{elapsed:.1f} s")
            row(f"front end {flavour}: node_modules", f"{size(ui / 'node_modules') / 2**20:.0f} MiB")
            for script in ["typecheck", "test"] + ([] if flavour == "js" else ["build"]):
                elapsed, _, _ = run_measured([npm, "run", script], cwd=ui)
                row(f"front end {flavour}: npm run {script}", f"{elapsed:.1f} s")
            widget_cost(flavour, pack, npm)


def shipped_size(files: list[Path]) -> tuple[int, int]:
    return sum(p.stat().st_size for p in files), sum(len(gzip.compress(p.read_bytes(), 9)) for p in files)


def widget_cost(flavour: str, pack: Path, npm: str) -> None:
    """What the colour picker adds to what ships: its own file (plain JS), or the bundle built with and
    without its sources (built flavours)."""
    if flavour == "js":
        raw, gz = shipped_size([pack / "web" / "color-widget.js"])
    else:
        bundle = [pack / "web" / "dist" / "main.js", pack / "web" / "dist" / "main.css"]
        with_raw, with_gz = shipped_size(bundle)
        for source in [pack / "ui/src/extensions/color-widget.ts", *(pack / "ui/src").glob("[cC]olor*[pP]icker.*")]:
            source.unlink()
        run_measured([npm, "run", "build"], cwd=pack / "ui")
        without_raw, without_gz = shipped_size(bundle)
        raw, gz = with_raw - without_raw, with_gz - without_gz
    row(f"front end {flavour}: the colour picker adds", f"{raw / 1024:.1f} KiB raw, {gz / 1024:.1f} KiB gzipped")


def bench_suite() -> None:
    tiers = (("fast tier", ["-m", "not tools and not real"], "< 60 s"), ("tools tier", ["-m", "tools"], ""),
             ("real tier", ["-m", "real"], ""), ("whole suite", [], "< 30 min"))  # fmt: skip
    for label, args, target in tiers:
        start = time.perf_counter()
        cmd = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-n", "2", *args]
        out = subprocess.run(cmd, cwd=TEMPLATE, capture_output=True, text=True)
        summary = out.stdout.strip().splitlines()[-1] if out.stdout.strip() else out.stderr[-200:]
        row(f"test suite: {label}", f"{time.perf_counter() - start:.0f} s", summary, target)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeats", type=int, default=21)
    parser.add_argument("--bakes", action="store_true", help="only the bake rows")
    parser.add_argument("--suite", action="store_true", help="also time the test tiers")
    opts = parser.parse_args()
    bench_bakes(opts.repeats)
    if not opts.bakes:
        bench_first_test()
        bench_comfyui(opts.repeats)
        bench_frontend()
    if opts.suite:
        bench_suite()
    print(f"\nMeasured {time.strftime('%Y-%m-%d')} on {os.cpu_count()} cores, Python {sys.version.split()[0]}.\n")
    print("| what | measured | compared | target |")
    print("| --- | --- | --- | --- |")
    for r in ROWS:
        print("| " + " | ".join(r) + " |")


if __name__ == "__main__":
    main()
